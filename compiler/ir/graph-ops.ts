/**
 * Type rules of the graph ops: from the operand types and attributes, the result types, or a
 * GraphError saying what is wrong. The builder uses them to type new nodes, the verifier to re-check
 * every node of a finished graph.
 */
import { formatGType, GraphError, numel, type GType, type OpAttrMap, type OpName } from "./graph.js";
import type { TensorDType } from "../../contract/dtypes.js";

/** Result types of a callee, for `call`. */
export type CalleeTypes = (name: string) => { params: readonly GType[]; results: readonly GType[] } | undefined;

type InferRule<K extends OpName> = (inputs: readonly GType[], attrs: OpAttrMap[K], callee: CalleeTypes) => GType[];

const isFloat = (t: GType) => t.dtype === "f32" || t.dtype === "bf16";
const t = (shape: readonly number[], dtype: TensorDType): GType => ({ shape: [...shape], dtype });

function need(cond: boolean, message: string): asserts cond {
  if (!cond) throw new GraphError(message);
}

function arity(inputs: readonly GType[], min: number, max = min): void {
  need(inputs.length >= min && inputs.length <= max, `expects ${min === max ? min : `${min}..${max}`} operands, got ${inputs.length}`);
}

function rank(x: GType, r: number, what: string): void {
  need(x.shape.length === r, `${what} must have rank ${r}, got ${formatGType(x)}`);
}

function float(x: GType, what: string): void {
  need(isFloat(x), `${what} must be f32 or bf16, got ${formatGType(x)}`);
}

function int(x: GType, what: string): void {
  need(x.dtype === "i32", `${what} must be i32, got ${formatGType(x)}`);
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

function same(a: GType, b: GType, what: string): void {
  need(a.dtype === b.dtype && sameShape(a.shape, b.shape), `${what}: ${formatGType(a)} vs ${formatGType(b)}`);
}

/** Pool `[L, 2, kvHeads, pages, pageSize, D]`; `layer` when it is static. */
function pool(x: GType, layer?: number): void {
  rank(x, 6, "pool");
  float(x, "pool");
  need(x.shape[1] === 2, `pool axis 1 must be 2 (K, V), got ${formatGType(x)}`);
  if (layer !== undefined) need(Number.isInteger(layer) && layer >= 0 && layer < x.shape[0], `layer ${layer} out of range for ${formatGType(x)}`);
}

/** A layer index operand: i32 scalar. */
function layerOperand(x: GType): void {
  same(x, t([], "i32"), "layer must be an i32 scalar");
}

/** Static cache `[L, slots, capacity, kvHeads, D]`. */
function staticCache(x: GType, layer: number): void {
  rank(x, 5, "static cache");
  float(x, "static cache");
  need(Number.isInteger(layer) && layer >= 0 && layer < x.shape[0], `layer ${layer} out of range for ${formatGType(x)}`);
}

/** Head geometry `[kvHeads, D]` of a static cache `[L, slots, capacity, kvHeads, D]` or a pool `[L, 2, kvHeads, pages, pageSize, D]`. */
function headGeometry(cache: GType): [number, number] {
  return cache.shape.length === 6 ? [cache.shape[2], cache.shape[5]] : [cache.shape[3], cache.shape[4]];
}

/** `x[N, kvHeads, D]` rows matching a cache of dtype and head geometry `kvHeads, D`. */
function kvRows(x: GType, cache: GType, n: number, what: string): void {
  const [kvHeads, d] = headGeometry(cache);
  need(x.dtype === cache.dtype && sameShape(x.shape, [n, kvHeads, d]), `${what} must be ${cache.dtype}[${n},${kvHeads},${d}], got ${formatGType(x)}`);
}

const RULES: { readonly [K in OpName]: InferRule<K> } = {
  embed(i) {
    arity(i, 2);
    rank(i[0], 2, "table");
    float(i[0], "table");
    rank(i[1], 1, "ids");
    int(i[1], "ids");
    return [t([i[1].shape[0], i[0].shape[1]], i[0].dtype)];
  },
  rmsNorm(i, a) {
    arity(i, 2);
    float(i[0], "x");
    need(i[0].shape.length >= 1, "x must have rank >= 1");
    same(i[1], t([i[0].shape.at(-1)!], i[0].dtype), "weight must match the last axis of x");
    need(a.eps > 0, "eps must be positive");
    return [i[0]];
  },
  linear(i) {
    arity(i, 2, 3);
    rank(i[0], 2, "x");
    rank(i[1], 2, "weight");
    float(i[0], "x");
    need(i[1].dtype === i[0].dtype && i[1].shape[1] === i[0].shape[1], `weight ${formatGType(i[1])} does not take x ${formatGType(i[0])}`);
    if (i.length === 3) same(i[2], t([i[1].shape[0]], i[0].dtype), "bias");
    return [t([i[0].shape[0], i[1].shape[0]], i[0].dtype)];
  },
  headNorm(i, a) {
    arity(i, 2);
    rank(i[0], 3, "x");
    float(i[0], "x");
    same(i[1], t([i[0].shape[2]], i[0].dtype), "weight must be [headDim]");
    need(a.eps > 0, "eps must be positive");
    return [i[0]];
  },
  rope(i, a) {
    arity(i, 2);
    rank(i[0], 3, "x");
    float(i[0], "x");
    need(i[0].shape[2] % 2 === 0, "head dim must be even");
    same(i[1], t([i[0].shape[0]], "i32"), "positions must be i32[N]");
    need(a.theta > 0, "theta must be positive");
    return [i[0]];
  },
  reshape(i, a) {
    arity(i, 1);
    need(numel(a.shape) === numel(i[0].shape), `cannot reshape ${formatGType(i[0])} to [${a.shape.join(",")}]`);
    return [t(a.shape, i[0].dtype)];
  },
  slice(i, a) {
    arity(i, 1);
    const s = i[0].shape;
    need(a.start.length === s.length && a.limit.length === s.length, "start/limit must have one entry per dimension");
    need(s.every((d, k) => a.start[k] >= 0 && a.start[k] <= a.limit[k] && a.limit[k] <= d), `bad slice of ${formatGType(i[0])}`);
    return [t(s.map((_, k) => a.limit[k] - a.start[k]), i[0].dtype)];
  },
  concat(i, a) {
    need(i.length >= 1, "concat needs operands");
    const r = i[0].shape.length;
    need(a.axis >= 0 && a.axis < r, `axis ${a.axis} out of range`);
    for (const x of i) {
      need(x.dtype === i[0].dtype && x.shape.length === r, "operands must agree in dtype and rank");
      need(x.shape.every((d, k) => k === a.axis || d === i[0].shape[k]), "operands must agree off the axis");
    }
    const shape = [...i[0].shape];
    shape[a.axis] = i.reduce((s, x) => s + x.shape[a.axis], 0);
    return [t(shape, i[0].dtype)];
  },
  add(i) {
    arity(i, 2);
    float(i[0], "a");
    same(i[0], i[1], "operands differ");
    return [i[0]];
  },
  swiglu(i) {
    arity(i, 2);
    float(i[0], "gate");
    same(i[0], i[1], "gate and up differ");
    return [i[0]];
  },
  lmHead(i) {
    arity(i, 2);
    rank(i[0], 2, "x");
    rank(i[1], 2, "weight");
    float(i[0], "x");
    need(i[1].dtype === i[0].dtype && i[1].shape[1] === i[0].shape[1], `weight ${formatGType(i[1])} does not take x ${formatGType(i[0])}`);
    return [t([i[0].shape[0], i[1].shape[0]], "f32")];
  },
  argmax(i) {
    arity(i, 1);
    rank(i[0], 2, "x");
    float(i[0], "x");
    return [t([i[0].shape[0]], "i32")];
  },
  acceptGreedy(i) {
    arity(i, 2);
    rank(i[0], 2, "block");
    int(i[0], "block");
    same(i[1], i[0], "target tokens must match the block");
    need(i[0].shape[1] >= 1, "block must have at least one column");
    return [t([i[0].shape[0]], "i32")];
  },
  samplingProbs(i) {
    arity(i, 4);
    rank(i[0], 3, "logits");
    need(i[0].dtype === "f32", `logits must be f32, got ${formatGType(i[0])}`);
    const r = i[0].shape[0];
    same(i[1], t([r], "f32"), "temperature must be f32[R]");
    same(i[2], t([r], "i32"), "topK must be i32[R]");
    same(i[3], t([r], "f32"), "topP must be f32[R]");
    return [i[0]];
  },
  acceptSample(i) {
    arity(i, 3);
    rank(i[0], 2, "block");
    int(i[0], "block");
    const [r, k] = i[0].shape;
    need(k >= 1, "block must have at least one column");
    rank(i[1], 3, "probs");
    need(i[1].dtype === "f32" && i[1].shape[0] === r && i[1].shape[1] === k, `probs must be f32[${r},${k},V], got ${formatGType(i[1])}`);
    same(i[2], t([r, k], "f32"), "uniforms must be f32[R, K]");
    return [t([r], "i32"), t([r, k], "i32")];
  },
  makeBlock(i, a) {
    arity(i, 1, 2);
    rank(i[0], 1, "last");
    int(i[0], "last");
    const r = i[0].shape[0];
    if (i.length === 2) same(i[1], t([r, a.blockSize - 1], "i32"), "drafts must be i32[R, K-1]");
    need(a.blockSize >= 1, "blockSize must be >= 1");
    return [t([r, a.blockSize], "i32")];
  },
  blockPositions(i, a) {
    arity(i, 1);
    rank(i[0], 1, "seqLens");
    int(i[0], "seqLens");
    need(a.blockSize >= 1, "blockSize must be >= 1");
    return [t([i[0].shape[0], a.blockSize], "i32")];
  },
  gatherRows(i) {
    arity(i, 2);
    need(i[0].shape.length >= 1, "table must have rank >= 1");
    rank(i[1], 1, "indices");
    int(i[1], "indices");
    return [t([i[1].shape[0], ...i[0].shape.slice(1)], i[0].dtype)];
  },
  scatterRows(i) {
    arity(i, 3);
    need(i[0].shape.length >= 1, "table must have rank >= 1");
    rank(i[1], 1, "indices");
    int(i[1], "indices");
    same(i[2], t([i[1].shape[0], ...i[0].shape.slice(1)], i[0].dtype), "rows must be [N, ...table row]");
    return [i[0]];
  },
  stateRows(i) {
    arity(i, 3);
    rank(i[0], 1, "next");
    int(i[0], "next");
    same(i[1], i[0], "held must match next");
    same(i[2], i[0], "lens must match next");
    return [t([i[0].shape[0], 2], "i32")];
  },
  advanceState(i) {
    arity(i, 2, 3);
    rank(i[0], 2, "state");
    int(i[0], "state");
    const r = i[0].shape[0];
    need(i[0].shape[1] === 2, `state must be i32[R, 2], got ${formatGType(i[0])}`);
    rank(i[1], 2, "tokens");
    int(i[1], "tokens");
    need(i[1].shape[0] === r && i[1].shape[1] >= 1, `tokens must be i32[${r}, K], got ${formatGType(i[1])}`);
    if (i.length === 3) same(i[2], t([r], "i32"), "accepted must be i32[R]");
    return [i[0]];
  },
  pagedRows(i, a) {
    arity(i, 2);
    rank(i[0], 2, "tables");
    int(i[0], "tables");
    rank(i[1], 2, "positions");
    int(i[1], "positions");
    need(i[1].shape[0] === i[0].shape[0], "tables and positions must have the same groups");
    need(a.pageSize >= 1, "pageSize must be >= 1");
    return [i[1]];
  },
  constI32(i, a) {
    arity(i, 0);
    need(Number.isInteger(a.value) && Math.abs(a.value) <= 2 ** 31 - 1, `value ${a.value} is not an i32`);
    return [t([], "i32")];
  },
  writePagedRows(i) {
    arity(i, 5);
    pool(i[0]);
    layerOperand(i[4]);
    rank(i[3], 1, "rows");
    int(i[3], "rows");
    kvRows(i[1], i[0], i[3].shape[0], "k");
    kvRows(i[2], i[0], i[3].shape[0], "v");
    return [i[0]];
  },
  writeStaticRows(i, a) {
    arity(i, 3);
    staticCache(i[0], a.layer);
    rank(i[2], 1, "rows");
    int(i[2], "rows");
    kvRows(i[1], i[0], i[2].shape[0], "x");
    return [i[0]];
  },
  writeStaticBlock(i, a) {
    arity(i, 4);
    staticCache(i[0], a.layer);
    rank(i[1], 4, "x");
    const [r, k] = i[1].shape;
    need(k <= i[0].shape[2], "block longer than the cache capacity");
    same(i[1], t([r, k, i[0].shape[3], i[0].shape[4]], i[0].dtype), "x must be [R, K, kvHeads, D] of the cache dtype");
    same(i[2], t([r], "i32"), "slots must be i32[R]");
    same(i[3], t([r], "i32"), "starts must be i32[R]");
    return [i[0]];
  },
  readStaticCache(i, a) {
    arity(i, 2);
    staticCache(i[0], a.layer);
    rank(i[1], 1, "slots");
    int(i[1], "slots");
    const [, , c, h, d] = i[0].shape;
    return [t([i[1].shape[0], c, h, d], i[0].dtype)];
  },
  readPagedCache(i, a) {
    arity(i, 2);
    pool(i[0], a.layer);
    need(a.kv === 0 || a.kv === 1, "kv must be 0 or 1");
    rank(i[1], 2, "tables");
    int(i[1], "tables");
    const [, , h, , ps, d] = i[0].shape;
    return [t([i[1].shape[0], i[1].shape[1] * ps, h, d], i[0].dtype)];
  },
  pagedAttention(i) {
    arity(i, 5, 6);
    rank(i[0], 4, "q");
    float(i[0], "q");
    pool(i[1]);
    layerOperand(i[4]);
    const [g, q, heads, d] = i[0].shape;
    const kvHeads = i[1].shape[2];
    need(i[1].dtype === i[0].dtype && i[1].shape[5] === d, `pool ${formatGType(i[1])} does not match q ${formatGType(i[0])}`);
    need(heads % kvHeads === 0, `query heads ${heads} not a multiple of KV heads ${kvHeads}`);
    rank(i[2], 2, "tables");
    int(i[2], "tables");
    need(i[2].shape[0] >= 1, "tables must have at least one row");
    if (i.length === 6) same(i[5], t([g], "i32"), "groupTable must be i32[G]");
    else need(i[2].shape[0] === g, "without a groupTable, tables must have one row per group");
    same(i[3], t([g, q], "i32"), "positions must be i32[G, Q]");
    return [i[0]];
  },
  blockAttention(i, a) {
    arity(i, 6);
    rank(i[0], 4, "q");
    float(i[0], "q");
    const [r, k, heads, d] = i[0].shape;
    rank(i[1], 4, "kCtx");
    const [, c, kvHeads] = i[1].shape;
    need(heads % kvHeads === 0, `query heads ${heads} not a multiple of KV heads ${kvHeads}`);
    same(i[1], t([r, c, kvHeads, d], i[0].dtype), "kCtx");
    same(i[2], i[1], "vCtx must match kCtx");
    same(i[3], t([r, k, kvHeads, d], i[0].dtype), "kBlk");
    same(i[4], i[3], "vBlk must match kBlk");
    same(i[5], t([r], "i32"), "seqLens must be i32[R]");
    need(a.window === null || (Number.isInteger(a.window) && a.window > 0), "window must be a positive integer or null");
    return [i[0]];
  },
  call(i, a, callee) {
    const f = callee(a.callee);
    need(f !== undefined, `no function @${a.callee}`);
    need(f.params.length === i.length, `@${a.callee} takes ${f.params.length} operands, got ${i.length}`);
    f.params.forEach((p, k) => same(i[k], p, `operand ${k} of @${a.callee}`));
    return f.results.map((r) => t(r.shape, r.dtype));
  },
  scanLayers(i, a, callee) {
    const f = callee(a.callee);
    need(f !== undefined, `no function @${a.callee}`);
    need(Number.isInteger(a.layers) && a.layers >= 1, `layers must be a positive integer, got ${a.layers}`);
    need(Number.isInteger(a.carries) && a.carries >= 1 && Number.isInteger(a.invariants) && a.invariants >= 0, "carries must be >= 1 and invariants >= 0");
    need(a.carries + a.invariants <= i.length, `${a.carries} carries and ${a.invariants} invariants, but ${i.length} operands`);
    const stacked = i.slice(a.carries + a.invariants);
    stacked.forEach((s, k) => need(s.shape[0] === a.layers, `stacked operand ${k} must have ${a.layers} layers, got ${formatGType(s)}`));
    const params = [...i.slice(0, a.carries + a.invariants), t([], "i32"), ...stacked.map((s) => t(s.shape.slice(1), s.dtype))];
    need(f.params.length === params.length, `@${a.callee} takes ${f.params.length} operands, a layer of this loop passes ${params.length}`);
    f.params.forEach((p, k) => same(params[k], p, `operand ${k} of @${a.callee}`));
    need(f.results.length === a.carries, `@${a.callee} returns ${f.results.length} values for ${a.carries} carries`);
    f.results.forEach((r, k) => same(r, i[k], `result ${k} of @${a.callee} must be carry ${k}`));
    need(a.collect.every((l) => Number.isInteger(l) && l >= 0 && l < a.layers), `collect [${a.collect.join(",")}] out of range for ${a.layers} layers`);
    return [...i.slice(0, a.carries).map((c) => t(c.shape, c.dtype)), ...a.collect.map(() => t(i[0].shape, i[0].dtype))];
  },
  cycleLoop(i, a, callee) {
    const f = callee(a.callee);
    need(f !== undefined, `no function @${a.callee}`);
    need(Number.isInteger(a.cycles) && a.cycles >= 1, `cycles must be a positive integer, got ${a.cycles}`);
    need(Number.isInteger(a.carries) && a.carries >= 1 && Number.isInteger(a.invariants) && a.invariants >= 0, "carries must be >= 1 and invariants >= 0");
    need(a.carries + a.invariants === i.length, `${a.carries} carries and ${a.invariants} invariants, but ${i.length} operands`);
    rank(i[0], 1, "carry 0 (remaining)");
    int(i[0], "carry 0 (remaining)");
    const params = [...i, t([], "i32")];
    need(f.params.length === params.length, `@${a.callee} takes ${f.params.length} operands, a cycle of this loop passes ${params.length}`);
    f.params.forEach((p, k) => same(params[k], p, `operand ${k} of @${a.callee}`));
    need(f.results.length === a.carries, `@${a.callee} returns ${f.results.length} values for ${a.carries} carries`);
    f.results.forEach((r, k) => same(r, i[k], `result ${k} of @${a.callee} must be carry ${k}`));
    return i.slice(0, a.carries).map((c) => t(c.shape, c.dtype));
  },
  maskRows(i) {
    arity(i, 2);
    need(i[0].shape.length >= 1, "x must have rank >= 1");
    int(i[0], "x");
    same(i[1], t([i[0].shape[0]], "i32"), "live must be i32[R]");
    return [i[0]];
  },
  remainingAfter(i) {
    arity(i, 4);
    rank(i[0], 1, "remaining");
    int(i[0], "remaining");
    const r = i[0].shape[0];
    rank(i[1], 2, "tokens");
    int(i[1], "tokens");
    need(i[1].shape[0] === r, `tokens must have ${r} rows, got ${formatGType(i[1])}`);
    same(i[2], t([r], "i32"), "accepted must be i32[R]");
    rank(i[3], 2, "stopIds");
    int(i[3], "stopIds");
    need(i[3].shape[0] === r, `stopIds must have ${r} rows, got ${formatGType(i[3])}`);
    return [i[0]];
  },
  writeCycle(i) {
    arity(i, 3);
    need(i[0].shape.length >= 1, "buf must have rank >= 1");
    same(i[1], t(i[0].shape.slice(1), i[0].dtype), "x must be one row of buf");
    same(i[2], t([], "i32"), "the index must be an i32 scalar");
    return [i[0]];
  },
  cycleBuffer(i, a) {
    arity(i, 1);
    rank(i[0], 1, "rows");
    need([a.cycles, ...a.rowShape].every((d) => Number.isInteger(d) && d >= 1), `cycles ${a.cycles} and rowShape [${a.rowShape.join(",")}] must be positive integers`);
    need(Number.isInteger(a.value), `value ${a.value} must be an integer`);
    return [t([a.cycles, i[0].shape[0], ...a.rowShape], "i32")];
  },
};

/** Result types of `op` applied to `inputs`; throws a GraphError naming the op. */
export function inferTypes<K extends OpName>(op: K, inputs: readonly GType[], attrs: OpAttrMap[K], callee: CalleeTypes): GType[] {
  const rule = RULES[op] as InferRule<K> | undefined;
  if (!rule) throw new GraphError(`unknown graph op '${op}'`);
  try {
    return rule(inputs, attrs, callee);
  } catch (e) {
    if (e instanceof GraphError) throw new GraphError(`${op}: ${e.message}`);
    throw e;
  }
}
