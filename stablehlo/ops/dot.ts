/** Contractions: dot_general and the legacy dot. */
import { type DotDimensionNumbers, type TensorType, isFloat } from "../ir.js";
import { dotGeneralRule, dotRule } from "../interpreter/ops/dot-general.js";
import { functionalType, hasOnly, ints, names, simple } from "../printer/format.js";
import { attr, checkDims, fail, t, tensor } from "./rule-helpers.js";
import type { OpDef, PrettyPrinter, TypeRule } from "./types.js";

function dotDims(d: DotDimensionNumbers, lhs: TensorType, rhs: TensorType): void {
  const lb = d.lhsBatchingDimensions;
  const rb = d.rhsBatchingDimensions;
  const lc = d.lhsContractingDimensions;
  const rc = d.rhsContractingDimensions;
  if (lb.length !== rb.length) fail(`batching dimensions differ in number: [${lb}] x [${rb}]`);
  if (lc.length !== rc.length) fail(`contracting dimensions differ in number: [${lc}] x [${rc}]`);
  checkDims([...lb, ...lc], lhs.shape.length, "lhs dimension");
  checkDims([...rb, ...rc], rhs.shape.length, "rhs dimension");
  lb.forEach((d0, i) => {
    if (lhs.shape[d0] !== rhs.shape[rb[i]]) fail(`batching dimension sizes differ: lhs ${d0} is ${lhs.shape[d0]}, rhs ${rb[i]} is ${rhs.shape[rb[i]]}`);
  });
  lc.forEach((d0, i) => {
    if (lhs.shape[d0] !== rhs.shape[rc[i]]) fail(`contracting dimension sizes differ: lhs ${d0} is ${lhs.shape[d0]}, rhs ${rc[i]} is ${rhs.shape[rc[i]]}`);
  });
}

const dotGeneral: TypeRule = (ops, attrs, _regions, hints) => {
  const [lhs, rhs] = ops;
  const d = attr(attrs, "dot_dimension_numbers", "dot").value;
  if (lhs.element !== rhs.element) fail(`operands must share an element type: ${t(lhs)} vs ${t(rhs)}`);
  dotDims(d, lhs, rhs);
  const free = (x: TensorType, used: readonly number[]): number[] => x.shape.filter((_, i) => !used.includes(i));
  const shape = [
    ...d.lhsBatchingDimensions.map((i) => lhs.shape[i]),
    ...free(lhs, [...d.lhsBatchingDimensions, ...d.lhsContractingDimensions]),
    ...free(rhs, [...d.rhsBatchingDimensions, ...d.rhsContractingDimensions]),
  ];
  // Like preferred_element_type: a float dot may accumulate into another float type (bf16 -> f32).
  const want = hints.resultTypes?.[0]?.element;
  const element = want !== undefined && want !== lhs.element && isFloat(want) && isFloat(lhs.element) ? want : lhs.element;
  return [tensor(shape, element)];
};

/** Legacy `dot`: vector·vector, matrix·vector, vector·matrix or matrix·matrix. */
const dot: TypeRule = (ops, _attrs, _regions, hints) => {
  const [lhs, rhs] = ops;
  if (lhs.element !== rhs.element) fail(`operands must share an element type: ${t(lhs)} vs ${t(rhs)}`);
  const [lr, rr] = [lhs.shape.length, rhs.shape.length];
  if (lr < 1 || lr > 2 || rr < 1 || rr > 2) fail(`operands must be vectors or matrices: ${t(lhs)}, ${t(rhs)}`);
  if (lhs.shape[lr - 1] !== rhs.shape[0]) fail(`contracting dimensions differ: ${t(lhs)} · ${t(rhs)}`);
  const shape = [...lhs.shape.slice(0, lr - 1), ...rhs.shape.slice(1)];
  const want = hints.resultTypes?.[0]?.element;
  const element = want !== undefined && want !== lhs.element && isFloat(want) && isFloat(lhs.element) ? want : lhs.element;
  return [tensor(shape, element)];
};

const printDotGeneral: PrettyPrinter = (op) => {
  const d = op.attrs.dot_dimension_numbers;
  if (!simple(op) || op.operands.length !== 2 || d?.kind !== "dot" || !hasOnly(op, ["dot_dimension_numbers"])) return undefined;
  const v = d.value;
  const batch =
    v.lhsBatchingDimensions.length > 0 || v.rhsBatchingDimensions.length > 0
      ? `batching_dims = ${ints(v.lhsBatchingDimensions)} x ${ints(v.rhsBatchingDimensions)}, `
      : "";
  const contract = `contracting_dims = ${ints(v.lhsContractingDimensions)} x ${ints(v.rhsContractingDimensions)}`;
  return `stablehlo.dot_general ${names(op.operands)}, ${batch}${contract} : ${functionalType(op)}`;
};

export const DOT_OPS: readonly OpDef[] = [
  {
    name: "stablehlo.dot_general",
    family: "dot",
    operands: 2,
    results: 1,
    type: dotGeneral,
    evaluate: dotGeneralRule,
    form: {
      print: printDotGeneral,
      dotDims: "dot_dimension_numbers",
      keys: [
        { word: "precision", value: "dropped" },
        { word: "algorithm", value: "dropped" },
      ],
    },
  },
  { name: "stablehlo.dot", family: "dot", operands: 2, results: 1, type: dot, evaluate: dotRule },
];
