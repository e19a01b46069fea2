/**
 * Host tensors of the graph evaluator (not the StableHLO interpreter's `Tensor`, which carries a StableHLO
 * type and storage for every StableHLO element type): row-major data, floats in a Float32Array (a bf16 value is an f32
 * whose low 16 mantissa bits are zero), i32 in an Int32Array.
 */
import { GraphError, numel, type GType } from "./graph.js";
import { roundBf16 } from "../../contract/bf16.js";
import type { TensorDType } from "../../contract/dtypes.js";

export interface GraphTensor {
  readonly dtype: TensorDType;
  readonly shape: readonly number[];
  readonly data: Float32Array | Int32Array;
}

export function zeros(type: GType): GraphTensor {
  const n = numel(type.shape);
  return { dtype: type.dtype, shape: [...type.shape], data: type.dtype === "i32" ? new Int32Array(n) : new Float32Array(n) };
}

export function fromData(dtype: TensorDType, shape: readonly number[], data: ArrayLike<number>): GraphTensor {
  if (data.length !== numel(shape)) throw new GraphError(`${data.length} values for shape [${shape.join(",")}]`);
  const t = zeros({ dtype, shape });
  t.data.set(data);
  if (dtype === "bf16") roundArray(t.data as Float32Array, "bf16");
  return t;
}

/** Rounds in place to the float type `dtype` (f32 storage already rounds to f32). */
export function roundArray(data: Float32Array, dtype: TensorDType): void {
  if (dtype !== "bf16") return;
  for (let i = 0; i < data.length; i++) data[i] = roundBf16(data[i]);
}

/** Row-major strides of `shape`. */
export function strides(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= shape[i];
  }
  return s;
}
