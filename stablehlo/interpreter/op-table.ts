/** One evaluation rule per op name. Anything not here is an error naming the op (interpreter.ts). */
import type { OpRule } from "./context.js";
import { CHECK_RULES, customCallRule } from "./ops/check.js";
import { constantRule, iotaRule } from "./ops/constant.js";
import { callRule, caseRule, ifRule, whileRule } from "./ops/control-flow.js";
import { dotGeneralRule, dotRule } from "./ops/dot-general.js";
import { dynamicSliceRule, dynamicUpdateSliceRule } from "./ops/dynamic-slice.js";
import {
  binaryRule,
  bitcastConvertRule,
  clampRule,
  compareRule,
  convertRule,
  identityRule,
  selectRule,
  unaryRule,
} from "./ops/elementwise.js";
import { gatherRule } from "./ops/gather.js";
import { reduceRule } from "./ops/reduce.js";
import { scatterRule } from "./ops/scatter.js";
import { broadcastInDimRule, concatenateRule, padRule, reshapeRule, reverseRule, sliceRule, transposeRule } from "./ops/shape.js";

const UNARY = [
  "negate", "abs", "sign", "not", "popcnt", "count_leading_zeros",
  "exponential", "exponential_minus_one", "log", "log_plus_one", "sqrt", "rsqrt", "cbrt",
  "tanh", "tan", "logistic", "sine", "cosine", "floor", "ceil", "round_nearest_even", "round_nearest_afz", "is_finite",
];

const BINARY = [
  "add", "subtract", "multiply", "divide", "remainder", "maximum", "minimum", "power", "atan2",
  "and", "or", "xor", "shift_left", "shift_right_arithmetic", "shift_right_logical",
];

function buildTable(): Record<string, OpRule> {
  const table: Record<string, OpRule> = {
    "stablehlo.constant": constantRule,
    "stablehlo.iota": iotaRule,
    "stablehlo.compare": compareRule,
    "stablehlo.select": selectRule,
    "stablehlo.clamp": clampRule,
    "stablehlo.convert": convertRule,
    "stablehlo.bitcast_convert": bitcastConvertRule,
    "stablehlo.reshape": reshapeRule,
    "stablehlo.transpose": transposeRule,
    "stablehlo.broadcast_in_dim": broadcastInDimRule,
    "stablehlo.concatenate": concatenateRule,
    "stablehlo.slice": sliceRule,
    "stablehlo.pad": padRule,
    "stablehlo.reverse": reverseRule,
    "stablehlo.dynamic_slice": dynamicSliceRule,
    "stablehlo.dynamic_update_slice": dynamicUpdateSliceRule,
    "stablehlo.reduce": reduceRule,
    "stablehlo.dot_general": dotGeneralRule,
    "stablehlo.dot": dotRule,
    "stablehlo.gather": gatherRule,
    "stablehlo.scatter": scatterRule,
    "stablehlo.while": whileRule,
    "stablehlo.if": ifRule,
    "stablehlo.case": caseRule,
    "stablehlo.optimization_barrier": identityRule,
    "stablehlo.custom_call": customCallRule,
    "func.call": callRule,
    ...CHECK_RULES,
  };
  for (const name of UNARY) table[`stablehlo.${name}`] = unaryRule;
  for (const name of BINARY) table[`stablehlo.${name}`] = binaryRule;
  return table;
}

export const OP_TABLE: Readonly<Record<string, OpRule>> = buildTable();

/** Terminators end a block; their operands are the block's results. */
export const TERMINATORS: ReadonlySet<string> = new Set(["func.return", "stablehlo.return", "return"]);

/** Looks up an op's rule; the bare forms JAX prints (`call`) resolve to their `func.` op. */
export function lookupRule(name: string): OpRule | undefined {
  if (Object.hasOwn(OP_TABLE, name)) return OP_TABLE[name];
  const full = `func.${name}`;
  return !name.includes(".") && Object.hasOwn(OP_TABLE, full) ? OP_TABLE[full] : undefined;
}
