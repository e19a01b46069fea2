// The JAX package of a `verify: "sampling"` decoder: the sampling kernels in config.py, kernels.py and
// ops.py, f32 inputs through the jax backend and the generated worker (no JAX needed: the jitted
// kernels are replaced by a stand-in that echoes the inputs' exact bits).
import { execFileSync } from "node:child_process";
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { emitJaxPackage, JaxEmitError } from "../../compiler/jax/emit.js";
import type { DecoderPlan, KernelSig } from "../../compiler/ir/plan.js";
import { buildManifest } from "../../compiler/manifest.js";
import { buildPlan } from "../../compiler/passes/build-plan.js";
import { pagedKV } from "../../dsl/builders.js";
import { JaxBackend, JaxBackendError } from "../../runtime/backends/jax.js";
import { createEngine, type StepEvent } from "../../runtime/engine.js";
import type { Manifest, ManifestKernel } from "../../runtime/manifest.js";
import { randomWeights } from "../../runtime/weights/random.js";
import tinySampling from "../sampling/fixtures/tiny-sampling.js";
import { configSignatures, python, PYTHON, requireNumpy, tempDir, tinyPlan, writePackage } from "./helpers.js";

/** The sampling fixture and the other template branches: a paged draft cache, no drafter. */
function samplingPlans(): DecoderPlan[] {
  const { draft: _draft, blockSize: _k, ...targetOnly } = tinySampling;
  return [
    buildPlan(tinySampling),
    buildPlan({ ...tinySampling, name: "tiny_sampling_paged", cache: { target: tinySampling.cache.target, draft: pagedKV({ pageSize: 8, numPages: 64, maxContext: 32 }) } }),
    buildPlan({ ...targetOnly, name: "tiny_sampling_target_only", cache: { target: tinySampling.cache.target } }),
  ];
}

const SAMPLING_KERNELS = ["verify_sample", "decode_step_sample", "target_step_sample"];

describe("the JAX package of a sampling decoder", () => {
  it("byte-compiles for every template branch", () => {
    const dir = tempDir("sampling-pycompile");
    const files = samplingPlans().flatMap((p) => {
      const pkg = writePackage(dir, p);
      return readdirSync(pkg).map((f) => join(pkg, f));
    });
    execFileSync(PYTHON, ["-m", "py_compile", ...files]);
    expect(files.filter((f) => f.endsWith("/kernels.py"))).toHaveLength(3);
  });

  it("config.py holds exactly the plan's signatures, f32 inputs as f32", () => {
    for (const plan of samplingPlans()) {
      const dir = tempDir("sampling-config");
      writePackage(dir, plan);
      const { got, want } = configSignatures(dir, plan);
      expect(got).toEqual(want);
      const kernels = new Set(plan.kernels.map((k) => k.kernel));
      expect(SAMPLING_KERNELS.filter((k) => kernels.has(k as KernelSig["kernel"]))).toEqual(plan.draft ? SAMPLING_KERNELS : ["target_step_sample"]);
      const uniforms = plan.kernels.find((k) => k.kernel === "target_step_sample")!.args.find((a) => a.name === "uniforms")!;
      expect(JSON.stringify(got)).toContain(JSON.stringify(["uniforms", uniforms.shape, "f32", "input", false]));
    }
  });

  it("kernels.py takes the twin's arguments then the sampling inputs, and ops.py has the sampling ops", () => {
    const files = emitJaxPackage(samplingPlans()[0], { source: "s.ts", manifestHash: "h" });
    const kernels = files.get("jax/tiny_sampling/kernels.py")!;
    const ops = files.get("jax/tiny_sampling/ops.py")!;
    const twin = "target_kv, draft_k, draft_v, block_tokens, seq_lens, block_tables, draft_slots";
    expect(kernels).toContain(`def verify(w, ${twin}):`);
    expect(kernels).toContain(`def verify_sample(w, ${twin}, uniforms, temperature, top_k, top_p):`);
    expect(kernels).toContain("def decode_step_sample(w, target_kv, draft_k, draft_v, last_tokens, seq_lens, block_tables, draft_slots, uniforms, temperature, top_k, top_p):");
    expect(kernels).toContain("def target_step_sample(w, target_kv, last_tokens, seq_lens, block_tables, uniforms, temperature, top_k, top_p):");
    expect(kernels).toContain("return accepted, target_tokens, drafts, target_kv, draft_k, draft_v");
    for (const k of SAMPLING_KERNELS) expect(kernels).toContain(`"${k}": ${k},`);
    for (const f of ["def sampling_probs(", "def accept_sample(", "def inverse_cdf(", "lax.bitcast_convert_type", "lax.fori_loop"]) expect(ops).toContain(f);
    // A greedy decoder's package carries none of it.
    const greedy = emitJaxPackage(tinyPlan(), { source: "t.ts", manifestHash: "h" });
    expect(greedy.get("jax/tiny_dflash/ops.py")).not.toContain("sampling_probs");
    expect(greedy.get("jax/tiny_dflash/kernels.py")).not.toContain("_sample");
  });

  it("still rejects hostile names, and sampling inputs of another name or dtype", () => {
    const plan = samplingPlans()[0];
    for (const name of ['tiny"sampling', "x; import os", "tiny\nsampling"]) {
      expect(() => emitJaxPackage({ ...plan, name }, { source: "s.ts", manifestHash: "h" })).toThrow(JaxEmitError);
    }
    const tamper = (f: (a: KernelSig["args"][number]) => KernelSig["args"][number]): DecoderPlan => ({
      ...plan,
      kernels: plan.kernels.map((k) => (k.kernel === "verify_sample" ? { ...k, args: k.args.map((a) => (a.name === "top_p" ? f(a) : a)) } : k)),
    });
    expect(() => emitJaxPackage(tamper((a) => ({ ...a, name: "top_p);import os#" })), { source: "s", manifestHash: "h" })).toThrow(/differ from what/);
    expect(() => emitJaxPackage(tamper((a) => ({ ...a, dtype: "i32" })), { source: "s", manifestHash: "h" })).toThrow(/top_p is i32, not f32/);
  });
});

/**
 * The generated worker with its jitted kernels replaced (no JAX here): each kernel returns, for every
 * output, the raw bits of one f32 input (target_tokens ← uniforms, accepted ← temperature,
 * next_tokens ← top_p) in "echo" mode, zeros in "zeros" mode. Weight loading only fills the tables.
 */
const STAND_IN = `
import sys, types
import numpy as np
import tiny_sampling
from tiny_sampling import config, worker

ECHO = {"target_tokens": "uniforms", "accepted": "temperature", "next_tokens": "top_p"}


class StandIn:
    def __init__(self, signature, mode):
        self.signature, self.mode = signature, mode

    def __call__(self, *args, mesh=None):
        s = self.signature
        inputs = dict(zip([t.name for t in s.inputs], args[len(s.weights) + len(s.caches) :]))
        for t in s.inputs:
            assert inputs[t.name].dtype == {"i32": np.int32, "f32": np.float32}[t.dtype], t.name
        outputs = []
        for t in s.outputs:
            source = inputs.get(ECHO.get(t.name, ""))
            echo = self.mode == "echo" and source is not None and source.shape == t.shape
            outputs.append(source.view(np.int32) if echo else np.zeros(t.shape, np.int32))
        return (*outputs, *(None for c in s.caches if c.donated))


def load_weights(self, header, arrays):
    self.params = {name: None for name in config.WEIGHTS}
    self.caches = {name: None for name in worker._cache_shapes()}
    return {"weights": len(self.params)}, {}


def install(mode):
    kernels = types.ModuleType("tiny_sampling.kernels")
    kernels.KERNELS = {key: StandIn(sig, mode) for key, sig in config.SIGNATURES.items()}
    sys.modules["tiny_sampling.kernels"] = tiny_sampling.kernels = kernels
    worker.Worker.load_weights = worker.OPS["load_weights"] = load_weights


if __name__ == "__main__":
    install(sys.argv[1])
    sys.exit(worker.main())
`;

describe("f32 sampling inputs through the jax backend and the generated worker", () => {
  let outDir = "";
  let manifest: Manifest;
  let plan: DecoderPlan;

  beforeAll(() => {
    requireNumpy();
    plan = samplingPlans()[0];
    manifest = buildManifest(plan, "s.ts", new Map());
    outDir = tempDir("jax-sampling");
    writePackage(outDir, plan, manifest.contentHash);
    writeFileSync(join(outDir, "jax", "stand_in.py"), STAND_IN);
  });

  const backend = (mode: "echo" | "zeros") =>
    new JaxBackend({ outDir, command: [PYTHON, join(outDir, "jax", "stand_in.py"), mode], timeoutMs: 10_000, initTimeoutMs: 10_000 });
  const kernel = (id: string): ManifestKernel => manifest.kernels.find((k) => `${k.kernel}.${k.bucketId}` === id)!;

  it("sends uniforms, temperature and top_p as f32, bit for bit", async () => {
    const b = backend("echo");
    await b.init(manifest, randomWeights(plan, 0));
    try {
      const k = kernel("verify_sample.r2");
      const uniforms = Float32Array.from([0.1, 0.25, 1 - 2 ** -24, 0, 1e-7, 0.5, 0.75, 0.999]);
      const temperature = Float32Array.from([0.7, 1e-3]);
      const inputs = new Map<string, Int32Array | Float32Array>([
        ["block_tokens", Int32Array.from([1, 2, 3, 4, 5, 6, 7, 8])],
        ["seq_lens", Int32Array.from([3, 4])],
        ["block_tables", new Int32Array(2 * plan.caches.target.pagesPerRequest)],
        ["draft_slots", Int32Array.from([1, 2])],
        ["uniforms", uniforms],
        ["temperature", temperature],
        ["top_k", Int32Array.from([0, 5])],
        ["top_p", Float32Array.from([0.9, 1])],
      ]);
      const out = await b.run(k, inputs);
      expect([...out.get("target_tokens")!]).toEqual([...new Int32Array(uniforms.buffer)]);
      expect([...out.get("accepted")!]).toEqual([...new Int32Array(temperature.buffer)]);

      const t = kernel("target_step_sample.r1");
      const topP = Float32Array.from([0.123456789]);
      const step = new Map<string, Int32Array | Float32Array>([
        ["last_tokens", Int32Array.from([3])],
        ["seq_lens", Int32Array.from([5])],
        ["block_tables", new Int32Array(plan.caches.target.pagesPerRequest)],
        ["uniforms", Float32Array.from([0.5])],
        ["temperature", Float32Array.from([1])],
        ["top_k", Int32Array.from([0])],
        ["top_p", topP],
      ]);
      expect([...(await b.run(t, step)).get("next_tokens")!]).toEqual([...new Int32Array(topP.buffer)]);

      // An input in the wrong array type is refused before it reaches the pipe; the worker keeps serving.
      const wrong = new Map(step).set("uniforms", Int32Array.from([0]));
      await expect(b.run(t, wrong)).rejects.toThrow(/uniforms is f32 but came as a Int32Array/);
      const wrongK = new Map(step).set("top_k", Float32Array.from([0]));
      await expect(b.run(t, wrongK)).rejects.toThrow(JaxBackendError);
      expect([...(await b.run(t, step)).get("next_tokens")!]).toEqual([...new Int32Array(topP.buffer)]);
    } finally {
      await b.close();
    }
  });

  it("the worker refuses a sampling input in the wrong dtype with bad_inputs", () => {
    const out = python(
      join(outDir, "jax"),
      `import numpy as np, stand_in
stand_in.install("zeros")
from tiny_sampling import config, worker
w = worker.Worker()
w.load_weights({}, {})
sig = config.SIGNATURES[("target_step_sample", "r1")]
arrays = {t.name: np.zeros(t.shape, np.float32 if t.dtype == "f32" else np.int32) for t in sig.inputs}
print(w.run({"kernel": "target_step_sample", "bucket": "r1"}, arrays)[1]["next_tokens"].dtype)
arrays["uniforms"] = arrays["uniforms"].astype(np.int32)
try:
    w.run({"kernel": "target_step_sample", "bucket": "r1"}, arrays)
except worker.RequestError as e:
    print(e.kind, e)`,
    );
    expect(out).toContain("int32");
    expect(out).toContain("bad_inputs target_step_sample.r1: uniforms must be f32[1, 1], got int32[1, 1]");
  });

  it("carries a sampling generate() through the engine (target-only path, stand-in tokens)", async () => {
    const kernels = new Set<string>();
    const onStep = (e: StepEvent) => e.calls.forEach((c) => kernels.add(c.kernel));
    const engine = await createEngine(manifest, backend("zeros"), randomWeights(plan, 0), { targetOnly: true, onStep });
    try {
      const [r] = await engine.generate([{ promptIds: [1, 2, 3], maxNewTokens: 3, sampling: { temperature: 0.8, topK: 5, topP: 0.9 }, seed: 7 }]);
      expect(r.tokens).toEqual([0, 0, 0]);
      expect(kernels).toContain("target_step_sample");
    } finally {
      await engine.close();
    }
  });
});
