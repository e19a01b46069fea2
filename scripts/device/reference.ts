/**
 * The host half of scripts/device-check: compiles a decoder into a folder (manifest.json and the JAX
 * package), decodes a few prompts through the real engine on the reference side, and records every
 * kernel call (int32 inputs and outputs, and the caches after the call) so that the JAX kernels can
 * replay the same calls on a device and be compared number for number.
 *
 * The reference is the kernel graph evaluator (compiler/ir/graph-eval.ts), the witness that the
 * StableHLO interpreter is checked against; weights are `randomWeights(planWeights(plan), seed)`, which the JAX
 * package's `weights.random_weights(seed)` reproduces bit for bit, so no weights travel.
 *
 * Layout of `<dir>/reference/`: `index.json` (see `ReferenceIndex`) and one raw little-endian file
 * per array (`NNN.<name>.i32` / `.f32`).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { DecoderPlan } from "../../compiler/ir/plan.js";
import { evaluateKernel } from "../../compiler/ir/graph-eval.js";
import { fromData, zeros, type GraphTensor } from "../../compiler/ir/graph-tensor.js";
import type { KernelGraph } from "../../compiler/ir/graph.js";
import { buildKernelGraph } from "../../compiler/kernels/build-kernels.js";
import type { Backend, KernelInput, Weights } from "../../runtime/backend.js";
import { ReferenceBackend } from "../../runtime/backends/reference.js";
import { compilePlan } from "../../compiler/compile.js";
import { parseManifest, type KernelSig } from "../../contract/manifest.js";
import { createEngine, type EngineOptions, type GenerateRequest } from "../../runtime/engine.js";
import type { Manifest, ManifestKernel } from "../../contract/manifest.js";
import type { SamplingParams } from "../../runtime/sampling.js";
import { randomTokens, randomWeights } from "../../runtime/weights/random.js";
import { planWeights } from "../../compiler/ir/weights.js";
import type { ModelDType } from "../../contract/dtypes.js";
import { kernelWeightData } from "../../contract/weight-stack.js";

/** A backend that evaluates the plan's kernel graphs on the host; caches are kept between calls. */
export class GraphBackend implements Backend {
  private readonly graphs = new Map<string, KernelGraph>();
  private readonly weights = new Map<string, GraphTensor>();
  readonly caches = new Map<string, GraphTensor>();

  constructor(private readonly plan: DecoderPlan) {}

  async init(manifest: Manifest, weights: Weights): Promise<void> {
    this.weights.clear();
    this.caches.clear();
    for (const k of manifest.kernels) {
      for (const a of k.args) {
        if (a.role === "cache" && !this.caches.has(a.name)) this.caches.set(a.name, zeros({ shape: a.shape, dtype: a.dtype }));
        // A stacked argument is its layers' checkpoint tensors one after the other.
        if (a.role === "weight" && !this.weights.has(a.name)) this.weights.set(a.name, fromData(a.dtype, a.shape, kernelWeightData(a, (n) => weights.get(n))));
      }
    }
  }

  private graph(k: ManifestKernel): KernelGraph {
    const key = `${k.kernel}.${k.bucketId}`;
    let g = this.graphs.get(key);
    if (!g) {
      const sig = this.plan.kernels.find((s: KernelSig) => s.kernel === k.kernel && s.bucketId === k.bucketId);
      if (!sig) throw new Error(`no kernel ${key} in the plan`);
      g = buildKernelGraph(this.plan, sig);
      this.graphs.set(key, g);
    }
    return g;
  }

  async run(kernel: ManifestKernel, inputs: ReadonlyMap<string, KernelInput>): Promise<Map<string, Int32Array>> {
    const args = new Map<string, GraphTensor>();
    for (const a of kernel.args) {
      if (a.role === "weight") args.set(a.name, this.weights.get(a.name)!);
      else if (a.role === "cache") args.set(a.name, this.caches.get(a.name)!);
      // int32 metadata, or the sampling kernels' f32 inputs (uniforms, temperature, top_p)
      else args.set(a.name, fromData(a.dtype === "f32" ? "f32" : "i32", a.shape, inputs.get(a.name)!));
    }
    const results = evaluateKernel(this.graph(kernel), args);
    const out = new Map<string, Int32Array>();
    for (const r of kernel.results) {
      const t = results.get(r.name)!;
      if (r.role === "cache") this.caches.set(r.name, t);
      else out.set(r.name, Int32Array.from(t.data));
    }
    return out;
  }

  async close(): Promise<void> {
    this.caches.clear();
  }
}

export interface RecordedCall {
  /** The first call after the backend was (re)initialized: it starts from zeroed caches. */
  readonly fresh: boolean;
  readonly kernel: string;
  readonly bucket: string;
  /** name → file under reference/ */
  readonly inputs: Record<string, string>;
  readonly outputs: Record<string, string>;
  /** Every cache after the call, name → file. */
  readonly caches: Record<string, string>;
}

export interface ReferenceIndex {
  readonly name: string;
  readonly seed: number;
  readonly dtype: ModelDType;
  readonly calls: readonly RecordedCall[];
  /**
   * Prompts decoded, and what came out: with the drafter through `decode_step` (`tokens`), through
   * `draft` + `verify` (`split`), and with the target alone (`targetOnly`). All three are recorded in
   * `calls`, in that order.
   *
   * Greedy unless `sampling` is given: then request `i` samples with `sampling[i]` (its parameters and
   * the seed of its uniforms) through the `_sample` kernels, and the three paths agree in distribution
   * only, not token for token. A sampled session is decoded twice on the host, by the graph evaluator
   * (recorded in `calls`) and by the reference backend (the StableHLO interpreter of `dflashc run
   * --backend reference`); `writeCase` fails unless both gave the same tokens, so these are the
   * reference backend's tokens for these seeds.
   */
  readonly generate: {
    readonly prompts: number[][];
    readonly maxNewTokens: number;
    readonly sampling?: readonly SampledRequest[];
    readonly tokens: number[][];
    readonly split: number[][];
    readonly targetOnly: number[][];
  };
}

/** One request of a sampled session: its sampling parameters and the seed of its uniform stream. */
export interface SampledRequest extends SamplingParams {
  readonly seed: number;
}

/** The requests of a recorded session (the same on the host and, through lossless.ts, on the device). */
export function sessionRequests(g: Pick<ReferenceIndex["generate"], "prompts" | "maxNewTokens" | "sampling">): GenerateRequest[] {
  if (g.sampling && g.sampling.length !== g.prompts.length) throw new Error(`${g.sampling.length} sampling settings for ${g.prompts.length} prompts`);
  return g.prompts.map((promptIds, i) => {
    const s = g.sampling?.[i];
    return s
      ? { promptIds, maxNewTokens: g.maxNewTokens, sampling: { temperature: s.temperature, topK: s.topK, topP: s.topP }, seed: s.seed }
      : { promptIds, maxNewTokens: g.maxNewTokens };
  });
}

/** Wraps a GraphBackend and writes every call's arrays under `dir`. */
class RecordingBackend implements Backend {
  readonly calls: RecordedCall[] = [];
  private fresh = true;

  constructor(
    private readonly inner: GraphBackend,
    private readonly dir: string,
  ) {}

  init(manifest: Manifest, weights: Weights): Promise<void> {
    this.fresh = true;
    return this.inner.init(manifest, weights);
  }

  private write(n: number, name: string, data: Int32Array | Float32Array): string {
    const file = `${String(n).padStart(3, "0")}.${name}.${data instanceof Int32Array ? "i32" : "f32"}`;
    writeFileSync(join(this.dir, file), new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    return file;
  }

  async run(kernel: ManifestKernel, inputs: ReadonlyMap<string, KernelInput>): Promise<Map<string, Int32Array>> {
    const n = this.calls.length;
    const rec = (m: ReadonlyMap<string, Int32Array | Float32Array>) => Object.fromEntries([...m].map(([k, v]) => [k, this.write(n, k, v)]));
    const recordedInputs = rec(inputs);
    // The graph backend computes inside run() itself, so the caches right after the call are this
    // call's even when the engine enqueues the next call before awaiting this one.
    const result = this.inner.run(kernel, inputs);
    const caches = rec(new Map([...this.inner.caches].map(([k, t]) => [k, t.data])));
    const call = { fresh: this.fresh, kernel: kernel.kernel, bucket: kernel.bucketId, inputs: recordedInputs, outputs: {} as Record<string, string>, caches };
    this.calls.push(call);
    this.fresh = false;
    const out = await result;
    call.outputs = rec(out);
    return out;
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

export interface CaseOptions {
  /** The config file, as recorded in the manifest and the generated headers. */
  readonly source: string;
  readonly seed: number;
  /**
   * Record the reference calls of a session (small decoders only): greedy, or with `sampling` one
   * request per entry (so `prompts` must equal its length) through the sampling kernels.
   */
  readonly record?: { readonly prompts: number; readonly promptLength: number; readonly maxNewTokens: number; readonly sampling?: readonly SampledRequest[] };
}

/** The compiled folder a device run needs: what `dflashc compile` writes (manifest, StableHLO, JAX package). Returns the manifest. */
export function writeCompiled(dir: string, plan: DecoderPlan, source: string): Manifest {
  const files = compilePlan(plan, { source, emit: new Set(["stablehlo", "jax"]) });
  for (const [path, text] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return parseManifest(files.get("manifest.json")!);
}

async function decode(manifest: Manifest, backend: Backend, weights: Weights, requests: GenerateRequest[], options: EngineOptions): Promise<number[][]> {
  const engine = await createEngine(manifest, backend, weights, options);
  try {
    return (await engine.generate(requests)).map((r) => r.tokens);
  } finally {
    await engine.close();
  }
}

/** The prompts a case decodes: seeded, never the mask token. */
export function casePrompts(plan: DecoderPlan, seed: number, count: number, length: number): number[][] {
  const exclude = plan.draft ? [plan.draft.maskTokenId] : [];
  return Array.from({ length: count }, (_, i) => randomTokens(seed, `device-check.prompt.${i}`, length + i, plan.target.vocabSize, exclude));
}

/** Compiles `plan` into `dir` and, when asked, records a reference session under `dir/reference/`. */
export async function writeCase(dir: string, plan: DecoderPlan, opts: CaseOptions): Promise<ReferenceIndex | null> {
  const manifest = writeCompiled(dir, plan, opts.source);
  if (!opts.record) return null;
  const { maxNewTokens, sampling } = opts.record;
  const refDir = join(dir, "reference");
  mkdirSync(refDir, { recursive: true });
  const weights = randomWeights(planWeights(plan), opts.seed);
  const prompts = casePrompts(plan, opts.seed, opts.record.prompts, opts.record.promptLength);
  const requests = sessionRequests({ prompts, maxNewTokens, sampling });
  const recorder = new RecordingBackend(new GraphBackend(plan), refDir);
  const paths: EngineOptions[] = [{}, ...(plan.draft ? [{ decodePath: "split" } as const] : []), { targetOnly: true }];
  const decoded: number[][][] = [];
  for (const options of paths) decoded.push(await decode(manifest, recorder, weights, requests, options));
  const [tokens, split, targetOnly] = plan.draft ? decoded : [decoded[0], decoded[0], decoded[1]];
  if (sampling) {
    // The same seeds through the reference backend must give the same tokens as the recorded session.
    const files = compilePlan(plan, { source: opts.source, emit: new Set(["stablehlo"]) });
    const stablehlo = parseManifest(files.get("manifest.json")!);
    for (const [i, options] of paths.entries()) {
      const got = await decode(stablehlo, new ReferenceBackend({ files }), weights, requests, options);
      if (JSON.stringify(got) !== JSON.stringify(decoded[i])) {
        throw new Error(`${plan.name} ${JSON.stringify(options)}: the reference backend sampled ${JSON.stringify(got)}, the graph evaluator ${JSON.stringify(decoded[i])}`);
      }
    }
  }
  const index: ReferenceIndex = {
    name: plan.name,
    seed: opts.seed,
    dtype: plan.target.dtype,
    calls: recorder.calls,
    generate: { prompts, maxNewTokens, ...(sampling ? { sampling } : {}), tokens, split, targetOnly },
  };
  writeFileSync(join(refDir, "index.json"), `${JSON.stringify(index, null, 1)}\n`);
  return index;
}
