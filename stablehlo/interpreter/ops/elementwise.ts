/**
 * Elementwise ops: unary, binary, compare, select, clamp, convert. Plain loops over typed arrays;
 * results are rounded to the result element type by the typed-array store plus `finish` (bf16, i1).
 */
import type { ComparisonDirection, ComparisonType, Op } from "../../ir.js";
import { formatType, isFloat, sameType } from "../../ir.js";
import { enumAttr } from "../attrs.js";
import { roundBf16Once } from "../bf16.js";
import type { OpRule } from "../context.js";
import { InterpreterError } from "../errors.js";
import { binaryKernel, compareKernel, convertKernel, defaultComparisonType, unaryKernel } from "../scalar.js";
import { binaryKernel64, compareKernel64, fromI64, toI64, unaryKernel64 } from "../i64.js";
import { allocData, finish, type NumberData, type Tensor, type TensorData } from "../tensor.js";

export function shortName(op: Op): string {
  const dot = op.name.indexOf(".");
  return dot < 0 ? op.name : op.name.slice(dot + 1);
}

function requireSameShape(op: Op, a: Tensor, b: Tensor): void {
  if (a.data.length !== b.data.length) {
    throw new InterpreterError(
      `${op.name}: operand shapes differ (${formatType(a.type)} vs ${formatType(b.type)})`,
      op.loc,
    );
  }
}

function unsupported(op: Op, t: Tensor): never {
  throw new InterpreterError(`${op.name}: unsupported element type ${t.type.element}`, op.loc);
}

export const unaryRule: OpRule = (op, [a]) => {
  if (a.data instanceof BigInt64Array) {
    const k = unaryKernel64(shortName(op));
    if (!k) unsupported(op, a);
    const src = a.data;
    const out = new BigInt64Array(src.length);
    for (let i = 0; i < src.length; i++) out[i] = k(src[i]);
    return [{ type: op.results[0].type, data: out }];
  }
  const kernel = unaryKernel(shortName(op), a.type.element);
  if (!kernel) unsupported(op, a);
  const type = op.results[0].type;
  const src = a.data;
  const n = src.length;
  const out = allocData(type.element, n) as NumberData;
  for (let i = 0; i < n; i++) out[i] = kernel(src[i]);
  return [{ type, data: finish(type.element, out) }];
};

// Tight loops for the hot float ops, so V8 keeps each one monomorphic.
function fastBinary(name: string, x: NumberData, y: NumberData, out: NumberData): boolean {
  const n = out.length;
  switch (name) {
    case "add":
      for (let i = 0; i < n; i++) out[i] = x[i] + y[i];
      return true;
    case "subtract":
      for (let i = 0; i < n; i++) out[i] = x[i] - y[i];
      return true;
    case "multiply":
      for (let i = 0; i < n; i++) out[i] = x[i] * y[i];
      return true;
    case "divide":
      for (let i = 0; i < n; i++) out[i] = x[i] / y[i];
      return true;
    case "maximum":
      for (let i = 0; i < n; i++) out[i] = Math.max(x[i], y[i]);
      return true;
    case "minimum":
      for (let i = 0; i < n; i++) out[i] = Math.min(x[i], y[i]);
      return true;
  }
  return false;
}

export const binaryRule: OpRule = (op, [a, b]) => {
  requireSameShape(op, a, b);
  const name = shortName(op);
  const type = op.results[0].type;
  if (a.data instanceof BigInt64Array) {
    const k = binaryKernel64(name);
    if (!k) unsupported(op, a);
    const x = a.data;
    const y = b.data as BigInt64Array;
    const out = new BigInt64Array(x.length);
    for (let i = 0; i < out.length; i++) out[i] = k(x[i], y[i]);
    return [{ type, data: out }];
  }
  const out = allocData(type.element, a.data.length) as NumberData;
  if (!(isFloat(a.type.element) && fastBinary(name, a.data, b.data as NumberData, out))) {
    const kernel = binaryKernel(name, a.type.element);
    if (!kernel) unsupported(op, a);
    const x = a.data;
    const y = b.data as NumberData;
    for (let i = 0; i < out.length; i++) out[i] = kernel(x[i], y[i]);
  }
  return [{ type, data: finish(type.element, out) }];
};

export function comparisonOf(op: Op, element: Tensor["type"]["element"]): [ComparisonDirection, ComparisonType] {
  const direction = enumAttr(op, "comparison_direction") as ComparisonDirection | undefined;
  if (!direction) throw new InterpreterError(`${op.name}: missing comparison_direction`, op.loc);
  const type = (enumAttr(op, "compare_type") ?? enumAttr(op, "comparison_type") ?? defaultComparisonType(element)) as ComparisonType;
  return [direction, type];
}

export const compareRule: OpRule = (op, [a, b]) => {
  requireSameShape(op, a, b);
  const [direction, ctype] = comparisonOf(op, a.type.element);
  const n = a.data.length;
  const out = new Uint8Array(n);
  if (a.data instanceof BigInt64Array) {
    const k = compareKernel64(direction, ctype);
    const x = a.data;
    const y = b.data as BigInt64Array;
    for (let i = 0; i < n; i++) out[i] = k(x[i], y[i]);
    return [{ type: op.results[0].type, data: out }];
  }
  const kernel = compareKernel(direction, ctype, a.type.element);
  const x = a.data;
  const y = b.data as NumberData;
  for (let i = 0; i < n; i++) out[i] = kernel(x[i], y[i]);
  return [{ type: op.results[0].type, data: out }];
};

/** `select(pred, on_true, on_false)`; pred is a scalar or has the operands' shape. */
export const selectRule: OpRule = (op, [pred, t, f]) => {
  requireSameShape(op, t, f);
  const type = op.results[0].type;
  const p = pred.data;
  if (p.length === 1) return [{ type, data: (p[0] ? t.data : f.data).slice() }];
  requireSameShape(op, pred, t);
  // Plain copies: the same loop serves number and bigint (i64) storage.
  const out = allocData(type.element, t.data.length) as Float64Array;
  const x = t.data as Float64Array;
  const y = f.data as Float64Array;
  for (let i = 0; i < out.length; i++) out[i] = p[i] ? x[i] : y[i];
  return [{ type, data: out }];
};

/** `clamp(min, operand, max)`; min and max are scalars or have the operand's shape. */
export const clampRule: OpRule = (op, [lo, x, hi]) => {
  const type = op.results[0].type;
  const n = x.data.length;
  const ls = lo.data.length === 1 ? 0 : 1;
  const hs = hi.data.length === 1 ? 0 : 1;
  if (x.data instanceof BigInt64Array) {
    const l = lo.data as BigInt64Array;
    const h = hi.data as BigInt64Array;
    const v = x.data;
    const out = new BigInt64Array(n);
    for (let i = 0; i < n; i++) {
      const a = v[i] < l[i * ls] ? l[i * ls] : v[i];
      out[i] = a > h[i * hs] ? h[i * hs] : a;
    }
    return [{ type, data: out }];
  }
  const out = allocData(type.element, n) as NumberData;
  const l = lo.data as NumberData;
  const h = hi.data as NumberData;
  const v = x.data;
  for (let i = 0; i < n; i++) out[i] = Math.min(Math.max(v[i], l[i * ls]), h[i * hs]);
  return [{ type, data: finish(type.element, out) }];
};

export const convertRule: OpRule = (op, [a]) => {
  const type = op.results[0].type;
  const n = a.data.length;
  if (a.data instanceof BigInt64Array) {
    if (type.element === "i64") return [{ type, data: a.data }];
    const k = fromI64(type.element);
    const src = a.data;
    const out = allocData(type.element, n) as NumberData;
    for (let i = 0; i < n; i++) out[i] = k(src[i]);
    return [{ type, data: out }];
  }
  const src = a.data;
  if (type.element === "i64") {
    const k = toI64(a.type.element);
    const out = new BigInt64Array(n);
    for (let i = 0; i < n; i++) out[i] = k(src[i]);
    return [{ type, data: out }];
  }
  const out = allocData(type.element, n) as NumberData;
  // From f64 or wide integers, bf16 is one rounding (not via f32, which could round twice).
  if (type.element === "bf16" && a.type.element !== "f32" && a.type.element !== "bf16") {
    for (let i = 0; i < n; i++) out[i] = roundBf16Once(src[i]);
    return [{ type, data: out }];
  }
  const kernel = convertKernel(a.type.element, type.element);
  for (let i = 0; i < n; i++) out[i] = kernel(src[i]);
  return [{ type, data: finish(type.element, out) }];
};

/** Same-width reinterpretation (f32 <-> i32/ui32, f64 <-> i64); bf16 is not bit-cast here. */
export const bitcastConvertRule: OpRule = (op, [a]) => {
  const type = op.results[0].type;
  const widths: Record<string, number> = { f32: 4, i32: 4, ui32: 4, f64: 8, i64: 8 };
  const from = widths[a.type.element];
  if (!from || from !== widths[type.element] || a.type.shape.length !== type.shape.length) {
    throw new InterpreterError(`${op.name}: ${a.type.element} -> ${type.element} is not supported`, op.loc);
  }
  const buf = a.data.slice().buffer;
  const make: Record<string, (b: ArrayBuffer) => TensorData> = {
    f32: (b) => new Float32Array(b),
    i32: (b) => new Int32Array(b),
    ui32: (b) => new Uint32Array(b),
    f64: (b) => new Float64Array(b),
    i64: (b) => new BigInt64Array(b),
  };
  return [{ type, data: make[type.element](buf) }];
};

/** Ops that only pass values through. */
export const identityRule: OpRule = (op, operands) => {
  if (operands.length !== op.results.length || operands.some((t, i) => !sameType(t.type, op.results[i].type))) {
    throw new InterpreterError(`${op.name}: results must match operands`, op.loc);
  }
  return [...operands];
};
