// The JAX package of a `verify: "sampling"` decoder: the sampling kernels in config.py and kernels.py
// (calling the support library's sampling ops), f32 inputs through the jax backend and the library's
// worker (no JAX imported: the kernels are replaced by a stand-in that echoes the inputs' exact bits).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { emitJaxPackage, JaxEmitError } from "../../compiler/jax/emit.js";
import type { DecoderPlan } from "../../compiler/ir/plan.js";
import { buildManifest } from "../../compiler/manifest.js";
import { buildKernelGraph } from "../../compiler/kernels/build-kernels.js";
import { buildPlan } from "../../compiler/plan/build-plan.js";
import { pagedKV } from "../../dsl/builders.js";
import { JaxBackend, JaxBackendError } from "../../runtime/backends/jax.js";
import { createEngine, type StepEvent } from "../../runtime/engine.js";
import type { Manifest, ManifestKernel, KernelSig } from "../../contract/manifest.js";
import { randomWeights } from "../../runtime/weights/random.js";
import tinySampling from "../sampling/fixtures/tiny-sampling.js";
import { configSignatures, kernelFunctions, pyCompile, python, PYTHON, pythonEnv, pythonFiles, requirePython, tempDir, tinyPlan, writePackage } from "./helpers.js";
import { planWeights } from "../../compiler/ir/weights.js";

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
  beforeAll(requirePython);

  it("byte-compiles for every template branch", () => {
    const dir = tempDir("sampling-pycompile");
    for (const p of samplingPlans()) writePackage(dir, p);
    const files = pythonFiles(join(dir, "jax"));
    pyCompile(files);
    expect(files.filter((f) => f.endsWith("/kernels.py"))).toHaveLength(3);
    expect(files.filter((f) => f.endsWith("/dflashc_jax/ops.py"))).toHaveLength(1);
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

  it("kernels.py takes the twin's arguments then the sampling inputs, and calls the library's sampling ops", () => {
    const plan = samplingPlans()[0];
    const files = emitJaxPackage(plan, { source: "s.ts", manifestHash: "h" });
    const kernels = files.get("jax/tiny_sampling/kernels.py")!;
    const ops = files.get("jax/dflashc_jax/ops.py")!;
    const twin = "target_kv, draft_k, draft_v, seq_state, block_tokens, slots, block_tables, draft_slots";
    expect(kernels).toContain(`def verify(w, ${twin}):`);
    expect(kernels).toContain(`def verify_sample(w, ${twin}, uniforms, temperature, top_k, top_p):`);
    expect(kernels).toContain("def decode_step_sample(w, target_kv, draft_k, draft_v, seq_state, slots, block_tables, draft_slots, uniforms, temperature, top_k, top_p):");
    expect(kernels).toContain("def target_step_sample(w, target_kv, seq_state, slots, block_tables, uniforms, temperature, top_k, top_p):");
    const fns = kernelFunctions(kernels);
    for (const sig of plan.kernels) {
      // Outputs then donated caches, as many values as the manifest's results.
      expect(fns[sig.kernel].returns, sig.kernel).toEqual([sig.results.length]);
      expect(fns[sig.kernel].args, sig.kernel).toEqual(["w", ...sig.args.filter((a) => a.role !== "weight").map((a) => a.name)]);
    }
    for (const k of SAMPLING_KERNELS) {
      expect(kernels).toContain(`    "${k}": ${k},`);
      expect(fns[k].ops, k).toContain("sampling_probs");
    }
    for (const k of ["verify_sample", "decode_step_sample"]) expect(fns[k].ops, k).toContain("accept_sample");
    for (const k of ["verify", "decode_step"]) expect(fns[k].ops, k).not.toContain("sampling_probs");
    // The sampling math is the library's, not generated.
    for (const f of ["def sampling_probs(", "def accept_sample(", "def inverse_cdf(", "lax.bitcast_convert_type", "lax.fori_loop"]) {
      expect(ops).toContain(f);
      expect(kernels).not.toContain(f);
    }
    // A greedy decoder's kernels carry none of it.
    const greedy = emitJaxPackage(tinyPlan(), { source: "t.ts", manifestHash: "h" });
    expect(greedy.get("jax/tiny_dflash/kernels.py")).not.toContain("sampling_probs");
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
    // A sampling input of another name or dtype is refused: by the emitter's signature check (f32 only for
    // the sampling inputs it knows), else by the kernel graph that has no such parameter...
    expect(() => emitJaxPackage(tamper((a) => ({ ...a, name: "top_q" })), { source: "s", manifestHash: "h" })).toThrow(/top_q is f32, not i32/);
    expect(() => emitJaxPackage(tamper((a) => ({ ...a, name: "top_q", dtype: "i32" })), { source: "s", manifestHash: "h" })).toThrow(/no parameter 'top_p'/);
    expect(() => emitJaxPackage(tamper((a) => ({ ...a, dtype: "i32" })), { source: "s", manifestHash: "h" })).toThrow(/top_p is i32, not f32/);
    // ... and past prebuilt graphs, the emitter's own signature check refuses them before any template.
    const graphs = plan.kernels.map((s) => buildKernelGraph(plan, s));
    const emit = (p: DecoderPlan) => () => emitJaxPackage(p, { source: "s", manifestHash: "h" }, graphs);
    expect(emit(tamper((a) => ({ ...a, name: "top_p);import os#" })))).toThrow(JaxEmitError);
    expect(emit(tamper((a) => ({ ...a, name: "top_p);import os#" })))).toThrow(/not a Python identifier/);
    expect(emit(tamper((a) => ({ ...a, dtype: "i32" })))).toThrow(/input top_p is i32, not f32/);
    // An f32 input under another name is not one the wire carries as f32.
    expect(emit(tamper((a) => ({ ...a, name: "top_q" })))).toThrow(/input top_q is f32, not i32/);
    expect(emit(plan)).not.toThrow();
  });
});

/**
 * The library's worker serving the generated package, with its kernels replaced (no JAX imported):
 * each kernel returns, for every output, the raw bits of one f32 input (target_tokens ← uniforms,
 * accepted ← temperature, next_tokens ← top_p) in "echo" mode, zeros in "zeros" mode. Weight loading
 * only fills the tables. Everything else (framing, handshake, input checks, replies) is the real worker.
 */
const STAND_IN = `
import sys
import numpy as np
from dflashc_jax import worker
from tiny_sampling import config

ECHO = {"target_tokens": "uniforms", "accepted": "temperature", "next_tokens": "top_p"}


class StandIn:
    """Kernel.run's calling convention: (params, *caches, *inputs, mesh)."""

    def __init__(self, signature, mode):
        self.signature, self.mode = signature, mode

    def run(self, params, *caches_and_inputs, mesh=None):
        s = self.signature
        assert len(caches_and_inputs) == len(s.caches) + len(s.inputs)
        inputs = dict(zip([t.name for t in s.inputs], caches_and_inputs[len(s.caches) :]))
        for t in s.inputs:
            assert inputs[t.name].dtype == {"i32": np.int32, "f32": np.float32}[t.dtype], t.name
        outputs = []
        for t in s.outputs:
            source = inputs.get(ECHO.get(t.name, ""))
            echo = self.mode == "echo" and source is not None and source.shape == t.shape
            outputs.append(source.view(np.int32) if echo else np.zeros(t.shape, np.int32))
        return (*outputs, *(None for c in s.caches if c.donated))


def load_weights(self, header, arrays):
    self.params = {}
    self.caches = {name: None for name in worker._cache_specs(config)}
    return {"weights": len(config.WEIGHTS)}, {}


def install(mode):
    stand_ins = {key: StandIn(sig, mode) for key, sig in config.SIGNATURES.items()}
    worker.Worker.kernels = lambda self: stand_ins
    worker.Worker.load_weights = worker.OPS["load_weights"] = load_weights


if __name__ == "__main__":
    install(sys.argv[1])
    code = worker.main("tiny_sampling")
    assert "jax" not in sys.modules, "the stand-in worker imported JAX"
    sys.exit(code)
`;

describe("f32 sampling inputs through the jax backend and the generated worker", () => {
  let outDir = "";
  let manifest: Manifest;
  let plan: DecoderPlan;

  beforeAll(() => {
    requirePython();
    plan = samplingPlans()[0];
    manifest = buildManifest(plan, "s.ts", new Map());
    outDir = tempDir("jax-sampling");
    writePackage(outDir, plan, manifest.contentHash);
    writeFileSync(join(outDir, "jax", "stand_in.py"), STAND_IN);
  });

  const backend = (mode: "echo" | "zeros") =>
    new JaxBackend({ outDir, command: [PYTHON, join(outDir, "jax", "stand_in.py"), mode], env: { PYTHONPYCACHEPREFIX: pythonEnv().PYTHONPYCACHEPREFIX! }, timeoutMs: 10_000, initTimeoutMs: 10_000 });
  const kernel = (id: string): ManifestKernel => manifest.kernels.find((k) => `${k.kernel}.${k.bucketId}` === id)!;

  it("sends uniforms, temperature and top_p as f32, bit for bit", async () => {
    const b = backend("echo");
    await b.init(manifest, randomWeights(planWeights(plan), 0));
    try {
      const k = kernel("verify_sample.r2");
      const uniforms = Float32Array.from([0.1, 0.25, 1 - 2 ** -24, 0, 1e-7, 0.5, 0.75, 0.999]);
      const temperature = Float32Array.from([0.7, 1e-3]);
      const inputs = new Map<string, Int32Array | Float32Array>([
        ["block_tokens", Int32Array.from([1, 2, 3, 4, 5, 6, 7, 8])],
        ["slots", Int32Array.from([1, 2])],
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
        ["slots", Int32Array.from([1])],
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
from dflashc_jax import worker
from tiny_sampling import config
w = worker.Worker("tiny_sampling")
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
    const engine = await createEngine(manifest, backend("zeros"), randomWeights(planWeights(plan), 0), { targetOnly: true, onStep });
    try {
      const [r] = await engine.generate([{ promptIds: [1, 2, 3], maxNewTokens: 3, sampling: { temperature: 0.8, topK: 5, topP: 0.9 }, seed: 7 }]);
      expect(r.tokens).toEqual([0, 0, 0]);
      expect(kernels).toContain("target_step_sample");
    } finally {
      await engine.close();
    }
  });
});
