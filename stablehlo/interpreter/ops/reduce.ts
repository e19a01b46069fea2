/**
 * reduce: N inputs, N init values, a body `(acc_0..acc_N-1, x_0..x_N-1) -> (acc'_0..)`. Inputs are
 * folded in row-major order, starting from the init values (the accumulator is the body's left
 * side), so a reducer that breaks ties toward the accumulator keeps the first index.
 * Reduced dims are moved last so each output reduces one contiguous run. A single-op commutative
 * body (add, max, ...) runs as a direct loop; other bodies run per element (element-body.ts).
 */
import type { ElementType, Op, Region } from "../../ir.js";
import { numElements } from "../../ir.js";
import { intsAttr } from "../attrs.js";
import type { OpRule } from "../context.js";
import { InterpreterError } from "../errors.js";
import { binaryKernel } from "../scalar.js";
import { elementBody } from "../element-body.js";
import { stridedCopy } from "../strided.js";
import { binaryKernel64 } from "../i64.js";
import { allocData, finish, rounder, stridesOf, type NumberData, type Scalar, type Tensor, type TensorData } from "../tensor.js";

const COMMUTATIVE = new Set(["stablehlo.add", "stablehlo.multiply", "stablehlo.maximum", "stablehlo.minimum", "stablehlo.and", "stablehlo.or"]);

/** If the body is `return op(arg0, arg1)` for a commutative op, that op's short name. */
export function simpleReducer(region: Region): string | undefined {
  const block = region.blocks[0];
  if (region.blocks.length !== 1 || block.args.length !== 2 || block.ops.length !== 2) return undefined;
  const [body, ret] = block.ops;
  if (!COMMUTATIVE.has(body.name) || body.operands.length !== 2) return undefined;
  const names = new Set(body.operands.map((v) => v.name));
  if (!names.has(block.args[0].name) || !names.has(block.args[1].name)) return undefined;
  if (ret.operands.length !== 1 || ret.operands[0].name !== body.results[0].name) return undefined;
  return body.name.slice("stablehlo.".length);
}

/**
 * Lays the input out as [kept dims..., reduced dims...] so that each output element reduces one
 * contiguous run. Within a run, elements keep their row-major order in the original input.
 */
function reducedLast(t: Tensor, dims: ReadonlySet<number>): TensorData {
  const shape = t.type.shape;
  const rank = shape.length;
  let trailing = true;
  for (let d = 0; d < rank; d++) if (dims.has(d) !== d >= rank - dims.size) trailing = false;
  if (trailing) return t.data;
  const order = [...shape.keys()].filter((d) => !dims.has(d)).concat([...shape.keys()].filter((d) => dims.has(d)));
  const strides = stridesOf(shape);
  const outShape = order.map((d) => shape[d]);
  const out = allocData(t.type.element, t.data.length);
  stridedCopy(outShape, t.data, order.map((d) => strides[d]), 0, out, stridesOf(outShape), 0);
  return out;
}

/** Tight loops for the common single-op reducers; each accumulates with the result type's rounding. */
function runSimple(name: string, element: ElementType, xData: TensorData, initValue: Scalar, outData: TensorData, run: number): boolean {
  if (xData instanceof BigInt64Array) return runSimple64(name, xData, initValue as bigint, outData as BigInt64Array, run);
  const x = xData;
  const init = initValue as number;
  const out = outData as NumberData;
  const size = out.length;
  const f32 = element === "f32";
  const wide = element === "f64";
  if (name === "add" && (f32 || wide)) {
    for (let o = 0, base = 0; o < size; o++, base += run) {
      let acc = init;
      if (f32) for (let r = 0; r < run; r++) acc = Math.fround(acc + x[base + r]);
      else for (let r = 0; r < run; r++) acc += x[base + r];
      out[o] = acc;
    }
    return true;
  }
  if (name === "maximum" || name === "minimum") {
    const max = name === "maximum";
    for (let o = 0, base = 0; o < size; o++, base += run) {
      let acc = init;
      if (max) for (let r = 0; r < run; r++) acc = Math.max(acc, x[base + r]);
      else for (let r = 0; r < run; r++) acc = Math.min(acc, x[base + r]);
      out[o] = acc;
    }
    return true;
  }
  const kernel = binaryKernel(name, element);
  if (!kernel) return false;
  const round = rounder(element);
  for (let o = 0, base = 0; o < size; o++, base += run) {
    let acc = init;
    for (let r = 0; r < run; r++) acc = round(kernel(acc, x[base + r]));
    out[o] = acc;
  }
  return true;
}

/** The single-op reducers on i64, exact (add and multiply wrap modulo 2^64). */
function runSimple64(name: string, x: BigInt64Array, init: bigint, out: BigInt64Array, run: number): boolean {
  const kernel = binaryKernel64(name);
  if (!kernel) return false;
  for (let o = 0, base = 0; o < out.length; o++, base += run) {
    let acc = init;
    for (let r = 0; r < run; r++) acc = kernel(acc, x[base + r]);
    out[o] = acc;
  }
  return true;
}

function checkReduceOperands(op: Op, inputs: readonly Tensor[]): void {
  for (const t of inputs) {
    if (t.type.shape.some((d, i) => d !== inputs[0].type.shape[i]) || t.type.shape.length !== inputs[0].type.shape.length) {
      throw new InterpreterError(`${op.name}: inputs must share one shape`, op.loc);
    }
  }
}

export const reduceRule: OpRule = (op, operands, ctx) => {
  const n = operands.length / 2;
  const inputs = operands.slice(0, n);
  const inits = operands.slice(n);
  checkReduceOperands(op, inputs);
  const dims = new Set(intsAttr(op, "dimensions"));
  const shape = inputs[0].type.shape;
  const resultShape = shape.filter((_, d) => !dims.has(d));
  const size = resultShape.reduce((a, b) => a * b, 1);
  const run = [...dims].reduce((a, d) => a * shape[d], 1);
  const types = op.results.map((r) => r.type);
  types.forEach((t) => {
    if (numElements(t) !== size) throw new InterpreterError(`${op.name}: result ${t.shape} does not match reduced shape ${resultShape}`, op.loc);
  });
  const region = op.regions[0];
  const xs = inputs.map((t) => reducedLast(t, dims));

  const simple = n === 1 ? simpleReducer(region) : undefined;
  if (simple) {
    const element = types[0].element;
    const out = allocData(element, size);
    if (runSimple(simple, element, xs[0], inits[0].data[0], out, run)) return [{ type: types[0], data: finish(element, out) }];
  }

  const outs = types.map((t) => allocData(t.element, size));
  const body = elementBody(region, ctx);
  // Doubles unless an i64 value takes part (then bigints ride in a plain array).
  const wide = types.some((t) => t.element === "i64") || inputs.some((t) => t.type.element === "i64");
  const args = (wide ? new Array<Scalar>(2 * n).fill(0) : new Float64Array(2 * n)) as Scalar[];
  const acc = new Array<Scalar>(n).fill(0);
  const outData = outs as unknown as Scalar[][];
  for (let o = 0, base = 0; o < size; o++, base += run) {
    for (let m = 0; m < n; m++) acc[m] = inits[m].data[0];
    for (let r = 0; r < run; r++) {
      for (let m = 0; m < n; m++) {
        args[m] = acc[m];
        args[n + m] = xs[m][base + r];
      }
      body(args, acc);
    }
    for (let m = 0; m < n; m++) outData[m][o] = acc[m];
  }
  return types.map((type, m) => ({ type, data: finish(type.element, outs[m]) }));
};
