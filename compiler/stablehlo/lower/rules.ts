/**
 * The StableHLO lowering table: one rule per graph op, gathered from the per-topic files. A graph op
 * without a rule here fails loudly (`ruleFor`) with the op and backend named.
 */
import type { RuleTable } from "../../ir/graph.js";
import { ATTENTION_RULES } from "./attention.js";
import { CACHE_RULES } from "./cache.js";
import type { StableHloRule, StableHloRules } from "./context.js";
import { CYCLE_RULES } from "./cycles.js";
import { DENSE_RULES } from "./dense.js";
import { LAYER_RULES } from "./layers.js";
import { SAMPLING_RULES } from "./sampling.js";
import { STATE_RULES } from "./state.js";
import { TOKEN_RULES } from "./tokens.js";

const CALL_RULES: StableHloRules = {
  call: (f, x, { callee }) => f.call(callee, x),
};

export const STABLEHLO_RULES: RuleTable<StableHloRule<never>> = {
  backend: "stablehlo",
  rules: { ...DENSE_RULES, ...TOKEN_RULES, ...CACHE_RULES, ...ATTENTION_RULES, ...SAMPLING_RULES, ...STATE_RULES, ...CALL_RULES, ...LAYER_RULES, ...CYCLE_RULES } as RuleTable<StableHloRule<never>>["rules"],
};
