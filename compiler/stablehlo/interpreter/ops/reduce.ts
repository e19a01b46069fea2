/**
 * reduce: N inputs, N init values, a body `(acc_0..acc_N-1, x_0..x_N-1) -> (acc'_0..)`. Inputs are
 * folded in row-major order, starting from the init values (the accumulator is the body's left
 * side), so a reducer that breaks ties toward the accumulator keeps the first index.
 * Fast paths: a single-op commutative body (add, max, ...) runs a direct loop; any all-scalar body
 * runs compiled (scalar-region.ts); anything else runs through the interpreter per element pair.
 */
import type { Op, Region } from "../../ir.js";
import { numElements } from "../../ir.js";
import { intsAttr } from "../attrs.js";
import type { EvalContext, OpRule } from "../context.js";
import { InterpreterError } from "../errors.js";
import { binaryKernel, type Binary } from "../scalar.js";
import { compileScalarRegion } from "../scalar-region.js";
import { allocData, finish, rounder, stridesOf, type Tensor, type TensorData } from "../tensor.js";

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
 * Calls `visit(inputOffset, outputOffset)` for every input element in row-major order, where the
 * output offset drops the reduced dimensions.
 */
function forEachInput(shape: readonly number[], outStrides: readonly number[], visit: (i: number, o: number) => void): void {
  const rank = shape.length;
  const total = shape.reduce((a, b) => a * b, 1);
  if (total === 0) return;
  if (rank === 0) {
    visit(0, 0);
    return;
  }
  const idx = new Array<number>(rank).fill(0);
  const inner = shape[rank - 1];
  const oIn = outStrides[rank - 1];
  let o = 0;
  for (let i = 0; i < total; i += inner) {
    for (let j = 0; j < inner; j++) visit(i + j, o + j * oIn);
    for (let d = rank - 2; d >= 0; d--) {
      idx[d]++;
      o += outStrides[d];
      if (idx[d] < shape[d]) break;
      o -= outStrides[d] * shape[d];
      idx[d] = 0;
    }
  }
}

function runSimple(kernel: Binary, round: (x: number) => number, x: TensorData, acc: TensorData, shape: readonly number[], outStrides: readonly number[]): void {
  forEachInput(shape, outStrides, (i, o) => {
    acc[o] = round(kernel(acc[o], x[i]));
  });
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
  const resultStrides = stridesOf(resultShape);
  // Stride of each input dim in the output: 0 for reduced dims.
  const outStrides: number[] = [];
  let k = 0;
  for (let d = 0; d < shape.length; d++) outStrides.push(dims.has(d) ? 0 : resultStrides[k++]);
  const size = resultShape.reduce((a, b) => a * b, 1);
  const types = op.results.map((r) => r.type);
  types.forEach((t) => {
    if (numElements(t) !== size) throw new InterpreterError(`${op.name}: result ${t.shape} does not match reduced shape ${resultShape}`, op.loc);
  });
  const region = op.regions[0];

  const simple = n === 1 ? simpleReducer(region) : undefined;
  if (simple) {
    const element = types[0].element;
    const kernel = binaryKernel(simple, element);
    if (kernel) {
      const acc = allocData(element, size);
      acc.fill(inits[0].data[0]);
      runSimple(kernel, rounder(element), inputs[0].data, acc, shape, outStrides);
      return [{ type: types[0], data: finish(element, acc) }];
    }
  }

  const accs = inits.map((t) => new Float64Array(size).fill(t.data[0]));
  const xs = inputs.map((t) => t.data);
  const compiled = compileScalarRegion(region);
  const args = new Float64Array(2 * n);
  const out = new Array<number>(n).fill(0);
  const body = compiled ?? interpretedBody(region, types, ctx);
  forEachInput(shape, outStrides, (i, o) => {
    for (let m = 0; m < n; m++) {
      args[m] = accs[m][o];
      args[n + m] = xs[m][i];
    }
    body(args, out);
    for (let m = 0; m < n; m++) accs[m][o] = out[m];
  });
  return types.map((type, m) => {
    const data = allocData(type.element, size);
    data.set(accs[m]);
    return { type, data: finish(type.element, data) };
  });
};

/** Runs a body region through the interpreter on rank-0 tensors (slow; for non-scalar bodies). */
export function interpretedBody(region: Region, accTypes: readonly Tensor["type"][], ctx: EvalContext) {
  const argTypes = region.blocks[0].args.map((a) => a.type);
  return (args: ArrayLike<number>, out: number[]) => {
    const tensors = argTypes.map((type, i) => {
      const data = allocData(type.element, 1);
      data[0] = args[i];
      return { type, data };
    });
    const results = ctx.runRegion(region, tensors);
    for (let m = 0; m < accTypes.length; m++) out[m] = results[m].data[0];
  };
}
