/**
 * What a StableHLO lowering rule sees, and the small helpers every rule shares: element types of graph
 * dtypes, f32 compute for bf16 tensors (convert in, compute, convert out, as docs/kernels.md asks),
 * splat constants and broadcasts.
 */
import type { GType, OpAttrMap, OpName } from "../../ir/graph.js";
import type { FuncBuilder } from "../../../stablehlo/builder.js";
import { tensorType, type ElementType, type Value } from "../../../stablehlo/ir.js";
import type { TensorDType } from "../../../contract/dtypes.js";

/**
 * One op's lowering: StableHLO values for the node's results, emitted into `f` from its operands.
 * `out` are the node's result types (the rule must produce exactly these).
 */
export type StableHloRule<K extends OpName> = (f: FuncBuilder, x: readonly Value[], attrs: OpAttrMap[K], out: readonly GType[]) => Value[];

export type StableHloRules = { readonly [K in OpName]?: StableHloRule<K> };

export const elementOf = (d: TensorDType): ElementType => d;

/** `x` in f32 (a no-op for f32 tensors). */
export function toF32(f: FuncBuilder, x: Value): Value {
  return x.type.element === "f32" ? x : f.convert(x, "f32");
}

/** `x` (f32) as `element` (a no-op for f32). */
export function fromF32(f: FuncBuilder, x: Value, element: ElementType): Value {
  return x.type.element === element ? x : f.convert(x, element);
}

/** A constant tensor of `shape` filled with `value`. */
export function splat(f: FuncBuilder, value: number, shape: readonly number[], element: ElementType): Value {
  return f.constant(tensorType(shape, element), value);
}

/** Broadcasts `x` to `shape`, operand dimension i going to result dimension dims[i]. */
export function bcast(f: FuncBuilder, x: Value, shape: readonly number[], dims: readonly number[]): Value {
  return f.broadcastInDim(x, shape, dims);
}

/** `a <op> b` where `b` is a scalar constant broadcast to `a`'s shape. */
export function withScalar(f: FuncBuilder, op: "add" | "subtract" | "multiply" | "divide" | "remainder", a: Value, b: number): Value {
  return f.binary(op, a, splat(f, b, a.type.shape, a.type.element));
}
