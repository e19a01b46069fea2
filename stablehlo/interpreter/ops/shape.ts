/**
 * Static data movement: reshape, transpose, broadcast_in_dim, concatenate, slice, pad, reverse.
 * Each maps result indices to operand offsets with strides and runs `stridedCopy`.
 */
import { numElements } from "../../ir.js";
import { intAttr, intsAttr } from "../attrs.js";
import type { OpRule } from "../context.js";
import { InterpreterError } from "../errors.js";
import { stridedCopy } from "../strided.js";
import { allocData, stridesOf } from "../tensor.js";

export const reshapeRule: OpRule = (op, [a]) => {
  const type = op.results[0].type;
  if (numElements(type) !== a.data.length) {
    throw new InterpreterError(`${op.name}: cannot reshape ${a.data.length} elements to ${numElements(type)}`, op.loc);
  }
  // Row-major order is unchanged, and tensors are immutable: share the data.
  return [{ type, data: a.data }];
};

/** Result dimension i is operand dimension permutation[i]. */
export const transposeRule: OpRule = (op, [a]) => {
  const type = op.results[0].type;
  const perm = intsAttr(op, "permutation");
  const inStrides = stridesOf(a.type.shape);
  const out = allocData(type.element, a.data.length);
  stridedCopy(type.shape, a.data, perm.map((p) => inStrides[p]), 0, out, stridesOf(type.shape), 0);
  return [{ type, data: out }];
};

export const broadcastInDimRule: OpRule = (op, [a]) => {
  const type = op.results[0].type;
  const dims = intsAttr(op, "broadcast_dimensions");
  const inStrides = stridesOf(a.type.shape);
  const srcStrides = new Array<number>(type.shape.length).fill(0);
  dims.forEach((d, i) => {
    const size = a.type.shape[i];
    if (size !== 1 && size !== type.shape[d]) {
      throw new InterpreterError(`${op.name}: operand dim ${i} (${size}) does not fit result dim ${d} (${type.shape[d]})`, op.loc);
    }
    // A size-1 operand dimension is repeated: stride 0.
    srcStrides[d] = size === 1 ? 0 : inStrides[i];
  });
  const out = allocData(type.element, numElements(type));
  stridedCopy(type.shape, a.data, srcStrides, 0, out, stridesOf(type.shape), 0);
  return [{ type, data: out }];
};

export const concatenateRule: OpRule = (op, operands) => {
  const type = op.results[0].type;
  const dim = intAttr(op, "dimension");
  const outStrides = stridesOf(type.shape);
  const out = allocData(type.element, numElements(type));
  let offset = 0;
  for (const t of operands) {
    stridedCopy(t.type.shape, t.data, stridesOf(t.type.shape), 0, out, outStrides, offset * outStrides[dim]);
    offset += t.type.shape[dim];
  }
  if (offset !== type.shape[dim]) {
    throw new InterpreterError(`${op.name}: operands add up to ${offset} along dim ${dim}, result has ${type.shape[dim]}`, op.loc);
  }
  return [{ type, data: out }];
};

export const sliceRule: OpRule = (op, [a]) => {
  const type = op.results[0].type;
  const start = intsAttr(op, "start_indices");
  const limit = intsAttr(op, "limit_indices");
  const steps = op.attrs["strides"] ? intsAttr(op, "strides") : start.map(() => 1);
  const inStrides = stridesOf(a.type.shape);
  const shape = start.map((s, d) => Math.max(0, Math.ceil((limit[d] - s) / steps[d])));
  let base = 0;
  start.forEach((s, d) => {
    if (s < 0 || limit[d] > a.type.shape[d] || s > limit[d]) {
      throw new InterpreterError(`${op.name}: slice [${s}, ${limit[d]}) out of range for dim ${d} of size ${a.type.shape[d]}`, op.loc);
    }
    base += s * inStrides[d];
  });
  const out = allocData(type.element, numElements(type));
  stridedCopy(shape, a.data, inStrides.map((st, d) => st * steps[d]), base, out, stridesOf(type.shape), 0);
  return [{ type, data: out }];
};

/** pad: low/high edge padding (may be negative, which crops) and interior padding. */
export const padRule: OpRule = (op, [a, padValue]) => {
  const type = op.results[0].type;
  const low = intsAttr(op, "edge_padding_low");
  const interior = intsAttr(op, "interior_padding");
  const out = allocData(type.element, numElements(type));
  (out as Float64Array).fill(padValue.data[0] as number); // a bigint for i64: the same fill
  const inStrides = stridesOf(a.type.shape);
  const outStrides = stridesOf(type.shape);
  // For each dim, the operand indices whose padded position lands inside the result.
  const shape: number[] = [];
  let srcBase = 0;
  let dstBase = 0;
  for (let d = 0; d < a.type.shape.length; d++) {
    const step = interior[d] + 1;
    const first = low[d] >= 0 ? 0 : Math.ceil(-low[d] / step);
    let last = a.type.shape[d] - 1;
    while (last >= first && low[d] + last * step >= type.shape[d]) last--;
    shape.push(Math.max(0, last - first + 1));
    srcBase += first * inStrides[d];
    dstBase += (low[d] + first * step) * outStrides[d];
  }
  stridedCopy(shape, a.data, inStrides, srcBase, out, outStrides.map((s, d) => s * (interior[d] + 1)), dstBase);
  return [{ type, data: out }];
};

export const reverseRule: OpRule = (op, [a]) => {
  const type = op.results[0].type;
  const dims = new Set(intsAttr(op, "dimensions"));
  const inStrides = stridesOf(a.type.shape);
  let base = 0;
  const srcStrides = inStrides.map((s, d) => {
    if (!dims.has(d)) return s;
    base += (a.type.shape[d] - 1) * s;
    return -s;
  });
  const out = allocData(type.element, a.data.length);
  stridedCopy(type.shape, a.data, srcStrides, base, out, stridesOf(type.shape), 0);
  return [{ type, data: out }];
};
