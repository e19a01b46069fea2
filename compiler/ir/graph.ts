/**
 * The kernel graph IR: a small, closed, typed op set with concrete shapes, one graph per kernel and
 * bucket. A graph is a list of functions (`main` plus one per distinct decoder-layer body: a stack of
 * identical layers is one `scanLayers` loop over stacked weights, other layers one `call` each); a
 * function is a list of nodes in SSA order. Ops are high level (`rmsNorm`, `pagedAttention`, `acceptGreedy` ...): every
 * backend lowers each op by a rule from its own table (see `ruleFor`), the TS evaluator runs each op
 * directly, and docs/kernels.md states the math.
 *
 * Op names and attributes are plain data (numbers, nulls, small records) so that every backend can map
 * them one to one: the StableHLO lowering to ops, the JAX lowering (compiler/jax) to calls of `dflashc_jax.ops`.
 */
import type { RopeScaling } from "../../dsl/types.js";
import type { KernelSig } from "../../contract/manifest.js";
import type { TensorDType } from "../../contract/dtypes.js";

export interface GType {
  readonly shape: readonly number[];
  readonly dtype: TensorDType;
}

/** Attributes of each op. Every op name of the IR is a key here: the set is closed. */
export interface OpAttrMap {
  /** Rows of `table[V, H]` at `ids[N]` → `[N, H]`. */
  embed: Record<string, never>;
  /** `x[N, H] * rsqrt(mean(x^2) + eps) * w[H]`, in f32, cast to x's dtype. */
  rmsNorm: { readonly eps: number };
  /** `x[N, in] @ w[out, in]^T (+ b[out])`, f32 accumulation, result in x's dtype. */
  linear: Record<string, never>;
  /** RMSNorm over the last axis of `x[N, heads, D]` with `w[D]` (q_norm / k_norm). */
  headNorm: { readonly eps: number };
  /** Rotate-half RoPE of `x[N, heads, D]` at `positions[N]`. */
  rope: { readonly theta: number; readonly scaling: RopeScaling | null };
  /** Row-major reshape. */
  reshape: { readonly shape: readonly number[] };
  /** Static slice `[start, limit)` per dimension. */
  slice: { readonly start: readonly number[]; readonly limit: readonly number[] };
  /** Concatenation along `axis` (the target features: `[N, H] x F → [N, F*H]`). */
  concat: { readonly axis: number };
  /** Elementwise sum (residual connections). */
  add: Record<string, never>;
  /** `silu(gate) * up`, elementwise. */
  swiglu: Record<string, never>;
  /** `x[N, H] @ w[V, H]^T` → f32 logits `[N, V]` (f32 so argmax never sees bf16 ties). */
  lmHead: Record<string, never>;
  /** Index of the largest value of each row `[N, V]` → i32 `[N]`; lowest index among equal maxima. */
  argmax: Record<string, never>;
  /** `accepted[r]` = leading `i in 1..K-1` with `block[r, i] == target[r, i-1]` → i32 `[R]`. */
  acceptGreedy: Record<string, never>;
  /** `[b0, M, ..., M]` from `last[R]`, or `[b0, d1..d(K-1)]` from `last[R]` and `drafts[R, K-1]` → `[R, K]`. */
  makeBlock: { readonly blockSize: number; readonly maskTokenId: number };
  /** `seqLens[R] + i` for `i in 0..K-1` → `[R, K]`: the positions of a block (K=1: one token). */
  blockPositions: { readonly blockSize: number };
  /** Rows `table[idx[n]]` of any tensor `table[R, ...]` → `[N, ...]` (prefill's last hidden row of each request). */
  gatherRows: Record<string, never>;
  /**
   * `table[S, ...]` with row `idx[n]` replaced by `rows[n]` for every `n` (`rows[N, ...]`): the device
   * state's write by request slot. An index outside `0..S-1` drops its row (as XLA's scatter does), so
   * padded rows (slot -1) write nothing; equal indices must not occur among real rows.
   */
  scatterRows: Record<string, never>;
  /**
   * Prefill's device state rows `[R, 2]` i32 from `next[R]`, `held[R]`, `lens[R]`:
   * `(held[r] >= 0 ? held[r] : next[r], lens[r])` (docs/kernels.md, "Device-resident request state").
   */
  stateRows: Record<string, never>;
  /**
   * A decode step's new state rows from `state[R, 2]` (last committed token, committed - 1),
   * `tokens[R, K]` and `accepted[R]` (absent: 0) → `[R, 2]`: `(tokens[r, a], state[r, 1] + a + 1)`
   * with `a = clamp(accepted[r], 0, K-1)`.
   */
  advanceState: Record<string, never>;
  /** Flat pool rows `tables[g, p / pageSize] * pageSize + p % pageSize` of `positions[G, Q]` → `[G, Q]`. */
  pagedRows: { readonly pageSize: number };
  /** An i32 scalar: the layer index a shared layer function is called with. */
  constI32: { readonly value: number };
  /**
   * Writes K and V `[N, kvHeads, D]` at flat rows `page * pageSize + slot` `[N]` of pool
   * `[L, 2, kvHeads, pages, pageSize, D]` (row `r` of head `h` is `pool[layer, kv, h, r / pageSize, r % pageSize]`),
   * layer = the i32 scalar last operand (an operand, so one layer function serves every layer; rows of
   * an out-of-range layer are dropped, as XLA's scatter does).
   */
  writePagedRows: Record<string, never>;
  /** Writes `x[N, kvHeads, D]` at flat rows `slot * capacity + position` of a static cache `[L, slots, capacity, kvHeads, D]`. */
  writeStaticRows: { readonly layer: number };
  /** `dynamic_update_slice` of `x[R, K, kvHeads, D]` into slot `slots[r]` at row `starts[r]` (starts clamp, as in XLA). */
  writeStaticBlock: { readonly layer: number };
  /** A static cache's rows for `slots[R]` → `[R, capacity, kvHeads, D]`. */
  readStaticCache: { readonly layer: number };
  /** A paged pool's rows for `tables[R, P]`, K (`kv` 0) or V (1) → `[R, P*pageSize, kvHeads, D]` (position-major, as attention reads them). */
  readPagedCache: { readonly layer: number; readonly kv: 0 | 1 };
  /**
   * Causal attention of `q[G, Q, heads, D]` over pool layer `layer` (i32 scalar fifth operand, clamped
   * like a gather index) through the block tables `tables[R, P]`: group `g` reads its pages through
   * row `groupTable[g]` of `tables` (the optional sixth operand, i32 `[G]`, clamped like a gather
   * index), or row `g` without it (then `G == R`); query `(g, q)` sees keys at positions
   * `0..positions[g, q]` of its group's pages → `[G, Q, heads, D]`.
   */
  pagedAttention: Record<string, never>;
  /**
   * Non-causal DFlash block attention: `q[R, K, heads, D]` over context `kCtx/vCtx[R, C, kvHeads, D]`
   * (row `c` valid iff `c < seqLens[r]`, and `c > seqLens[r] + i - window` for a sliding window) and
   * all K block rows `kBlk/vBlk[R, K, kvHeads, D]` → `[R, K, heads, D]`.
   */
  blockAttention: { readonly window: number | null };
  /**
   * The sampling distribution of f32 logits `[R, Q, V]` under per-request `temperature[R]` (f32),
   * `topK[R]` (i32, off unless `0 < k < V`) and `topP[R]` (f32, off unless `< 1`) → f32 `[R, Q, V]`;
   * a row whose temperature is not `> 0` is one-hot at its argmax (docs/kernels.md, "Sampling").
   */
  samplingProbs: Record<string, never>;
  /**
   * Speculative sampling against a one-hot (greedy) draft: `block[R, K]` i32, target probabilities
   * `probs[R, K, V]` f32, `uniforms[R, K]` f32 → `accepted[R]`, `tokens[R, K]` i32 (docs/kernels.md, "Sampling").
   */
  acceptSample: Record<string, never>;
  /** Calls another function of the graph. */
  call: { readonly callee: string };
  /**
   * A stack of `layers` identical layers, run as one loop over `callee` (emitted once, not once per
   * layer). Operands: `carries` carried values, then `invariants` values every iteration reads, then
   * stacked tensors `[layers, ...]` (one per weight role). Iteration `i` calls
   * `callee(carries..., invariants..., i, stacked[0][i], stacked[1][i], ...)` (`i` an i32 scalar), whose
   * results are the next carries. Results: the final carries, then carry 0 as it is after each layer of
   * `collect` (the drafter's target features), in `collect` order.
   */
  scanLayers: {
    readonly callee: string;
    readonly layers: number;
    readonly carries: number;
    readonly invariants: number;
    readonly collect: readonly number[];
  };
  /**
   * Up to `cycles` iterations of `callee` with an early exit (the decode loop, docs/kernels.md
   * "decode_loop_c<C>"). Operands: `carries` carried values, carry 0 being `remaining[R]` i32 (a row is
   * live while its value is > 0), then `invariants`. Iteration `i` calls
   * `callee(carries..., invariants..., i)` (`i` an i32 scalar), whose results are the next carries; the
   * loop runs while `i < cycles` and some row of carry 0 is > 0. Results: the final carries.
   */
  cycleLoop: { readonly callee: string; readonly cycles: number; readonly carries: number; readonly invariants: number };
  /** `live[r] > 0 ? x[r, ...] : fill` for `x[R, ...]` i32 and `live[R]` i32: a stopped row's inputs become a padded row's. */
  maskRows: { readonly fill: number };
  /**
   * A decode cycle's budget update from `remaining[R]`, `tokens[R, K]`, `accepted[R]` and `stopIds[R, S]`
   * (-1 pads): a live row (`remaining > 0`) that committed `tokens[r, 0..a]` (`a = clamp(accepted, 0, K-1)`)
   * goes to 0 if one of them is a stop id, else to `max(remaining - (a + 1), 0)`; other rows stay.
   */
  remainingAfter: Record<string, never>;
  /** `buf[C, ...]` with row `i` (i32 scalar, clamped to 0..C-1) replaced by `x[...]`. */
  writeCycle: Record<string, never>;
  /**
   * A per-cycle output buffer `[cycles, R, ...rowShape]` i32 filled with `value`; the operand `rows[R]`
   * (any i32 vector) gives R, so the text of a lowering does not depend on the request bucket.
   */
  cycleBuffer: { readonly cycles: number; readonly rowShape: readonly number[]; readonly value: number };
}

export type OpName = keyof OpAttrMap;

export const OP_NAMES: readonly OpName[] = [
  "embed", "rmsNorm", "linear", "headNorm", "rope", "reshape", "slice", "concat", "add", "swiglu", "lmHead",
  "argmax", "acceptGreedy", "makeBlock", "blockPositions", "gatherRows", "pagedRows", "constI32", "writePagedRows",
  "writeStaticRows", "writeStaticBlock", "readStaticCache", "readPagedCache", "pagedAttention",
  "blockAttention", "call", "scanLayers",
  "samplingProbs", "acceptSample", "scatterRows", "stateRows", "advanceState",
  "cycleLoop", "maskRows", "remainingAfter", "writeCycle", "cycleBuffer",
];

/** One node; `inputs` and `outputs` are value ids of the enclosing function. */
export type GNode = {
  [K in OpName]: {
    readonly op: K;
    readonly attrs: OpAttrMap[K];
    readonly inputs: readonly number[];
    readonly outputs: readonly number[];
  };
}[OpName];

export interface GParam {
  readonly name: string;
  readonly id: number;
}

export interface GFunc {
  readonly name: string;
  /** Type of every value, indexed by value id; params take the first ids. */
  readonly values: readonly GType[];
  readonly params: readonly GParam[];
  readonly nodes: readonly GNode[];
  readonly results: readonly number[];
}

/** One kernel × bucket: `main` (arguments and results exactly as `sig`) and the functions it calls. */
export interface KernelGraph {
  readonly sig: KernelSig;
  readonly funcs: readonly GFunc[];
}

export function findFunc(g: KernelGraph, name: string): GFunc {
  const f = g.funcs.find((x) => x.name === name);
  if (!f) throw new GraphError(`graph ${g.sig.kernel}.${g.sig.bucketId} has no function @${name}`);
  return f;
}

export class GraphError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GraphError";
  }
}

/** A lowering rule table of one backend: a missing rule is a compiler bug, reported by name. */
export interface RuleTable<R> {
  readonly backend: string;
  readonly rules: Partial<Record<OpName, R>>;
}

export class MissingLoweringRuleError extends Error {
  constructor(
    readonly op: string,
    readonly backend: string,
  ) {
    super(`internal error: no ${backend} lowering rule for graph op '${op}'`);
    this.name = "MissingLoweringRuleError";
  }
}

export function ruleFor<R>(table: RuleTable<R>, op: string): R {
  const rule = (table.rules as Record<string, R | undefined>)[op];
  if (rule === undefined) throw new MissingLoweringRuleError(op, table.backend);
  return rule;
}

export function numel(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

export function formatGType(t: GType): string {
  return `${t.dtype}[${t.shape.join(",")}]`;
}
