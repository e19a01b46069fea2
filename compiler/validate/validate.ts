/**
 * Validation of an evaluated declaration, in three stages that stop at the first that fails: the
 * shape (validate-shape.ts), the semantic rules (validate-rules.ts), then the memory fit on the plan
 * (validate-memory.ts). Issues carry property paths; the front end turns them into located diagnostics.
 */
import type { DecoderDeclaration } from "../../dsl/types.js";
import type { DecoderPlan } from "../ir/plan.js";
import { buildPlan } from "../plan/build-plan.js";
import type { ValidationIssue } from "./issue.js";
import { MEMORY_CODES, memoryIssues } from "./memory.js";
import { RULES } from "./rules.js";
import { SHAPE_CODES, validateShape } from "./shape.js";

export type { IssuePath, ValidationIssue } from "./issue.js";
export { RULES, type Rule } from "./rules.js";
export { SHAPE_CODES } from "./shape.js";
export { MEMORY_CODES } from "./memory.js";

/** Every code validation may report. */
export const VALIDATION_CODES: readonly string[] = [...new Set([...SHAPE_CODES, ...RULES.flatMap((r) => r.codes), ...MEMORY_CODES])];

export type ValidationResult =
  | { readonly ok: true; readonly declaration: DecoderDeclaration; readonly plan: DecoderPlan }
  | { readonly ok: false; readonly issues: readonly ValidationIssue[] };

export function validateDeclaration(value: unknown): ValidationResult {
  const shape = validateShape(value);
  if (shape.length > 0) return { ok: false, issues: shape };
  const declaration = value as DecoderDeclaration;
  const issues = RULES.flatMap((rule) => rule.check(declaration));
  if (issues.length > 0) return { ok: false, issues };
  const plan = buildPlan(declaration);
  const memory = memoryIssues(plan);
  if (memory.length > 0) return { ok: false, issues: memory };
  return { ok: true, declaration, plan };
}
