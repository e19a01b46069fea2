/** `constant` and `iota`. */
import type { Op } from "../../ir.js";
import { denseAttr, intAttr } from "../attrs.js";
import type { OpRule } from "../context.js";
import { InterpreterError } from "../errors.js";
import { allocData, finish, stridesOf, tensorFromDense, type Tensor } from "../tensor.js";

// Tensors are never mutated, so a constant op's value is built once.
const constants = new WeakMap<Op, Tensor>();

export const constantRule: OpRule = (op) => {
  let t = constants.get(op);
  if (!t) {
    t = tensorFromDense(denseAttr(op, "value"), op.results[0].type);
    constants.set(op, t);
  }
  return [t];
};

export const iotaRule: OpRule = (op) => {
  const type = op.results[0].type;
  const dim = intAttr(op, "iota_dimension");
  if (dim < 0 || dim >= type.shape.length) {
    throw new InterpreterError(`${op.name}: iota_dimension ${dim} out of range for rank ${type.shape.length}`, op.loc);
  }
  const size = type.shape.reduce((a, b) => a * b, 1);
  const stride = stridesOf(type.shape)[dim];
  const extent = type.shape[dim];
  const out = allocData(type.element, size);
  if (out instanceof BigInt64Array) {
    for (let i = 0; i < size; i++) out[i] = BigInt(Math.floor(i / stride) % extent);
    return [{ type, data: out }];
  }
  for (let i = 0; i < size; i++) out[i] = Math.floor(i / stride) % extent;
  return [{ type, data: finish(type.element, out) }];
};
