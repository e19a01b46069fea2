/**
 * Per-op type rules of the StableHLO spec: which operands and attributes an op takes and what its
 * results' types are. Each rule lives in the op's registry entry (ops/, one file per family); this
 * module is their API. The verifier checks parsed modules with them; the builder infers result types.
 */
import { type Region, type TensorType, sameType } from "./ir.js";
import { OPS, TERMINATOR_OPS, opDef } from "./ops/registry.js";
import { type RuleViolation, ShapeError, count, t } from "./ops/rule-helpers.js";
import type { Attrs, InferHints } from "./ops/types.js";

export { ShapeError, type RuleCode, type RuleViolation } from "./ops/rule-helpers.js";
export type { Attrs, InferHints } from "./ops/types.js";

/** Ops that end a block: never produce results. */
export const TERMINATORS: ReadonlySet<string> = TERMINATOR_OPS;

export function hasRule(name: string): boolean {
  return opDef(name)?.type !== undefined;
}

/** Every op with a type rule, sorted. */
export function knownOps(): string[] {
  return OPS.filter((d) => d.type !== undefined)
    .map((d) => d.name)
    .sort();
}

/** Result types of an op; throws ShapeError (with a code) when the op breaks its rule. */
export function inferResultTypes(
  name: string,
  operandTypes: readonly TensorType[],
  attrs: Attrs,
  regions: readonly Region[] = [],
  hints: InferHints = {},
): TensorType[] {
  const def = opDef(name);
  if (!def?.type) throw new ShapeError(`unknown op '${name}'`, "stablehlo-unknown-op");
  if (def.operands !== undefined) count(operandTypes, def.operands);
  return def.type(operandTypes, attrs, regions, hints);
}

/** Everything wrong with one op, given its actual result types (empty when it follows its rule). */
export function checkOpViolations(
  name: string,
  operandTypes: readonly TensorType[],
  resultTypes: readonly TensorType[],
  attrs: Attrs,
  regions: readonly Region[] = [],
): RuleViolation[] {
  let inferred: TensorType[];
  try {
    inferred = inferResultTypes(name, operandTypes, attrs, regions, { resultTypes });
  } catch (e) {
    if (e instanceof ShapeError) return [{ code: e.code, message: `${name}: ${e.message}` }];
    throw e;
  }
  if (name === "func.call") return [];
  if (inferred.length !== resultTypes.length || inferred.some((r, i) => !sameType(r, resultTypes[i]))) {
    return [
      {
        code: "stablehlo-type-mismatch",
        message: `${name}: result type should be (${inferred.map(t).join(", ")}), but is (${resultTypes.map(t).join(", ")})`,
      },
    ];
  }
  return [];
}

/** Error strings for one op (empty when it follows its rule). */
export function checkOp(
  name: string,
  operandTypes: readonly TensorType[],
  resultTypes: readonly TensorType[],
  attrs: Attrs,
  regions: readonly Region[] = [],
): string[] {
  return checkOpViolations(name, operandTypes, resultTypes, attrs, regions).map((v) => v.message);
}
