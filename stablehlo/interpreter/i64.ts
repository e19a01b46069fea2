/**
 * i64 kernels on BigInt, exact: every result wraps modulo 2^64 (two's complement), as the spec's
 * integer ops do. Division truncates toward zero; as XLA and the spec's reference interpreter,
 * x / 0 = -1, x % 0 = x, INT64_MIN / -1 = INT64_MIN and INT64_MIN % -1 = 0. Shifts by a count
 * outside [0, 64) give 0 (or -1 for an arithmetic right shift of a negative value).
 * Only i64 values go through here: f32/bf16/f64/i32 keep their number kernels (scalar.ts).
 */
import type { ComparisonDirection, ComparisonType, ElementType } from "../ir.js";
import { isFloat } from "../ir.js";
import { roundBf16 } from "./bf16.js";

export type Unary64 = (a: bigint) => bigint;
export type Binary64 = (a: bigint, b: bigint) => bigint;

export const I64_MIN = -(2n ** 63n);
export const I64_MAX = 2n ** 63n - 1n;

const wrap = (x: bigint): bigint => BigInt.asIntN(64, x);

function pow64(a: bigint, b: bigint): bigint {
  if (b < 0n) return a === 1n ? 1n : a === -1n ? (b % 2n === 0n ? 1n : -1n) : 0n;
  let result = 1n;
  let base = a;
  let e = b;
  while (e > 0n) {
    if (e & 1n) result = wrap(result * base);
    base = wrap(base * base);
    e >>= 1n;
  }
  return result;
}

/** Binary i64 kernel for `name` (without `stablehlo.`), or undefined where the op takes no integers. */
export function binaryKernel64(name: string): Binary64 | undefined {
  switch (name) {
    case "add":
      return (a, b) => wrap(a + b);
    case "subtract":
      return (a, b) => wrap(a - b);
    case "multiply":
      return (a, b) => wrap(a * b);
    case "divide":
      return (a, b) => (b === 0n ? -1n : a === I64_MIN && b === -1n ? I64_MIN : a / b);
    case "remainder":
      return (a, b) => (b === 0n ? a : a === I64_MIN && b === -1n ? 0n : a % b);
    case "maximum":
      return (a, b) => (a > b ? a : b);
    case "minimum":
      return (a, b) => (a < b ? a : b);
    case "power":
      return pow64;
    case "and":
      return (a, b) => a & b;
    case "or":
      return (a, b) => a | b;
    case "xor":
      return (a, b) => a ^ b;
    case "shift_left":
      return (a, b) => (b < 0n || b >= 64n ? 0n : wrap(a << b));
    case "shift_right_arithmetic":
      return (a, b) => (b < 0n || b >= 64n ? (a < 0n ? -1n : 0n) : a >> b);
    case "shift_right_logical":
      return (a, b) => (b < 0n || b >= 64n ? 0n : wrap(BigInt.asUintN(64, a) >> b));
  }
  return undefined;
}

function bitLength(u: bigint): number {
  return u === 0n ? 0 : u.toString(2).length;
}

function popcount(a: bigint): bigint {
  let u = BigInt.asUintN(64, a);
  let n = 0n;
  while (u) {
    u &= u - 1n;
    n++;
  }
  return n;
}

/** Unary i64 kernel for `name`, or undefined. abs(INT64_MIN) = INT64_MIN, as it wraps. */
export function unaryKernel64(name: string): Unary64 | undefined {
  switch (name) {
    case "negate":
      return (a) => wrap(-a);
    case "abs":
      return (a) => (a < 0n ? wrap(-a) : a);
    case "sign":
      return (a) => (a > 0n ? 1n : a < 0n ? -1n : 0n);
    case "not":
      return (a) => ~a;
    case "popcnt":
      return popcount;
    case "count_leading_zeros":
      return (a) => BigInt(64 - bitLength(BigInt.asUintN(64, a)));
  }
  return undefined;
}

/** Compare kernel on i64 operands: 1 or 0. UNSIGNED compares the 64-bit patterns as unsigned. */
export function compareKernel64(direction: ComparisonDirection, type: ComparisonType): (a: bigint, b: bigint) => number {
  const u = type === "UNSIGNED";
  const key = u ? (x: bigint) => BigInt.asUintN(64, x) : (x: bigint) => x;
  switch (direction) {
    case "EQ":
      return (a, b) => (a === b ? 1 : 0);
    case "NE":
      return (a, b) => (a !== b ? 1 : 0);
    case "GE":
      return (a, b) => (key(a) >= key(b) ? 1 : 0);
    case "GT":
      return (a, b) => (key(a) > key(b) ? 1 : 0);
    case "LE":
      return (a, b) => (key(a) <= key(b) ? 1 : 0);
    case "LT":
      return (a, b) => (key(a) < key(b) ? 1 : 0);
  }
}

/** A number of another element type as i64: floats truncate toward zero and saturate, NaN gives 0. */
export function toI64(from: ElementType): (a: number) => bigint {
  if (!isFloat(from)) return (a) => BigInt(a);
  return (a) => {
    if (Number.isNaN(a)) return 0n;
    if (a >= 2 ** 63) return I64_MAX;
    if (a <= -(2 ** 63)) return I64_MIN;
    return BigInt(Math.trunc(a));
  };
}

/** `a` rounded to `bits` significant bits, ties to even (exact, no double rounding). */
function roundToBits(a: bigint, bits: number): bigint {
  const m = a < 0n ? -a : a;
  const len = bitLength(m);
  if (len <= bits) return a;
  const shift = BigInt(len - bits);
  let q = m >> shift;
  const r = m & ((1n << shift) - 1n);
  const half = 1n << (shift - 1n);
  if (r > half || (r === half && (q & 1n) === 1n)) q++;
  const v = q << shift;
  return a < 0n ? -v : v;
}

/** An i64 as another element type: integers wrap, floats round once to nearest even, i1 is `!= 0`. */
export function fromI64(to: ElementType): (a: bigint) => number {
  switch (to) {
    case "i32":
      return (a) => Number(BigInt.asIntN(32, a));
    case "ui32":
      return (a) => Number(BigInt.asUintN(32, a));
    case "i1":
      return (a) => (a !== 0n ? 1 : 0);
    case "f64":
      return (a) => Number(a);
    case "f32":
      return (a) => Number(roundToBits(a, 24));
    case "bf16":
      return (a) => roundBf16(Number(roundToBits(a, 8)));
    case "i64":
      throw new Error("fromI64: i64 to i64 is a copy");
  }
}

/** Exact text of an i64 value (JSON and messages): a number when it is safe, else a string. */
export function jsonI64(a: bigint): number | string {
  return a >= BigInt(Number.MIN_SAFE_INTEGER) && a <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(a) : a.toString();
}
