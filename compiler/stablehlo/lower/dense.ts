/**
 * StableHLO lowering of the dense ops: embedding and row gathers, norms, linear layers, RoPE, SwiGLU,
 * residual adds, the LM head, and the plain shape ops. Floats compute in f32 and are converted back
 * to the model dtype once per graph op, which is what the evaluator does.
 */
import type { FuncBuilder } from "../../../stablehlo/builder.js";
import type { Value } from "../../../stablehlo/ir.js";
import { ropeInvFreq } from "../../../contract/rope.js";
import { bcast, fromF32, splat, toF32, withScalar, type StableHloRules } from "./context.js";

/** Rows `table[idx[n]]` of `table[R, ...]`: one gather, indices clamped like XLA. */
export function gatherRows(f: FuncBuilder, table: Value, idx: Value): Value {
  const rest = table.type.shape.slice(1);
  const n = idx.type.shape[0];
  return f.gather(
    table,
    f.reshape(idx, [n, 1]),
    { offsetDims: rest.map((_, i) => i + 1), collapsedSliceDims: [0], startIndexMap: [0], indexVectorDim: 1 },
    [1, ...rest],
  );
}

/** RMSNorm over the last axis of `x` with weight `w`, in f32, converted back to x's dtype. */
function rmsNorm(f: FuncBuilder, x: Value, w: Value, eps: number): Value {
  const shape = x.type.shape;
  const r = shape.length;
  const xf = toF32(f, x);
  const sum = f.reduce(f.multiply(xf, xf), splat(f, 0, [], "f32"), [r - 1], "add");
  const inv = f.rsqrt(withScalar(f, "add", withScalar(f, "divide", sum, shape[r - 1]), eps));
  const normed = f.multiply(xf, bcast(f, inv, shape, shape.slice(0, -1).map((_, i) => i)));
  const y = f.multiply(normed, bcast(f, toF32(f, w), shape, [r - 1]));
  return fromF32(f, y, x.type.element);
}

/** `x[N, in] @ w[out, in]^T (+ b)`, accumulated in f32. */
function linear(f: FuncBuilder, x: Value, w: Value, b?: Value): Value {
  const y = f.dotGeneral(x, w, { lhsContract: [1], rhsContract: [1] }, "f32");
  const withBias = b ? f.add(y, bcast(f, toF32(f, b), y.type.shape, [1])) : y;
  return fromF32(f, withBias, x.type.element);
}

/** Rotate-half RoPE of `x[N, heads, D]` at `pos[N]`; cos/sin from the shared f32 inverse frequencies. */
function rope(f: FuncBuilder, x: Value, pos: Value, theta: number, scaling: Parameters<typeof ropeInvFreq>[2]): Value {
  const [n, heads, d] = x.type.shape;
  const half = d / 2;
  const inv = f.constant({ shape: [half], element: "f32" }, [...ropeInvFreq(theta, d, scaling)]);
  const angle = f.multiply(bcast(f, f.convert(pos, "f32"), [n, half], [0]), bcast(f, inv, [n, half], [1]));
  const full = (t: Value) => bcast(f, f.concatenate([t, t], 1), [n, heads, d], [0, 2]);
  const cos = full(f.cosine(angle));
  const sin = full(f.sine(angle));
  const xf = toF32(f, x);
  const x1 = f.slice(xf, [0, 0, 0], [n, heads, half]);
  const x2 = f.slice(xf, [0, 0, half], [n, heads, d]);
  const rotated = f.concatenate([f.negate(x2), x1], 2);
  return fromF32(f, f.add(f.multiply(xf, cos), f.multiply(rotated, sin)), x.type.element);
}

export const DENSE_RULES: StableHloRules = {
  embed: (f, [table, ids]) => [gatherRows(f, table, ids)],
  gatherRows: (f, [table, idx]) => [gatherRows(f, table, idx)],
  rmsNorm: (f, [x, w], { eps }) => [rmsNorm(f, x, w, eps)],
  headNorm: (f, [x, w], { eps }) => [rmsNorm(f, x, w, eps)],
  linear: (f, [x, w, b]) => [linear(f, x, w, b)],
  rope: (f, [x, pos], { theta, scaling }) => [rope(f, x, pos, theta, scaling)],
  reshape: (f, [x], { shape }) => [f.reshape(x, shape)],
  slice: (f, [x], { start, limit }) => [f.slice(x, start, limit)],
  concat: (f, xs, { axis }) => [xs.length === 1 ? xs[0] : f.concatenate(xs, axis)],
  add: (f, [a, b]) => [f.add(a, b)],
  constI32: (f, _x, { value }) => [splat(f, value, [], "i32")],
  swiglu: (f, [gate, up]) => {
    const g = toF32(f, gate);
    return [fromF32(f, f.multiply(f.multiply(g, f.logistic(g)), toF32(f, up)), gate.type.element)];
  },
  lmHead: (f, [x, w]) => [f.dotGeneral(x, w, { lhsContract: [1], rhsContract: [1] }, "f32")],
};
