/**
 * Scalar kernels, per op and element type. A kernel computes in doubles and returns the exact or
 * double-rounded value; the caller rounds it to the result element type (a typed-array store plus
 * `finish`, or `rounder` in compiled scalar regions). Elementwise tensor ops and compiled reduction
 * bodies share these, so both give identical numbers.
 */
import type { ComparisonDirection, ComparisonType, ElementType } from "../ir.js";
import { isFloat } from "../ir.js";

export type Unary = (a: number) => number;
export type Binary = (a: number, b: number) => number;

const TWO_31 = 2 ** 31;
const TWO_32 = 2 ** 32;
const TWO_63 = 2 ** 63;

function bitWidth(e: ElementType): number {
  return e === "i1" ? 1 : e === "i64" ? 64 : 32;
}

// i64 bitwise ops go through BigInt: JS bit operators are 32-bit.
function big64(f: (a: bigint, b: bigint) => bigint): Binary {
  return (a, b) => Number(BigInt.asIntN(64, f(BigInt(a), BigInt(b))));
}

/** Integer power by squaring; negative exponents give 0 except for bases ±1 (as XLA does). */
function intPow(element: ElementType): Binary {
  const mul: Binary = element === "i64" ? (x, y) => x * y : element === "ui32" ? (x, y) => Math.imul(x, y) >>> 0 : Math.imul;
  return (a, b) => {
    if (b < 0) return a === 1 ? 1 : a === -1 ? (b % 2 === 0 ? 1 : -1) : 0;
    let result = 1;
    let base = a;
    let e = b;
    while (e > 0) {
      if (e % 2 === 1) result = mul(result, base);
      base = mul(base, base);
      e = Math.floor(e / 2);
    }
    return result;
  };
}

function floatPow(a: number, b: number): number {
  // IEEE pow: pow(1, y) = 1 and pow(-1, ±inf) = 1, where JS gives NaN.
  if (a === 1) return 1;
  if (a === -1 && !Number.isFinite(b) && !Number.isNaN(b)) return 1;
  return Math.pow(a, b);
}

function intDivide(element: ElementType): Binary {
  switch (element) {
    case "ui32":
      return (a, b) => (b === 0 ? 0xffffffff : Math.floor(a / b));
    case "i64":
      return (a, b) => (b === 0 ? -1 : Math.trunc(a / b));
    default:
      // Truncates toward zero; x/0 = -1 and INT_MIN/-1 = INT_MIN (wraps on store), as XLA.
      return (a, b) => (b === 0 ? -1 : Math.trunc(a / b));
  }
}

function roundHalfEven(a: number): number {
  if (!Number.isFinite(a)) return a;
  const f = Math.floor(a);
  const diff = a - f;
  if (diff < 0.5) return f === 0 && a < 0 ? -0 : f;
  if (diff > 0.5) return f + 1;
  return f % 2 === 0 ? f : f + 1;
}

function roundHalfAway(a: number): number {
  if (!Number.isFinite(a)) return a;
  const r = Math.round(Math.abs(a));
  return a < 0 ? -r : r;
}

function shiftKernel(name: string, element: ElementType): Binary | undefined {
  const width = bitWidth(element);
  if (element === "i64") {
    const f =
      name === "shift_left"
        ? (a: bigint, b: bigint) => (b < 0n || b >= 64n ? 0n : a << b)
        : name === "shift_right_arithmetic"
          ? (a: bigint, b: bigint) => (b < 0n || b >= 64n ? (a < 0n ? -1n : 0n) : a >> b)
          : (a: bigint, b: bigint) => (b < 0n || b >= 64n ? 0n : BigInt.asUintN(64, a) >> b);
    return big64(f);
  }
  const signed = element === "i32";
  switch (name) {
    case "shift_left":
      return (a, b) => (b < 0 || b >= width ? 0 : a << b);
    case "shift_right_arithmetic":
      return signed
        ? (a, b) => (b < 0 || b >= width ? (a < 0 ? -1 : 0) : a >> b)
        : (a, b) => (b < 0 || b >= width ? 0 : a >>> b);
    case "shift_right_logical":
      return (a, b) => (b < 0 || b >= width ? 0 : a >>> b);
  }
  return undefined;
}

/** Binary elementwise kernel for `name` (without the `stablehlo.` prefix), or undefined. */
export function binaryKernel(name: string, element: ElementType): Binary | undefined {
  const float = isFloat(element);
  switch (name) {
    case "add":
      return element === "i1" ? (a, b) => a | b : (a, b) => a + b;
    case "subtract":
      return (a, b) => a - b;
    case "multiply":
      if (element === "i32" || element === "ui32") return Math.imul;
      return element === "i1" ? (a, b) => a & b : (a, b) => a * b;
    case "divide":
      return float ? (a, b) => a / b : intDivide(element);
    case "remainder":
      return float ? (a, b) => a % b : (a, b) => (b === 0 ? a : a % b);
    case "maximum":
      return Math.max;
    case "minimum":
      return Math.min;
    case "power":
      return float ? floatPow : intPow(element);
    case "atan2":
      return float ? Math.atan2 : undefined;
    case "and":
      if (float) return undefined;
      return element === "i64" ? big64((a, b) => a & b) : (a, b) => a & b;
    case "or":
      if (float) return undefined;
      return element === "i64" ? big64((a, b) => a | b) : (a, b) => a | b;
    case "xor":
      if (float) return undefined;
      return element === "i64" ? big64((a, b) => a ^ b) : (a, b) => a ^ b;
    case "shift_left":
    case "shift_right_arithmetic":
    case "shift_right_logical":
      return float ? undefined : shiftKernel(name, element);
  }
  return undefined;
}

function sign(a: number): number {
  if (Number.isNaN(a)) return NaN;
  return a > 0 ? 1 : a < 0 ? -1 : a; // keeps ±0
}

/** Unary elementwise kernel for `name`, or undefined. */
export function unaryKernel(name: string, element: ElementType): Unary | undefined {
  const float = isFloat(element);
  switch (name) {
    case "negate":
      return element === "i1" ? (a) => a : (a) => -a;
    case "abs":
      return Math.abs;
    case "sign":
      return sign;
    case "not":
      if (float) return undefined;
      if (element === "i1") return (a) => a ^ 1;
      if (element === "i64") return (a) => Number(BigInt.asIntN(64, ~BigInt(a)));
      return (a) => ~a;
    case "popcnt":
      if (float || element === "i64") return undefined;
      return (a) => {
        let x = a >>> 0;
        let n = 0;
        while (x) {
          x &= x - 1;
          n++;
        }
        return n;
      };
    case "count_leading_zeros":
      return float || element === "i64" ? undefined : element === "i1" ? (a) => 1 - a : Math.clz32;
  }
  if (!float) return undefined;
  switch (name) {
    case "exponential":
      return Math.exp;
    case "exponential_minus_one":
      return Math.expm1;
    case "log":
      return Math.log;
    case "log_plus_one":
      return Math.log1p;
    case "sqrt":
      return Math.sqrt;
    case "rsqrt":
      return (a) => 1 / Math.sqrt(a);
    case "cbrt":
      return Math.cbrt;
    case "tanh":
      return Math.tanh;
    case "tan":
      return Math.tan;
    case "logistic":
      return (a) => 1 / (1 + Math.exp(-a));
    case "sine":
      return Math.sin;
    case "cosine":
      return Math.cos;
    case "floor":
      return Math.floor;
    case "ceil":
      return Math.ceil;
    case "round_nearest_even":
      return roundHalfEven;
    case "round_nearest_afz":
      return roundHalfAway;
    case "is_finite":
      return (a) => (Number.isFinite(a) ? 1 : 0);
  }
  return undefined;
}

const f32Scratch = new Float32Array(1);
const i32Scratch = new Int32Array(f32Scratch.buffer);
const f64Scratch = new Float64Array(1);
const i64Scratch = new BigInt64Array(f64Scratch.buffer);

/** A key whose numeric order is the IEEE totalOrder of f32/bf16 values (-NaN < -inf < -0 < +0 < inf < NaN). */
function totalKey32(a: number): number {
  f32Scratch[0] = a;
  const i = i32Scratch[0];
  return i < 0 ? i ^ 0x7fffffff : i;
}

function totalKey64(a: number): bigint {
  f64Scratch[0] = a;
  const i = i64Scratch[0];
  return i < 0n ? i ^ 0x7fffffffffffffffn : i;
}

function direct(direction: ComparisonDirection): (a: number, b: number) => boolean {
  switch (direction) {
    case "EQ":
      return (a, b) => a === b;
    case "NE":
      return (a, b) => a !== b;
    case "GE":
      return (a, b) => a >= b;
    case "GT":
      return (a, b) => a > b;
    case "LE":
      return (a, b) => a <= b;
    case "LT":
      return (a, b) => a < b;
  }
}

/** The spec's default comparison type for an element type. */
export function defaultComparisonType(element: ElementType): ComparisonType {
  return isFloat(element) ? "FLOAT" : element === "i1" || element === "ui32" ? "UNSIGNED" : "SIGNED";
}

/** Compare kernel: returns 1 or 0. */
export function compareKernel(direction: ComparisonDirection, type: ComparisonType, element: ElementType): Binary {
  const cmp = direct(direction);
  if (type === "TOTALORDER" && isFloat(element)) {
    if (element === "f64") {
      return (a, b) => {
        const ka = totalKey64(a);
        const kb = totalKey64(b);
        return cmp(0, ka === kb ? 0 : ka < kb ? 1 : -1) ? 1 : 0;
      };
    }
    return (a, b) => (cmp(totalKey32(a), totalKey32(b)) ? 1 : 0);
  }
  if (type === "UNSIGNED" && !isFloat(element)) {
    if (element === "i64") return (a, b) => (cmp(a < 0 ? a + 2 ** 64 : a, b < 0 ? b + 2 ** 64 : b) ? 1 : 0);
    return (a, b) => (cmp(a >>> 0, b >>> 0) ? 1 : 0);
  }
  return (a, b) => (cmp(a, b) ? 1 : 0);
}

/**
 * Convert kernel from one element type to another, before the store rounding of the target type.
 * Float to integer truncates toward zero and saturates (NaN gives 0); anything to i1 is `!= 0`.
 */
export function convertKernel(from: ElementType, to: ElementType): Unary {
  if (to === "i1") return (a) => (a !== 0 ? 1 : 0);
  if (isFloat(from) && !isFloat(to)) {
    const [lo, hi] = to === "i32" ? [-TWO_31, TWO_31 - 1] : to === "ui32" ? [0, TWO_32 - 1] : [-TWO_63, TWO_63];
    return (a) => (Number.isNaN(a) ? 0 : Math.min(hi, Math.max(lo, Math.trunc(a))));
  }
  return (a) => a;
}
