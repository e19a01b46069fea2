/**
 * Host tensors of the graph evaluator: row-major data, floats in a Float32Array (a bf16 value is an f32
 * whose low 16 mantissa bits are zero), i32 in an Int32Array.
 */
import { GraphError, numel, type GDType, type GType } from "./graph.js";

export interface Tensor {
  readonly dtype: GDType;
  readonly shape: readonly number[];
  readonly data: Float32Array | Int32Array;
}

export function zeros(type: GType): Tensor {
  const n = numel(type.shape);
  return { dtype: type.dtype, shape: [...type.shape], data: type.dtype === "i32" ? new Int32Array(n) : new Float32Array(n) };
}

export function fromData(dtype: GDType, shape: readonly number[], data: ArrayLike<number>): Tensor {
  if (data.length !== numel(shape)) throw new GraphError(`${data.length} values for shape [${shape.join(",")}]`);
  const t = zeros({ dtype, shape });
  t.data.set(data);
  if (dtype === "bf16") roundArray(t.data as Float32Array, "bf16");
  return t;
}

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** Nearest bf16, ties to even, through f32 first (as XLA narrows f32 results). */
export function roundBf16(x: number): number {
  f32[0] = x;
  const bits = u32[0];
  if ((bits & 0x7f800000) === 0x7f800000 && (bits & 0x007fffff) !== 0) return NaN;
  u32[0] = ((bits + 0x7fff + ((bits >>> 16) & 1)) & 0xffff0000) >>> 0;
  return f32[0];
}

/** Rounds in place to the float type `dtype` (f32 storage already rounds to f32). */
export function roundArray(data: Float32Array, dtype: GDType): void {
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
