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
import { allocData, finish, type Tensor, type TensorData } from "../tensor.js";

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
  const kernel = unaryKernel(shortName(op), a.type.element);
  if (!kernel) unsupported(op, a);
  const type = op.results[0].type;
  const src = a.data;
  const n = src.length;
  const out = allocData(type.element, n);
  for (let i = 0; i < n; i++) out[i] = kernel(src[i]);
  return [{ type, data: finish(type.element, out) }];
};

// Tight loops for the hot float ops, so V8 keeps each one monomorphic.
function fastBinary(name: string, x: TensorData, y: TensorData, out: TensorData): boolean {
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
  const out = allocData(type.element, a.data.length);
  if (!(isFloat(a.type.element) && fastBinary(name, a.data, b.data, out))) {
    const kernel = binaryKernel(name, a.type.element);
    if (!kernel) unsupported(op, a);
    const x = a.data;
    const y = b.data;
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
  const kernel = compareKernel(direction, ctype, a.type.element);
  const n = a.data.length;
  const out = new Uint8Array(n);
  const x = a.data;
  const y = b.data;
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
  const out = allocData(type.element, t.data.length);
  const x = t.data;
  const y = f.data;
  for (let i = 0; i < out.length; i++) out[i] = p[i] ? x[i] : y[i];
  return [{ type, data: out }];
};

/** `clamp(min, operand, max)`; min and max are scalars or have the operand's shape. */
export const clampRule: OpRule = (op, [lo, x, hi]) => {
  const type = op.results[0].type;
  const n = x.data.length;
  const out = allocData(type.element, n);
  const l = lo.data;
  const h = hi.data;
  const v = x.data;
  const ls = l.length === 1 ? 0 : 1;
  const hs = h.length === 1 ? 0 : 1;
  for (let i = 0; i < n; i++) out[i] = Math.min(Math.max(v[i], l[i * ls]), h[i * hs]);
  return [{ type, data: finish(type.element, out) }];
};

export const convertRule: OpRule = (op, [a]) => {
  const type = op.results[0].type;
  const n = a.data.length;
  const out = allocData(type.element, n);
  const src = a.data;
  // From f64 or wide integers, bf16 is one rounding (not via f32, which could round twice).
  if (type.element === "bf16" && a.type.element !== "f32" && a.type.element !== "bf16") {
    for (let i = 0; i < n; i++) out[i] = roundBf16Once(src[i]);
    return [{ type, data: out }];
  }
  const kernel = convertKernel(a.type.element, type.element);
  for (let i = 0; i < n; i++) out[i] = kernel(src[i]);
  return [{ type, data: finish(type.element, out) }];
};

/** Same-width reinterpretation (f32 <-> i32/ui32); bf16 and 64-bit types are not bit-cast here. */
export const bitcastConvertRule: OpRule = (op, [a]) => {
  const type = op.results[0].type;
  const widths: Record<string, number> = { f32: 4, i32: 4, ui32: 4 };
  if (!widths[a.type.element] || !widths[type.element]) {
    throw new InterpreterError(`${op.name}: ${a.type.element} -> ${type.element} is not supported`, op.loc);
  }
  const copy = a.data.slice();
  const buf = copy.buffer;
  const data = type.element === "f32" ? new Float32Array(buf) : type.element === "i32" ? new Int32Array(buf) : new Uint32Array(buf);
  return [{ type, data }];
};

/** Ops that only pass values through. */
export const identityRule: OpRule = (op, operands) => {
  if (operands.length !== op.results.length || operands.some((t, i) => !sameType(t.type, op.results[i].type))) {
    throw new InterpreterError(`${op.name}: results must match operands`, op.loc);
  }
  return [...operands];
};
