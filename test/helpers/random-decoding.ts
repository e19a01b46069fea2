/**
 * Drives kernels the way the runtime does, on a small host-side model of the state: page tables with
 * scattered page ids, draft slots or draft pages, padded request and token rows. A `KernelRun` is any
 * executor (the graph evaluator, the StableHLO interpreter, or both compared); the caches it returns
 * are fed to the next call, so a test can prefill, draft, verify and decode for real.
 */
import { buildKernelGraph } from "../../compiler/kernels/build-kernels.js";
import { evaluateKernel } from "../../compiler/ir/graph-eval.js";
import { fromData, zeros, type GraphTensor } from "../../compiler/ir/graph-tensor.js";
import type { KernelGraph } from "../../compiler/ir/graph.js";
import type { DecoderPlan } from "../../compiler/ir/plan.js";
import { SplitMix32 } from "../../runtime/weights/random.js";
import { emitKernel } from "../../compiler/stablehlo/emit.js";
import { runFunction } from "../../stablehlo/interpreter/index.js";
import type { Module } from "../../stablehlo/ir.js";
import type { KernelName, KernelSig, TensorSig } from "../../contract/manifest.js";
import { isWeightStack, kernelWeightData } from "../../contract/weight-stack.js";

export type KernelRun = (sig: KernelSig, args: ReadonlyMap<string, GraphTensor>) => Map<string, GraphTensor>;

export function findSig(plan: DecoderPlan, kernel: KernelName, requests: number, tokens?: number): KernelSig {
  const s = plan.kernels.find((k) => k.kernel === kernel && k.bucket.requests === requests && k.bucket.tokens === tokens);
  if (!s) throw new Error(`no ${kernel} kernel for r${requests}${tokens ? `.t${tokens}` : ""}`);
  return s;
}

/** Runs kernels with the graph evaluator (graphs built once per signature). */
export function evaluatorRun(plan: DecoderPlan): KernelRun {
  const graphs = new Map<string, KernelGraph>();
  return (sig, args) => {
    const id = `${sig.kernel}.${sig.bucketId}`;
    if (!graphs.has(id)) graphs.set(id, buildKernelGraph(plan, sig));
    return evaluateKernel(graphs.get(id)!, args);
  };
}

/** Runs kernels in the StableHLO interpreter on the emitted modules (emitted once per signature). */
export function interpreterRun(plan: DecoderPlan, timings?: Map<string, number[]>): KernelRun {
  const modules = new Map<string, Module>();
  return (sig, args) => {
    const id = `${sig.kernel}.${sig.bucketId}`;
    if (!modules.has(id)) modules.set(id, emitKernel(plan, sig));
    const inputs = sig.args.map((a) => {
      const t = args.get(a.name)!;
      return { type: { shape: [...a.shape], element: a.dtype }, data: t.data };
    });
    const t0 = performance.now();
    const out = runFunction(modules.get(id)!, "main", inputs);
    timings?.set(id, [...(timings.get(id) ?? []), performance.now() - t0]);
    return new Map(
      sig.results.map((r, i) => [r.name, { dtype: r.dtype, shape: [...r.shape], data: out[i].data as Float32Array | Int32Array }]),
    );
  };
}

/** Normwise relative error `max|a-b| / max|b|` (0 for two zero tensors). */
export function relError(a: GraphTensor, b: GraphTensor): number {
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < b.data.length; i++) {
    diff = Math.max(diff, Math.abs(a.data[i] - b.data[i]));
    scale = Math.max(scale, Math.abs(b.data[i]));
  }
  return scale === 0 ? diff : diff / scale;
}

export interface Mismatch {
  readonly kernel: string;
  readonly result: string;
  readonly detail: string;
}

/**
 * Runs `a` and `b` on the same arguments and records every result that differs: integer results must
 * be identical, float results within `tol` (relError). Returns `a`'s results.
 */
export function comparingRun(a: KernelRun, b: KernelRun, tol: number, mismatches: Mismatch[], errors: number[] = []): KernelRun {
  return (sig, args) => {
    const ra = a(sig, args);
    const rb = b(sig, args);
    for (const r of sig.results) {
      const x = ra.get(r.name)!;
      const y = rb.get(r.name)!;
      const kernel = `${sig.kernel}.${sig.bucketId}`;
      if (r.dtype === "i32") {
        if (x.data.some((v, i) => v !== y.data[i])) mismatches.push({ kernel, result: r.name, detail: `[${[...x.data]}] vs [${[...y.data]}]` });
      } else {
        const e = relError(x, y);
        errors.push(e);
        if (!(e <= tol)) mismatches.push({ kernel, result: r.name, detail: `relative error ${e}` });
      }
    }
    return ra;
  };
}

/** One live request as the host sees it. */
export interface HostRequest {
  /** Every committed token (prompt, then generated). */
  committed: number[];
  /** Target page ids, in position order. */
  readonly pages: number[];
  /** Static draft slot (>= 1). */
  readonly slot: number;
  /** Draft page ids when the draft cache is paged. */
  readonly draftPages: number[];
}

/** Valid rows in both caches: `committed - 1`. */
export const seqLen = (r: HostRequest) => r.committed.length - 1;

const i32 = (shape: readonly number[], data: ArrayLike<number>) => fromData("i32", shape, data);

export class Decoding {
  readonly caches = new Map<string, GraphTensor>();
  private readonly weightTensors = new Map<string, GraphTensor>();
  private readonly freePages: number[];
  private readonly freeDraftPages: number[];
  private nextSlot = 1;

  constructor(
    readonly plan: DecoderPlan,
    weights: ReadonlyMap<string, Float32Array>,
    readonly run: KernelRun,
    seed = 7,
  ) {
    const dtype = plan.target.dtype;
    for (const [name, data] of weights) this.weightTensors.set(name, { dtype, shape: [data.length], data });
    this.caches.set("target_kv", zeros({ shape: plan.caches.target.shape, dtype }));
    const d = plan.caches.draft;
    if (d?.kind === "static") {
      this.caches.set("draft_k", zeros({ shape: d.shape, dtype }));
      this.caches.set("draft_v", zeros({ shape: d.shape, dtype }));
    } else if (d) this.caches.set("draft_kv", zeros({ shape: d.shape, dtype }));
    this.caches.set("seq_state", zeros({ shape: [plan.maxRequests + 1, 2], dtype: "i32" }));
    // Scattered page ids (page 0 is the trash page), so a wrong table lookup cannot pass by luck.
    this.freePages = shuffled(plan.caches.target.numPages, seed);
    this.freeDraftPages = d?.kind === "paged" ? shuffled(d.numPages, seed + 1) : [];
  }

  /** A new request with pages for `maxLen` tokens plus one block. */
  newRequest(prompt: readonly number[], maxLen: number): HostRequest {
    const need = (ps: number) => Math.ceil((maxLen + this.plan.blockSize) / ps);
    const pages = this.freePages.splice(0, need(this.plan.caches.target.pageSize));
    const d = this.plan.caches.draft;
    const draftPages = d?.kind === "paged" ? this.freeDraftPages.splice(0, need(d.pageSize)) : [];
    return { committed: [...prompt], pages, slot: this.nextSlot++, draftPages };
  }

  private call(sig: KernelSig, inputs: Record<string, GraphTensor>): Map<string, GraphTensor> {
    return callKernel(this.run, sig, this.weightTensors, this.caches, inputs);
  }

  private tables(reqs: readonly HostRequest[], r: number, pick: (q: HostRequest) => number[], width: number): GraphTensor {
    const data = new Int32Array(r * width);
    reqs.forEach((q, i) => pick(q).forEach((p, j) => (data[i * width + j] = p)));
    return i32([r, width], data);
  }

  private locator(reqs: readonly HostRequest[], r: number): Record<string, GraphTensor> {
    const d = this.plan.caches.draft;
    if (!d) return {};
    if (d.kind === "static") return { draft_slots: i32([r], pad(reqs.map((q) => q.slot), r)) };
    return { draft_block_tables: this.tables(reqs, r, (q) => q.draftPages, d.pagesPerRequest) };
  }

  /**
   * The device state of a decode call, from the host: request `i` in state slot `i + 1` (last
   * committed token, `seqLen`); padded rows slot -1. `checkState` then checks what the kernel wrote.
   */
  private common(reqs: readonly HostRequest[], r: number): Record<string, GraphTensor> {
    const state = new Int32Array((this.plan.maxRequests + 1) * 2);
    reqs.forEach((q, i) => state.set([q.committed.at(-1)!, seqLen(q)], (i + 1) * 2));
    this.caches.set("seq_state", i32([this.plan.maxRequests + 1, 2], state));
    return {
      slots: i32([r], [...reqs.map((_, i) => i + 1), ...new Array<number>(r - reqs.length).fill(-1)]),
      block_tables: this.tables(reqs, r, (q) => q.pages, this.plan.caches.target.pagesPerRequest),
      ...this.locator(reqs, r),
    };
  }

  /**
   * Prefills `chunks[i]` tokens of `reqs[i]` (positions from `seqLen` on, or 0 for a fresh request):
   * tokens packed in order, padded to the bucket. Returns next_tokens of the real rows; the caller
   * commits them (a chunk that ends mid-prompt commits nothing).
   */
  prefill(reqs: readonly HostRequest[], chunks: readonly (readonly number[])[], t: number, r: number, starts: readonly number[]): number[] {
    const sig = findSig(this.plan, "prefill", r, t);
    const cols = { tokens: [] as number[], positions: [] as number[], token_request: [] as number[], target_rows: [] as number[], draft_rows: [] as number[] };
    const lastIndex: number[] = [];
    const ps = this.plan.caches.target.pageSize;
    const d = this.plan.caches.draft;
    chunks.forEach((chunk, i) => {
      chunk.forEach((tok, j) => {
        const pos = starts[i] + j;
        cols.tokens.push(tok);
        cols.positions.push(pos);
        cols.token_request.push(i);
        cols.target_rows.push(reqs[i].pages[Math.floor(pos / ps)] * ps + (pos % ps));
        if (d?.kind === "static") cols.draft_rows.push(reqs[i].slot * d.capacity + pos);
        else if (d) cols.draft_rows.push(reqs[i].draftPages[Math.floor(pos / d.pageSize)] * d.pageSize + (pos % d.pageSize));
      });
      lastIndex.push(cols.tokens.length - 1);
    });
    const inputs: Record<string, GraphTensor> = {
      block_tables: this.tables(reqs, r, (q) => q.pages, this.plan.caches.target.pagesPerRequest),
      last_index: i32([r], pad(lastIndex, r)),
      // The device state is set by the host before each decode call here: prefill writes none.
      state_slots: i32([r], new Array<number>(r).fill(-1)),
      state_tokens: i32([r], new Array<number>(r).fill(-1)),
      state_lens: i32([r], new Array<number>(r).fill(0)),
    };
    for (const [k, v] of Object.entries(cols)) inputs[k] = i32([t], pad(v, t));
    return [...this.call(sig, inputs).get("next_tokens")!.data].slice(0, reqs.length);
  }

  /** After a committing call: the kernel wrote each request's new (last token, seqLen) to its slot, and nothing to slot 0. */
  private checkState(reqs: readonly HostRequest[], what: string): void {
    const st = this.caches.get("seq_state")!.data;
    const rows = reqs.map((q, i) => [st[(i + 1) * 2], st[(i + 1) * 2 + 1]]);
    const want = reqs.map((q) => [q.committed.at(-1)!, seqLen(q)]);
    if (JSON.stringify(rows) !== JSON.stringify(want) || st[0] !== 0 || st[1] !== 0) {
      throw new Error(`${what}: device state ${JSON.stringify(rows)} (slot 0: ${st[0]}, ${st[1]}), expected ${JSON.stringify(want)}`);
    }
  }

  draft(reqs: readonly HostRequest[], r: number): number[][] {
    const sig = findSig(this.plan, "draft", r);
    const res = this.call(sig, this.common(reqs, r));
    return rowsOf(res.get("draft_tokens")!, reqs.length);
  }

  /** Verifies `blocks[i]` (block[0] must be the last committed token); commits `a+1` tokens per request. */
  verify(reqs: readonly HostRequest[], blocks: readonly number[][], r: number): { accepted: number[]; targetTokens: number[][] } {
    const K = this.plan.blockSize;
    const sig = findSig(this.plan, "verify", r);
    const flat = new Int32Array(r * K);
    blocks.forEach((b, i) => flat.set(b, i * K));
    const res = this.call(sig, { ...this.common(reqs, r), block_tokens: i32([r, K], flat) });
    const accepted = [...res.get("accepted")!.data].slice(0, reqs.length);
    const targetTokens = rowsOf(res.get("target_tokens")!, reqs.length);
    reqs.forEach((q, i) => q.committed.push(...targetTokens[i].slice(0, accepted[i] + 1)));
    this.checkState(reqs, "verify");
    return { accepted, targetTokens };
  }

  decodeStep(reqs: readonly HostRequest[], r: number): { accepted: number[]; targetTokens: number[][]; draftTokens: number[][] } {
    const sig = findSig(this.plan, "decode_step", r);
    const res = this.call(sig, this.common(reqs, r));
    const accepted = [...res.get("accepted")!.data].slice(0, reqs.length);
    const targetTokens = rowsOf(res.get("target_tokens")!, reqs.length);
    reqs.forEach((q, i) => q.committed.push(...targetTokens[i].slice(0, accepted[i] + 1)));
    this.checkState(reqs, "decode_step");
    return { accepted, targetTokens, draftTokens: rowsOf(res.get("draft_tokens")!, reqs.length) };
  }

  /**
   * One `decode_loop_c<cycles>` call: `stopIds[i]` (padded with -1 to the kernel's width) and
   * `budgets[i]` per request. Commits `a+1` tokens of every cycle a request ran (accepted >= 0), in
   * order, as the device did; returns each request's accepted value per cycle (-1: not run).
   */
  decodeLoop(reqs: readonly HostRequest[], r: number, cycles: number, stopIds: readonly (readonly number[])[], budgets: readonly number[]): number[][] {
    const K = this.plan.blockSize;
    const sig = findSig(this.plan, `decode_loop_c${cycles}`, r);
    const s = sig.args.find((a) => a.name === "stop_ids")!.shape[1];
    const stops = new Int32Array(r * s).fill(-1);
    stopIds.forEach((ids, i) => stops.set(ids, i * s));
    const res = this.call(sig, { ...this.common(reqs, r), stop_ids: i32([r, s], stops), budgets: i32([r], pad([...budgets], r)) });
    const accepted = res.get("accepted")!.data;
    const tokens = res.get("tokens")!.data;
    const perRequest = reqs.map((_, i) => Array.from({ length: cycles }, (_, c) => accepted[c * r + i]));
    for (let c = 0; c < cycles; c++) {
      reqs.forEach((q, i) => {
        const a = accepted[c * r + i];
        if (a >= 0) q.committed.push(...tokens.subarray((c * r + i) * K, (c * r + i) * K + a + 1));
      });
    }
    this.checkState(reqs, `decode_loop_c${cycles}`);
    return perRequest;
  }

  targetStep(reqs: readonly HostRequest[], r: number): number[] {
    const sig = findSig(this.plan, "target_step", r);
    const res = this.call(sig, this.common(reqs, r));
    const next = [...res.get("next_tokens")!.data].slice(0, reqs.length);
    reqs.forEach((q, i) => q.committed.push(next[i]));
    this.checkState(reqs, "target_step");
    return next;
  }

  /** Target K (kv 0) or V (1) of `req` at `pos`, layer `layer`: `[kvHeads*D]`. */
  targetKv(req: HostRequest, layer: number, pos: number, kv: 0 | 1): Float32Array {
    return pagedRow(this.caches.get("target_kv")!, this.plan.caches.target.shape, req.pages, layer, pos, kv);
  }

  /** Draft-cache K (0) or V (1) row of `req` at `pos`, draft layer `layer`. */
  draftKv(req: HostRequest, layer: number, pos: number, kv: 0 | 1): Float32Array {
    const c = this.plan.caches.draft!;
    if (c.kind === "static") {
      const [, slots, cap, h, d] = c.shape;
      const off = ((layer * slots + req.slot) * cap + pos) * h * d;
      return (this.caches.get(kv === 0 ? "draft_k" : "draft_v")!.data as Float32Array).slice(off, off + h * d);
    }
    return pagedRow(this.caches.get("draft_kv")!, c.shape, req.draftPages, layer, pos, kv);
  }
}

/** K (kv 0) or V (1) of every head at `pos` of pool `[L, 2, kvHeads, pages, pageSize, D]` through `pages`: `[kvHeads*D]`. */
function pagedRow(pool: GraphTensor, shape: readonly number[], pages: readonly number[], layer: number, pos: number, kv: 0 | 1): Float32Array {
  const [, , h, numPages, ps, d] = shape;
  const page = pages[Math.floor(pos / ps)];
  const out = new Float32Array(h * d);
  for (let kh = 0; kh < h; kh++) {
    const off = ((((layer * 2 + kv) * h + kh) * numPages + page) * ps + (pos % ps)) * d;
    out.set((pool.data as Float32Array).subarray(off, off + d), kh * d);
  }
  return out;
}

function pad(values: readonly number[], n: number): number[] {
  return [...values, ...Array.from({ length: n - values.length }, () => 0)];
}

function rowsOf(t: GraphTensor, n: number): number[][] {
  const w = t.shape[1];
  return Array.from({ length: n }, (_, i) => [...t.data.subarray(i * w, (i + 1) * w)]);
}

/** Page ids 1..n-1 in a seeded order. */
function shuffled(n: number, seed: number): number[] {
  const ids = Array.from({ length: n - 1 }, (_, i) => i + 1);
  const rng = new SplitMix32(seed);
  for (let i = ids.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [ids[i], ids[j]] = [ids[j], ids[i]];
  }
  return ids;
}

/**
 * One kernel call of a test driver: binds weights, the current caches and per-call inputs to the
 * signature's arguments (reshaping where the signature says so), runs it, and keeps the donated caches.
 */
const stacks = new WeakMap<ReadonlyMap<string, GraphTensor>, Map<string, GraphTensor>>();

/** A kernel weight argument from checkpoint tensors by name: the tensor, or a stack of its layers' (built once per weights map). */
function kernelWeight(weights: ReadonlyMap<string, GraphTensor>, a: TensorSig): GraphTensor | undefined {
  if (!isWeightStack(a.name)) return weights.get(a.name);
  let built = stacks.get(weights);
  if (!built) stacks.set(weights, (built = new Map()));
  let t = built.get(a.name);
  if (!t) built.set(a.name, (t = fromData(a.dtype, a.shape, kernelWeightData(a, (n) => weights.get(n)?.data))));
  return t;
}

export function callKernel(
  run: KernelRun,
  sig: KernelSig,
  weights: ReadonlyMap<string, GraphTensor>,
  caches: Map<string, GraphTensor>,
  inputs: Record<string, GraphTensor>,
): Map<string, GraphTensor> {
  const args = new Map<string, GraphTensor>();
  for (const a of sig.args) {
    const t = a.role === "weight" ? kernelWeight(weights, a) : a.role === "cache" ? caches.get(a.name) : inputs[a.name];
    if (!t) throw new Error(`no value for ${a.name}`);
    args.set(a.name, t.shape.length === a.shape.length ? t : { ...t, shape: a.shape });
  }
  const res = run(sig, args);
  for (const r of sig.results) if (r.role === "cache") caches.set(r.name, res.get(r.name)!);
  return res;
}
