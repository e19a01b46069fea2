/** The interpreter-test ops (`check.*`), and custom_call, which the interpreter routes to them. */
import { isFloat } from "../ir.js";
import {
  customCallRule,
  expectAlmostEqConstRule,
  expectAlmostEqRule,
  expectCloseRule,
  expectEqConstRule,
  expectEqRule,
} from "../interpreter/ops/check.js";
import { formatDense, formatFloat, hasOnly, names, noResults, typeList } from "../printer/format.js";
import { formatType } from "../ir.js";
import { attr, checkDense, fail, optionalAttr, same, t } from "./rule-helpers.js";
import type { OpDef, PrettyPrinter, TypeRule } from "./types.js";
import type { Op } from "../ir.js";

const expectEq: TypeRule = (ops) => {
  same(ops[0], ops[1], "operands must have the same type");
  return [];
};

function expectConst(floatOnly: boolean): TypeRule {
  return (ops, attrs) => {
    const v = attr(attrs, "value", "dense").value;
    checkDense(v);
    same(ops[0], v.type, "the operand and the expected value must have the same type");
    if (floatOnly && !isFloat(ops[0].element)) fail(`needs a float element type, got ${t(ops[0])}`);
    if (floatOnly) optionalAttr(attrs, "tolerance", "float");
    return [];
  };
}

const expectAlmostEq: TypeRule = (ops, attrs) => {
  same(ops[0], ops[1], "operands must have the same type");
  if (!isFloat(ops[0].element)) fail(`needs a float element type, got ${t(ops[0])}`);
  optionalAttr(attrs, "tolerance", "float");
  return [];
};

const expectClose: TypeRule = (ops, attrs) => {
  same(ops[0], ops[1], "operands must have the same type");
  if (!isFloat(ops[0].element)) fail(`needs a float element type, got ${t(ops[0])}`);
  optionalAttr(attrs, "max_ulp_difference", "int");
  optionalAttr(attrs, "min_ulp_difference", "int");
  return [];
};

const printExpectEq: PrettyPrinter = (op) => {
  if (!noResults(op) || op.operands.length !== 2 || !hasOnly(op, [])) return undefined;
  return `check.expect_eq ${names(op.operands)} : ${formatType(op.operands[0].type)}`;
};

const printExpectEqConst: PrettyPrinter = (op) => {
  const v = op.attrs.value;
  if (!noResults(op) || op.operands.length !== 1 || v?.kind !== "dense" || !hasOnly(op, ["value"])) return undefined;
  return `check.expect_eq_const ${op.operands[0].name}, ${formatDense(v.value)} : ${formatType(v.value.type)}`;
};

function tolerance(op: Op): string | undefined {
  const t = op.attrs.tolerance;
  if (!t) return "";
  if (t.kind !== "float") return undefined;
  return `, tolerance = ${formatFloat(t.value, t.type ?? "f64")}${t.type ? ` : ${t.type}` : ""}`;
}

const printExpectAlmostEq: PrettyPrinter = (op) => {
  const tol = tolerance(op);
  if (!noResults(op) || op.operands.length !== 2 || tol === undefined || !hasOnly(op, ["tolerance"])) return undefined;
  return `check.expect_almost_eq ${names(op.operands)}${tol} : ${formatType(op.operands[0].type)}`;
};

const printExpectAlmostEqConst: PrettyPrinter = (op) => {
  const v = op.attrs.value;
  const tol = tolerance(op);
  if (!noResults(op) || op.operands.length !== 1 || v?.kind !== "dense" || tol === undefined || !hasOnly(op, ["value", "tolerance"])) {
    return undefined;
  }
  return `check.expect_almost_eq_const ${op.operands[0].name}, ${formatDense(v.value)} : ${formatType(v.value.type)}${tol}`;
};

const printExpectClose: PrettyPrinter = (op) => {
  const max = op.attrs.max_ulp_difference;
  const min = op.attrs.min_ulp_difference;
  if (!noResults(op) || op.operands.length !== 2 || max?.kind !== "int" || (min && min.kind !== "int")) return undefined;
  if (!hasOnly(op, ["max_ulp_difference", "min_ulp_difference"])) return undefined;
  const minText = min?.kind === "int" ? `, min_ulp_difference = ${min.value}` : "";
  return `check.expect_close ${names(op.operands)}, max_ulp_difference = ${max.value}${minText} : ${typeList(op.operands.map((v) => v.type))}`;
};

const TOLERANCE = { word: "tolerance", attr: "tolerance", value: "float" } as const;

export const CHECK_OPS: readonly OpDef[] = [
  { name: "check.expect_eq", family: "check", operands: 2, results: 0, type: expectEq, evaluate: expectEqRule, form: { print: printExpectEq } },
  { name: "check.expect_eq_const", family: "check", operands: 1, results: 0, type: expectConst(false), evaluate: expectEqConstRule, form: { print: printExpectEqConst } },
  {
    name: "check.expect_almost_eq",
    family: "check",
    operands: 2,
    results: 0,
    type: expectAlmostEq,
    evaluate: expectAlmostEqRule,
    form: { print: printExpectAlmostEq, keys: [TOLERANCE] },
  },
  {
    name: "check.expect_almost_eq_const",
    family: "check",
    operands: 1,
    results: 0,
    type: expectConst(true),
    evaluate: expectAlmostEqConstRule,
    form: { print: printExpectAlmostEqConst, keys: [TOLERANCE] },
  },
  {
    name: "check.expect_close",
    family: "check",
    operands: 2,
    results: 0,
    type: expectClose,
    evaluate: expectCloseRule,
    form: {
      print: printExpectClose,
      keys: [
        { word: "max_ulp_difference", attr: "max_ulp_difference", value: "int" },
        { word: "min_ulp_difference", attr: "min_ulp_difference", value: "int" },
      ],
    },
  },
  // Interpreted, not verified: `stablehlo.custom_call @check.expect_*(...)` runs the check of that name.
  { name: "stablehlo.custom_call", family: "check", evaluate: customCallRule },
];
