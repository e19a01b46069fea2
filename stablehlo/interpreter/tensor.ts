/**
 * Runtime tensors: a type and a row-major typed array.
 *
 * Storage by element type:
 * - f32  Float32Array (every store rounds to f32)
 * - bf16 Float32Array holding values already rounded to bf16 (see bf16.ts)
 * - f64  Float64Array
 * - i64  BigInt64Array: exact two's complement, every op wraps modulo 2^64 (see i64.ts); floats
 *        never go through BigInt
 * - i32  Int32Array (stores wrap modulo 2^32)
 * - ui32 Uint32Array
 * - i1   Uint8Array of 0/1
 */
import { roundBf16, roundBf16Array } from "./bf16.js";
import { formatType, numElements, type DenseElements, type ElementType, type TensorType } from "../ir.js";

/** Storage of every element type but i64: plain numbers. */
export type NumberData = Float32Array | Float64Array | Int32Array | Uint32Array | Uint8Array;
export type TensorData = NumberData | BigInt64Array;
/** One element's value: a number, or a bigint for i64. */
export type Scalar = number | bigint;

export interface Tensor {
  readonly type: TensorType;
  readonly data: TensorData;
}

export function allocData(element: ElementType, size: number): TensorData {
  switch (element) {
    case "f32":
    case "bf16":
      return new Float32Array(size);
    case "f64":
      return new Float64Array(size);
    case "i64":
      return new BigInt64Array(size);
    case "i32":
      return new Int32Array(size);
    case "ui32":
      return new Uint32Array(size);
    case "i1":
      return new Uint8Array(size);
  }
}

/** Bytes one element occupies in the interpreter's storage (see the table above). */
export function bytesPerElement(element: ElementType): number {
  return element === "i1" ? 1 : element === "f64" || element === "i64" ? 8 : 4;
}

export function zeros(type: TensorType): Tensor {
  return { type, data: allocData(type.element, numElements(type)) };
}

/** The scalar rounding a stored value of this element type undergoes. */
export function rounder(element: ElementType): (x: number) => number {
  switch (element) {
    case "f32":
      return Math.fround;
    case "bf16":
      return roundBf16;
    case "f64":
      return (x) => x;
    case "i64":
      return (x) => (Number.isFinite(x) ? Math.trunc(x) : 0);
    case "i32":
      return (x) => x | 0;
    case "ui32":
      return (x) => x >>> 0;
    case "i1":
      return (x) => (x !== 0 ? 1 : 0);
  }
}

/**
 * Finishes a freshly written array: typed-array stores already round f32/i32/ui32; bf16 needs its
 * extra rounding, i1 must be 0/1 and i64 integral.
 */
export function finish(element: ElementType, data: TensorData): TensorData {
  if (element === "bf16") roundBf16Array(data as Float32Array);
  else if (element === "i1") {
    for (let i = 0; i < data.length; i++) if (data[i] > 1) data[i] = 1;
  }
  return data;
}

/**
 * Exact i64 values of dense literals whose numbers lost precision (beyond 2^53) in the parser's
 * `number[]`; filled from the source text by exact-literals.ts. Keyed by the literal's object.
 */
export const exactI64Values = new WeakMap<DenseElements, readonly bigint[]>();

/** Builds a tensor from plain numbers (or bigints for i64), rounding each to the element type. */
export function tensorFromValues(type: TensorType, values: ArrayLike<number | bigint>): Tensor {
  const size = numElements(type);
  if (values.length !== size) {
    throw new Error(`${formatType(type)} needs ${size} values, got ${values.length}`);
  }
  if (type.element === "i64") {
    const data = new BigInt64Array(size);
    for (let i = 0; i < size; i++) data[i] = toBigInt(values[i]);
    return { type, data };
  }
  const data = allocData(type.element, size) as NumberData;
  const round = rounder(type.element);
  for (let i = 0; i < size; i++) data[i] = round(Number(values[i]));
  return { type, data };
}

/** A value as i64: bigints wrap modulo 2^64, numbers truncate (non-finite gives 0). */
function toBigInt(v: number | bigint): bigint {
  if (typeof v === "bigint") return BigInt.asIntN(64, v);
  return Number.isFinite(v) ? BigInt.asIntN(64, BigInt(Math.trunc(v))) : 0n;
}

export function tensorFromDense(dense: DenseElements, type: TensorType = dense.type): Tensor {
  const values: readonly (number | bigint)[] = (type.element === "i64" && exactI64Values.get(dense)) || dense.values;
  if (dense.splat || values.length === 1) {
    const size = numElements(type);
    if (type.element === "i64") return { type, data: new BigInt64Array(size).fill(toBigInt(values[0])) };
    const data = allocData(type.element, size) as NumberData;
    data.fill(rounder(type.element)(Number(values[0])));
    return { type, data };
  }
  return tensorFromValues(type, values);
}

export function scalarTensor(element: ElementType, value: number | bigint): Tensor {
  return tensorFromValues({ shape: [], element }, [value]);
}

/** The values as numbers (i64 beyond 2^53 rounds: use `values` for exact i64). */
export function toArray(t: Tensor): number[] {
  return t.data instanceof BigInt64Array ? Array.from(t.data, Number) : Array.from(t.data);
}

/** The values exactly: numbers, or bigints for i64. */
export function values(t: Tensor): (number | bigint)[] {
  return Array.from(t.data as ArrayLike<number | bigint>);
}

/** Row-major strides of a shape (in elements). */
export function stridesOf(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i];
  }
  return strides;
}

/** Renders a tensor the way `dense<...>` prints it, for check messages. */
export function formatTensor(t: Tensor, limit = 64): string {
  const vals = values(t);
  const show = (v: number | bigint) => (t.type.element === "i1" ? (v ? "true" : "false") : String(v));
  const shown = vals.slice(0, limit).map(show).join(", ");
  return `[${shown}${vals.length > limit ? ", ..." : ""}] : ${formatType(t.type)}`;
}
