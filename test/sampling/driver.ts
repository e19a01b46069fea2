/**
 * Drives the sampling kernels as the runtime does, on a small host model of the state (page tables,
 * draft slots, padded rows): a sampling request is prefilled with its prompt minus the last token, and
 * every decode step takes the last committed token as b0 (docs/kernels.md, "The first token of a
 * sampling request"). Kernels run through any KernelRun (evaluator, interpreter, or a tracing run).
 */
import { evaluateKernel } from "../../compiler/ir/graph-eval.js";
import { fromData, zeros, type GraphTensor } from "../../compiler/ir/graph-tensor.js";
import type { KernelGraph } from "../../compiler/ir/graph.js";
import { buildKernelGraph } from "../../compiler/kernels/build-kernels.js";
import type { DecoderPlan } from "../../compiler/ir/plan.js";
import { samplingInputs, type SamplingParams, UniformStream } from "../../runtime/sampling.js";
import { callKernel, findSig, type KernelRun } from "../helpers/random-decoding.js";
import type { KernelName, KernelSig } from "../../contract/manifest.js";

export interface SampleRequest {
  /** Prompt, then every committed token. */
  committed: number[];
  readonly promptLength: number;
  readonly pages: readonly number[];
  readonly slot: number;
  params: SamplingParams;
  stream: UniformStream;
}

/** What one decode step saw and decided, per real row. */
export interface StepRecord {
  readonly block: number[][];
  readonly uniforms: number[][];
  readonly accepted: number[];
  readonly targetTokens: number[][];
}

/**
 * How a step's acceptance is decided. `kernel` commits the kernel's own `accepted`/`target_tokens`; a
 * host rule (the negative controls) gets the kernel's sampling probabilities and decides itself.
 */
export type HostRule = (probs: Float32Array, v: number, block: readonly number[], u: readonly number[]) => { accepted: number; tokens: number[] };

const i32 = (shape: readonly number[], data: ArrayLike<number>) => fromData("i32", shape, data);

function pad(values: readonly number[], n: number): number[] {
  return [...values, ...new Array<number>(n - values.length).fill(0)];
}

export class SamplingDriver {
  caches = new Map<string, GraphTensor>();
  private readonly weightTensors = new Map<string, GraphTensor>();
  /** The sampling probabilities of the last call, when `run` reports them (tracing evaluator). */
  lastProbs: Float32Array | null = null;

  constructor(
    readonly plan: DecoderPlan,
    weights: ReadonlyMap<string, Float32Array>,
    readonly run: KernelRun,
  ) {
    const dtype = plan.target.dtype;
    for (const [name, data] of weights) this.weightTensors.set(name, { dtype, shape: [data.length], data });
    this.caches.set("target_kv", zeros({ shape: plan.caches.target.shape, dtype }));
    this.caches.set("seq_state", zeros({ shape: [plan.maxRequests + 1, 2], dtype: "i32" }));
    const d = plan.caches.draft;
    if (d?.kind === "static") {
      this.caches.set("draft_k", zeros({ shape: d.shape, dtype }));
      this.caches.set("draft_v", zeros({ shape: d.shape, dtype }));
    } else if (d) throw new Error("the sampling driver handles a static draft cache only");
  }

  /**
   * `n` requests in host rows `firstRow..firstRow+n-1`: row `i` owns slot `i + 1` and its own pages
   * (ids from the top of the pool down, so they are not in slot order). Request `i` draws from the
   * uniform stream `(seed, firstIndex + i)`. The same rows always get the same pages and slots.
   */
  newRequests(prompt: readonly number[], n: number, maxLen: number, params: SamplingParams, seed: number, firstIndex = 0, firstRow = 0): SampleRequest[] {
    const ps = this.plan.caches.target.pageSize;
    const per = Math.ceil((maxLen + this.plan.blockSize) / ps);
    const top = this.plan.caches.target.numPages - 1;
    if ((firstRow + n) * per > top) throw new Error("not enough pages");
    return Array.from({ length: n }, (_, i) => ({
      committed: [...prompt],
      promptLength: prompt.length,
      pages: Array.from({ length: per }, (_, j) => top - (firstRow + i) * per - j),
      slot: firstRow + i + 1,
      params,
      stream: new UniformStream(seed, firstIndex + i),
    }));
  }

  private call(sig: KernelSig, inputs: Record<string, GraphTensor>): Map<string, GraphTensor> {
    return callKernel(this.run, sig, this.weightTensors, this.caches, inputs);
  }

  private bucket(n: number): number {
    const r = this.plan.buckets.requests.find((b) => b >= n);
    if (r === undefined) throw new Error(`${n} requests exceed every bucket`);
    return r;
  }

  private common(reqs: readonly SampleRequest[], r: number): Record<string, GraphTensor> {
    const P = this.plan.caches.target.pagesPerRequest;
    const tables = new Int32Array(r * P);
    reqs.forEach((q, i) => q.pages.forEach((p, j) => (tables[i * P + j] = p)));
    // The device state, set from the host before every step (a host rule may commit other tokens than the kernel).
    const slots = this.plan.maxRequests + 1;
    const state = new Int32Array(slots * 2);
    for (const q of reqs) state.set([q.committed.at(-1)!, q.committed.length - 1], q.slot * 2);
    this.caches.set("seq_state", i32([slots, 2], state));
    return {
      slots: i32([r], [...reqs.map((q) => q.slot), ...new Array<number>(r - reqs.length).fill(-1)]),
      block_tables: i32([r, P], tables),
      draft_slots: i32([r], pad(reqs.map((q) => q.slot), r)),
    };
  }

  /** Prefills every committed token but the last (positions from 0), all requests in one call. */
  prefillAllButLast(reqs: readonly SampleRequest[]): void {
    const ps = this.plan.caches.target.pageSize;
    const cap = this.plan.caches.draft?.kind === "static" ? this.plan.caches.draft.capacity : 0;
    const cols = { tokens: [] as number[], positions: [] as number[], token_request: [] as number[], target_rows: [] as number[], draft_rows: [] as number[] };
    const lastIndex: number[] = [];
    reqs.forEach((q, i) => {
      q.committed.slice(0, -1).forEach((tok, pos) => {
        cols.tokens.push(tok);
        cols.positions.push(pos);
        cols.token_request.push(i);
        cols.target_rows.push(q.pages[Math.floor(pos / ps)] * ps + (pos % ps));
        cols.draft_rows.push(q.slot * cap + pos);
      });
      lastIndex.push(Math.max(cols.tokens.length - 1, 0));
    });
    if (cols.tokens.length === 0) return;
    const r = this.bucket(reqs.length);
    const t = this.plan.buckets.tokens.find((b) => b >= cols.tokens.length);
    if (t === undefined) throw new Error("prompt too long for the token buckets");
    const P = this.plan.caches.target.pagesPerRequest;
    const tables = new Int32Array(r * P);
    reqs.forEach((q, i) => q.pages.forEach((p, j) => (tables[i * P + j] = p)));
    const none = (v: number) => i32([r], new Array<number>(r).fill(v));
    const inputs: Record<string, GraphTensor> = {
      block_tables: i32([r, P], tables),
      last_index: i32([r], pad(lastIndex, r)),
      // The state is set by the host before every step here: prefill writes none.
      state_slots: none(-1),
      state_tokens: none(-1),
      state_lens: none(0),
    };
    for (const [k, v] of Object.entries(cols)) inputs[k] = i32([t], pad(v, t));
    this.call(findSig(this.plan, "prefill", r, t), inputs);
  }

  /**
   * One step of `kernel` for `reqs` (padded to the smallest bucket); commits per the kernel, or per
   * `rule` when given (which needs a run that sets `lastProbs`). `blocks` replaces the drafts for
   * verify_sample / verify (block[0] must be the last committed token).
   */
  step(kernel: KernelName, reqs: readonly SampleRequest[], opts: { rule?: HostRule; blocks?: readonly number[][] } = {}): StepRecord {
    const K = this.plan.blockSize;
    const V = this.plan.target.vocabSize;
    const r = this.bucket(reqs.length);
    const sig = findSig(this.plan, kernel, r);
    const sampling = kernel.endsWith("_sample");
    const draws = kernel.startsWith("target_step") ? 1 : K;
    const inputs: Record<string, GraphTensor> = this.common(reqs, r);
    const uniforms: number[][] = [];
    if (sampling) {
      const s = samplingInputs(reqs.map((q) => ({ params: q.params, stream: q.stream })), r, draws);
      const u = s.get("uniforms") as Float32Array;
      for (let i = 0; i < reqs.length; i++) uniforms.push([...u.subarray(i * draws, (i + 1) * draws)]);
      inputs.uniforms = fromData("f32", [r, draws], u);
      inputs.temperature = fromData("f32", [r], s.get("temperature")!);
      inputs.top_k = i32([r], s.get("top_k")!);
      inputs.top_p = fromData("f32", [r], s.get("top_p")!);
    }
    if (opts.blocks) {
      const flat = new Int32Array(r * K);
      opts.blocks.forEach((b, i) => flat.set(b, i * K));
      inputs.block_tokens = i32([r, K], flat);
    }
    const res = this.call(sig, inputs);
    const rows = (name: string, w: number) => Array.from({ length: reqs.length }, (_, i) => [...res.get(name)!.data.subarray(i * w, (i + 1) * w)]);
    if (kernel.startsWith("target_step")) {
      const next = [...res.get("next_tokens")!.data].slice(0, reqs.length);
      reqs.forEach((q, i) => q.committed.push(next[i]));
      return { block: reqs.map((q) => [q.committed.at(-2)!]), uniforms, accepted: next.map(() => 0), targetTokens: next.map((t) => [t]) };
    }
    const block = opts.blocks
      ? opts.blocks.map((b) => [...b])
      : rows("draft_tokens", K - 1).map((d, i) => [reqs[i].committed.at(-1)!, ...d]);
    let accepted = [...res.get("accepted")!.data].slice(0, reqs.length);
    let targetTokens = rows("target_tokens", K);
    if (opts.rule) {
      const probs = this.lastProbs;
      if (!probs) throw new Error("a host rule needs a run that reports the sampling probabilities");
      const decided = reqs.map((_, i) => opts.rule!(probs.subarray(i * K * V, (i + 1) * K * V), V, block[i], uniforms[i]));
      accepted = decided.map((d) => d.accepted);
      targetTokens = decided.map((d) => d.tokens);
    }
    reqs.forEach((q, i) => q.committed.push(...targetTokens[i].slice(0, accepted[i] + 1)));
    return { block, uniforms, accepted, targetTokens };
  }
}

/**
 * The graph evaluator as a KernelRun that also hands the main function's sampling probabilities
 * (`samplingProbs` output, `[R, K, V]`) to `driver.lastProbs`, for host rules.
 */
export function probsReportingRun(plan: DecoderPlan, driver: () => SamplingDriver): KernelRun {
  const graphs = new Map<string, KernelGraph>();
  return (sig, args) => {
    const id = `${sig.kernel}.${sig.bucketId}`;
    if (!graphs.has(id)) graphs.set(id, buildKernelGraph(plan, sig));
    let probs: Float32Array | null = null;
    const res = evaluateKernel(graphs.get(id)!, args, (func, node, outputs) => {
      if (func === "main" && node.op === "samplingProbs") probs = outputs[0].data as Float32Array;
    });
    driver().lastProbs = probs;
    return res;
  };
}
