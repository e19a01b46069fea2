/** Control flow and functions: while, if, case, optimization_barrier, func.call and the terminators. */
import { sameType } from "../ir.js";
import { callRule, caseRule, ifRule, whileRule as whileEval } from "../interpreter/ops/control-flow.js";
import { identityRule } from "../interpreter/ops/elementwise.js";
import { formatSymbol, functionalType, hasOnly, names, typeList } from "../printer/format.js";
import { terminatorForm } from "./forms.js";
import { attr, checkRegion, fail, tensor } from "./rule-helpers.js";
import type { OpDef, PrettyPrinter, TypeRule } from "./types.js";

const whileRule: TypeRule = (ops, _attrs, regions) => {
  if (regions.length !== 2) fail("expects a cond and a body region");
  checkRegion(regions[0], "the while cond", ops, [tensor([], "i1")]);
  checkRegion(regions[1], "the while body", ops, ops);
  return [...ops];
};

const call: TypeRule = (_ops, attrs, _regions, hints) => {
  attr(attrs, "callee", "symbol");
  // The callee's signature lives in the module; the verifier compares it, inference takes it as given.
  if (!hints.resultTypes) fail("func.call needs its callee's result types");
  return [...hints.resultTypes];
};

const printWhile: PrettyPrinter = (op, ind, ctx) => {
  if (op.regions.length !== 2 || !hasOnly(op, [])) return undefined;
  const [cond, body] = op.regions.map((r) => r.blocks);
  if (cond.length !== 1 || body.length !== 1) return undefined;
  const args = cond[0].args;
  const sameArgs =
    args.length === op.operands.length &&
    body[0].args.length === args.length &&
    args.every((a, i) => a.name === body[0].args[i].name && sameType(a.type, op.operands[i].type) && sameType(body[0].args[i].type, a.type)) &&
    op.results.length === args.length &&
    op.results.every((r, i) => sameType(r.type, args[i].type));
  if (!sameArgs) return undefined;
  const inits = args.map((a, i) => `${a.name} = ${op.operands[i].name}`).join(", ");
  return (
    `stablehlo.while(${inits}) : ${typeList(args.map((a) => a.type))}\n` +
    `${ind}cond {\n${ctx.block(cond[0], `${ind}  `)}` +
    `${ind}} do {\n${ctx.block(body[0], `${ind}  `)}${ind}}`
  );
};

const printCall: PrettyPrinter = (op) => {
  const c = op.attrs.callee;
  if (c?.kind !== "symbol" || op.regions.length !== 0 || !hasOnly(op, ["callee"])) return undefined;
  return `func.call ${formatSymbol(c.value)}(${names(op.operands)}) : ${functionalType(op)}`;
};

const terminator: TypeRule = () => [];

export const CONTROL_FLOW_OPS: readonly OpDef[] = [
  // The pretty `while(...) cond {...} do {...}` form has its own grammar rule (parser/grammar-ops.ts).
  { name: "stablehlo.while", family: "control-flow", regions: 2, type: whileRule, evaluate: whileEval, form: { print: printWhile } },
  // Interpreted, not verified: the verifier reports them as unknown ops.
  { name: "stablehlo.if", family: "control-flow", operands: 1, regions: 2, evaluate: ifRule },
  { name: "stablehlo.case", family: "control-flow", operands: 1, evaluate: caseRule },
  { name: "stablehlo.optimization_barrier", family: "control-flow", evaluate: identityRule },
  { name: "stablehlo.return", family: "control-flow", results: 0, terminator: true, type: terminator, form: terminatorForm("stablehlo.return") },
  { name: "func.return", family: "control-flow", results: 0, terminator: true, type: terminator, form: terminatorForm("return") },
  // `func.call @f(...)` / `call @f(...)` has its own grammar rule (parser/grammar-pretty.ts).
  { name: "func.call", family: "control-flow", type: call, evaluate: callRule, form: { print: printCall } },
];
