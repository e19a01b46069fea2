/**
 * Elementwise ops: unary and binary arithmetic, compare, select, clamp, convert, bitcast_convert, is_finite.
 * Interpreter kernels: interpreter/ops/elementwise.ts and interpreter/scalar.ts.
 */
import { type ElementType, isFloat, sameType } from "../ir.js";
import {
  binaryRule,
  bitcastConvertRule,
  clampRule,
  compareRule,
  convertRule,
  selectRule,
  unaryRule,
} from "../interpreter/ops/elementwise.js";
import { formatType } from "../ir.js";
import { functionalType, hasOnly, names, simple } from "../printer/format.js";
import { COMPACT } from "./forms.js";
import {
  CLASS_TEXT,
  type ElementClass,
  attr,
  badAttr,
  elementOk,
  fail,
  hint,
  isSigned,
  optionalAttr,
  same,
  sameShape,
  t,
  tensor,
} from "./rule-helpers.js";
import type { OpDef, PrettyPrinter, TypeRule } from "./types.js";

function unary(c: ElementClass): TypeRule {
  return (ops) => {
    if (!elementOk(ops[0].element, c)) fail(`needs ${CLASS_TEXT[c]}, got ${t(ops[0])}`);
    return [ops[0]];
  };
}

function binary(c: ElementClass): TypeRule {
  return (ops) => {
    same(ops[0], ops[1], "operands must have the same type");
    if (!elementOk(ops[0].element, c)) fail(`needs ${CLASS_TEXT[c]}, got ${t(ops[0])}`);
    return [ops[0]];
  };
}

const DIRECTIONS = ["EQ", "NE", "GE", "GT", "LE", "LT"];

const COMPARE_TYPES = ["FLOAT", "TOTALORDER", "SIGNED", "UNSIGNED"];

const compare: TypeRule = (ops, attrs) => {
  same(ops[0], ops[1], "operands must have the same type");
  const dir = attr(attrs, "comparison_direction", "enum").value;
  if (!DIRECTIONS.includes(dir)) badAttr(`comparison_direction must be one of ${DIRECTIONS.join(", ")}, not ${dir}`);
  const ct = optionalAttr(attrs, "compare_type", "enum")?.value;
  if (ct !== undefined) {
    if (!COMPARE_TYPES.includes(ct)) badAttr(`compare_type must be one of ${COMPARE_TYPES.join(", ")}, not ${ct}`);
    const e = ops[0].element;
    const ok = isFloat(e) ? ct === "FLOAT" || ct === "TOTALORDER" : isSigned(e) ? ct === "SIGNED" : ct === "UNSIGNED";
    if (!ok) fail(`compare_type ${ct} does not fit element type ${e}`);
  }
  return [tensor(ops[0].shape, "i1")];
};

const select: TypeRule = (ops) => {
  const [pred, onTrue, onFalse] = ops;
  if (pred.element !== "i1") fail(`the predicate must be i1, got ${t(pred)}`);
  same(onTrue, onFalse, "on_true and on_false must have the same type");
  if (pred.shape.length !== 0 && !sameShape(pred.shape, onTrue.shape)) fail(`the predicate ${t(pred)} must be a scalar or shaped like ${t(onTrue)}`);
  return [onTrue];
};

const clamp: TypeRule = (ops) => {
  const [min, x, max] = ops;
  for (const [b, what] of [[min, "min"], [max, "max"]] as const) {
    if (b.element !== x.element) fail(`${what} ${t(b)} must have the element type of the operand ${t(x)}`);
    if (b.shape.length !== 0 && !sameShape(b.shape, x.shape)) fail(`${what} ${t(b)} must be a scalar or shaped like ${t(x)}`);
  }
  return [x];
};

const convert: TypeRule = (ops, _attrs, _regions, hints) => {
  const r = hint(hints, "convert");
  if (!sameShape(r.shape, ops[0].shape)) fail(`convert keeps the shape: ${t(ops[0])} cannot become ${t(r)}`);
  return [tensor(ops[0].shape, r.element)];
};

/** Same-shape reinterpretation between element types of the same bit width (f32 <-> i32/ui32 ...). */
const bitcastConvert: TypeRule = (ops, _attrs, _regions, hints) => {
  const r = hint(hints, "bitcast_convert");
  const bits: Record<ElementType, number> = { i1: 1, bf16: 16, f32: 32, i32: 32, ui32: 32, f64: 64, i64: 64 };
  if (!sameShape(r.shape, ops[0].shape)) fail(`bitcast_convert keeps the shape here: ${t(ops[0])} cannot become ${t(r)}`);
  if (bits[r.element] !== bits[ops[0].element]) fail(`bitcast_convert needs element types of one bit width: ${t(ops[0])} vs ${t(r)}`);
  return [tensor(ops[0].shape, r.element)];
};

const isFinite: TypeRule = (ops) => {
  if (!isFloat(ops[0].element)) fail(`needs a float element type, got ${t(ops[0])}`);
  return [tensor(ops[0].shape, "i1")];
};

const printCompare: PrettyPrinter = (op) => {
  const dir = op.attrs.comparison_direction;
  const ct = op.attrs.compare_type;
  if (!simple(op) || op.operands.length !== 2 || dir?.kind !== "enum" || (ct && ct.kind !== "enum") || !hasOnly(op, ["comparison_direction", "compare_type"])) {
    return undefined;
  }
  // JAX's printer puts two spaces before each enum keyword.
  const type = ct?.kind === "enum" ? `,  ${ct.value}` : "";
  return `stablehlo.compare  ${dir.value}, ${names(op.operands)}${type} : ${functionalType(op)}`;
};

const printSelect: PrettyPrinter = (op) => {
  if (!simple(op) || op.operands.length !== 3 || !hasOnly(op, [])) return undefined;
  const [p, t, f] = op.operands;
  const r = op.results[0];
  if (sameType(t.type, r.type) && sameType(f.type, r.type)) {
    return `stablehlo.select ${names(op.operands)} : ${formatType(p.type)}, ${formatType(r.type)}`;
  }
  return `stablehlo.select ${names(op.operands)} : ${functionalType(op)}`;
};

const UNARY: Record<string, ElementClass> = {
  abs: "numeric", negate: "numeric", sign: "numeric",
  exponential: "float", exponential_minus_one: "float", log: "float", log_plus_one: "float", sqrt: "float", rsqrt: "float",
  cbrt: "float", tanh: "float", tan: "float", logistic: "float", cosine: "float", sine: "float", floor: "float", ceil: "float",
  round_nearest_even: "float", round_nearest_afz: "float",
  not: "intOrBool", popcnt: "int", count_leading_zeros: "int",
};

const BINARY: Record<string, ElementClass> = {
  add: "any", subtract: "numeric", multiply: "any", divide: "numeric", remainder: "numeric", power: "numeric",
  maximum: "any", minimum: "any", atan2: "float", and: "intOrBool", or: "intOrBool", xor: "intOrBool",
  shift_left: "int", shift_right_arithmetic: "int", shift_right_logical: "int",
};

export const ELEMENTWISE_OPS: readonly OpDef[] = [
  ...Object.entries(UNARY).map(([n, c]): OpDef => ({ name: `stablehlo.${n}`, family: "elementwise", operands: 1, results: 1, type: unary(c), evaluate: unaryRule, form: COMPACT })),
  { name: "stablehlo.is_finite", family: "elementwise", operands: 1, results: 1, type: isFinite, evaluate: unaryRule, form: COMPACT },
  ...Object.entries(BINARY).map(([n, c]): OpDef => ({ name: `stablehlo.${n}`, family: "elementwise", operands: 2, results: 1, type: binary(c), evaluate: binaryRule, form: COMPACT })),
  {
    name: "stablehlo.compare",
    family: "elementwise",
    operands: 2,
    results: 1,
    type: compare,
    evaluate: compareRule,
    form: {
      print: printCompare,
      words: ["comparison_direction", "compare_type"],
      wordsExpected: "a direction (EQ, NE, GE, GT, LE, LT) and an optional comparison type",
    },
  },
  { name: "stablehlo.select", family: "elementwise", operands: 3, results: 1, type: select, evaluate: selectRule, form: { print: printSelect, predicateTypeList: true } },
  { name: "stablehlo.clamp", family: "elementwise", operands: 3, results: 1, type: clamp, evaluate: clampRule, form: COMPACT },
  { name: "stablehlo.convert", family: "elementwise", operands: 1, results: 1, type: convert, evaluate: convertRule, form: COMPACT },
  { name: "stablehlo.bitcast_convert", family: "elementwise", operands: 1, results: 1, type: bitcastConvert, evaluate: bitcastConvertRule },
];
