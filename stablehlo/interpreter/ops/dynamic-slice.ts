/**
 * dynamic_slice and dynamic_update_slice. Per the spec, each start index is CLAMPED to
 * [0, dim - size]: an out-of-range start silently moves the window back inside the operand.
 */
import { numElements } from "../../ir.js";
import { intsAttr } from "../attrs.js";
import type { OpRule } from "../context.js";
import { InterpreterError } from "../errors.js";
import { stridedCopy } from "../strided.js";
import { allocData, stridesOf, type Tensor } from "../tensor.js";

/** Start indices come as scalar operands (one per dim); returns the clamped start. */
export function clampedStarts(shape: readonly number[], sizes: readonly number[], starts: readonly Tensor[]): number[] {
  return shape.map((dim, d) => Math.min(Math.max(Number(starts[d].data[0]), 0), dim - sizes[d]));
}

export const dynamicSliceRule: OpRule = (op, [a, ...starts]) => {
  const type = op.results[0].type;
  const sizes = intsAttr(op, "slice_sizes");
  if (starts.length !== a.type.shape.length) {
    throw new InterpreterError(`${op.name}: expected ${a.type.shape.length} start indices, got ${starts.length}`, op.loc);
  }
  const begin = clampedStarts(a.type.shape, sizes, starts);
  const inStrides = stridesOf(a.type.shape);
  const base = begin.reduce((acc, s, d) => acc + s * inStrides[d], 0);
  const out = allocData(type.element, numElements(type));
  stridedCopy(sizes, a.data, inStrides, base, out, stridesOf(sizes), 0);
  return [{ type, data: out }];
};

export const dynamicUpdateSliceRule: OpRule = (op, [a, update, ...starts]) => {
  const type = op.results[0].type;
  if (starts.length !== a.type.shape.length) {
    throw new InterpreterError(`${op.name}: expected ${a.type.shape.length} start indices, got ${starts.length}`, op.loc);
  }
  const begin = clampedStarts(a.type.shape, update.type.shape, starts);
  const outStrides = stridesOf(a.type.shape);
  const base = begin.reduce((acc, s, d) => acc + s * outStrides[d], 0);
  const out = a.data.slice();
  stridedCopy(update.type.shape, update.data, stridesOf(update.type.shape), 0, out, outStrides, base);
  return [{ type, data: out }];
};
