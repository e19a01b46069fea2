/** Pretty forms several ops share: the compact elementwise form, one keyed list attribute, terminators. */
import type { Op } from "../ir.js";
import { compactOrFunctional, functionalType, hasOnly, ints, names, simple, typeList } from "../printer/format.js";
import type { PrettyForm } from "./types.js";

/** `stablehlo.add %a, %b : tensor<4xf32>` (one type when operands and results share it, else a functional type). */
export const COMPACT: PrettyForm = {
  print: (op: Op) => (simple(op) && hasOnly(op, []) ? `${op.name} ${names(op.operands)} : ${compactOrFunctional(op)}` : undefined),
};

/** `op %x, word = [1, 2] : (a) -> r`: one operand and one list-of-integers attribute spelled `word`. */
export function keyedInts(attr: string, word: string): PrettyForm {
  return {
    keys: [{ word, attr, value: "ints" }],
    print: (op) => {
      const a = op.attrs[attr];
      if (!simple(op) || op.operands.length !== 1 || a?.kind !== "ints" || !hasOnly(op, [attr])) return undefined;
      return `${op.name} ${names(op.operands)}, ${word} = ${ints(a.values)} : ${functionalType(op)}`;
    },
  };
}

/** `word %a, %b : ta, tb`, or the bare `word`. */
export function terminatorForm(word: string): PrettyForm {
  return {
    print: (op) => {
      if (op.results.length > 0 || op.regions.length > 0 || !hasOnly(op, [])) return undefined;
      if (op.operands.length === 0) return word;
      return `${word} ${names(op.operands)} : ${typeList(op.operands.map((v) => v.type))}`;
    },
  };
}
