/**
 * The JAX lowering rules: one per kernel-graph op, each a Python expression over the operands'
 * expressions, calling the static support library (`dflashc_jax.ops`, `dflashc_jax.paged_attention`)
 * or jnp. The math lives in the library and in docs/kernels.md; a rule only maps operands and
 * attributes, so that the generated kernels are the graph, op for op.
 *
 * Expressions must not depend on the shape bucket (the same text serves every bucket of a kernel):
 * reshapes keep the leading dimension free (`-1`), slices that span a dimension say `:`. The emitter
 * lowers every bucket and refuses to emit when two buckets' texts differ.
 */
import type { GType, OpAttrMap, OpName, RuleTable } from "../ir/graph.js";
import { float, int, ints, JaxEmitError } from "./python.js";

export interface JaxRuleCtx {
  /** The name of a module-level constant holding `expr` (deduplicated by text). */
  constant(expr: string): string;
  /** The Python name of graph function `callee`. */
  func(callee: string): string;
}

export type JaxRule<K extends OpName> = (
  args: readonly string[],
  attrs: OpAttrMap[K],
  ins: readonly GType[],
  outs: readonly GType[],
  ctx: JaxRuleCtx,
) => string;

type JaxRules = { readonly [K in OpName]: JaxRule<K> };

const call = (fn: string, args: readonly string[]) => `${fn}(${args.join(", ")})`;

/** `x.reshape(-1, ...)`: the leading dimension is the bucket's (rows, requests or tokens). */
function reshape(x: string, shape: readonly number[]): string {
  if (shape.length === 0) return `${x}.reshape(())`;
  return `${x}.reshape(${["-1", ...shape.slice(1).map(int)].join(", ")})`;
}

function sliceExpr(x: string, start: readonly number[], limit: readonly number[], shape: readonly number[]): string {
  const parts = shape.map((d, i) => {
    const lo = start[i] === 0 ? "" : int(start[i]);
    const hi = limit[i] === d ? "" : int(limit[i]);
    return `${lo}:${hi}`;
  });
  return `${x}[${parts.join(", ")}]`;
}

function ropeInvFreq(attrs: OpAttrMap["rope"], headDim: number, ctx: JaxRuleCtx): string {
  const s = attrs.scaling;
  const scaling =
    s === null
      ? "None"
      : `config.Llama3Scaling(factor=${float(s.factor)}, low_freq_factor=${float(s.lowFreqFactor)}, high_freq_factor=${float(s.highFreqFactor)}, original_max_positions=${int(s.originalMaxPositions)})`;
  return ctx.constant(`ops.rope_inv_freq(${float(attrs.theta)}, ${int(headDim)}, ${scaling})`);
}

const RULES: JaxRules = {
  embed: (a) => call("ops.embed", a),
  rmsNorm: (a, { eps }) => call("ops.rms_norm", [...a, float(eps)]),
  linear: (a) => call("ops.linear", a),
  headNorm: (a, { eps }) => call("ops.head_norm", [...a, float(eps)]),
  rope: ([x, pos], attrs, ins, _o, ctx) => call("ops.rope", [x, pos, ropeInvFreq(attrs, ins[0].shape[2], ctx)]),
  reshape: ([x], { shape }) => reshape(x, shape),
  slice: ([x], { start, limit }, ins) => sliceExpr(x, start, limit, ins[0].shape),
  concat: (a, { axis }) => `jnp.concatenate([${a.join(", ")}], axis=${int(axis)})`,
  add: ([x, y]) => `${x} + ${y}`,
  swiglu: (a) => call("ops.swiglu", a),
  lmHead: (a) => call("ops.lm_head", a),
  argmax: (a) => call("ops.argmax", a),
  acceptGreedy: (a) => call("ops.accept_greedy", a),
  makeBlock: (a, { blockSize, maskTokenId }) =>
    a.length === 2 ? call("ops.make_block", a) : call("ops.mask_block", [a[0], int(blockSize), int(maskTokenId)]),
  blockPositions: ([s], { blockSize }) => call("ops.block_positions", [s, int(blockSize)]),
  gatherRows: (a) => call("ops.gather_rows", a),
  pagedRows: (a, { pageSize }) => call("ops.paged_rows", [...a, int(pageSize)]),
  constI32: (_a, { value }) => `jnp.int32(${int(value)})`,
  writePagedRows: (a) => call("ops.write_paged_rows", a),
  writeStaticRows: ([cache, x, rows], { layer }) => call("ops.write_static_rows", [cache, int(layer), rows, x]),
  writeStaticBlock: ([cache, x, slots, starts], { layer }) => call("ops.write_static_block", [cache, int(layer), slots, starts, x]),
  readStaticCache: ([cache, slots], { layer }) => call("ops.read_static_cache", [cache, int(layer), slots]),
  readPagedCache: ([pool, tables], { layer, kv }) => call("ops.read_paged_cache", [pool, tables, int(layer), int(kv)]),
  // Operands (q, pool, tables, positions, layer[, groupTable]); the library takes the layer third.
  pagedAttention: ([q, pool, tables, positions, layer, groupTable]) =>
    call("paged_attention", [q, pool, layer, tables, positions, groupTable ?? "None", "mesh=sharding.current_mesh()", "**config.PAGED_ATTENTION"]),
  blockAttention: (a, { window }) => call("ops.block_attention", [...a, `window=${window === null ? "None" : int(window)}`]),
  samplingProbs: (a) => call("ops.sampling_probs", a),
  scatterRows: (a) => call("ops.scatter_rows", a),
  stateRows: (a) => call("ops.state_rows", a),
  advanceState: (a) => call("ops.advance_state", a.length === 3 ? a : [...a, "None"]),
  acceptSample: (a) => call("ops.accept_sample", a),
  call: (a, { callee }, _i, _o, ctx) => call(ctx.func(callee), a),
  scanLayers: (a, { callee, carries, invariants, collect }, _i, _o, ctx) => {
    const tuple = (xs: readonly string[]) => (xs.length === 1 ? `(${xs[0]},)` : `(${xs.join(", ")})`);
    const parts = [tuple(a.slice(0, carries)), tuple(a.slice(carries, carries + invariants)), tuple(a.slice(carries + invariants))];
    return call("ops.scan_layers", [ctx.func(callee), ...parts, ...(collect.length > 0 ? [`collect=${ints(collect)}`] : [])]);
  },
  cycleLoop: (a, { callee, cycles, carries }, _i, _o, ctx) => {
    const tuple = (xs: readonly string[]) => (xs.length === 1 ? `(${xs[0]},)` : `(${xs.join(", ")})`);
    return call("ops.cycle_loop", [ctx.func(callee), tuple(a.slice(0, carries)), tuple(a.slice(carries)), int(cycles)]);
  },
  maskRows: (a, { fill }) => call("ops.mask_rows", [...a, int(fill)]),
  remainingAfter: (a) => call("ops.remaining_after", a),
  writeCycle: (a) => call("ops.write_cycle", a),
  cycleBuffer: ([rows], { cycles, rowShape, value }) => call("ops.cycle_buffer", [rows, int(cycles), ints(rowShape), int(value)]),
};

export const JAX_RULES: RuleTable<JaxRule<OpName>> = { backend: "jax", rules: RULES as unknown as Record<OpName, JaxRule<OpName>> };

/** Python source of a `[shape]` tuple, for zero buffers. */
export function shapeTuple(shape: readonly number[]): string {
  return ints(shape);
}

export { JaxEmitError };
