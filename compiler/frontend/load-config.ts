/**
 * The front end: load a user's `config.ts` from any folder, in phases that stop at the first that
 * fails (as in Langium): read the files and check their imports, type-check them against the DSL,
 * evaluate the default export. Validation (passes/validate.ts) comes next, located with `source`.
 */
import type { Diagnostic } from "../diagnostics.js";
import { collectFiles } from "./collect-files.js";
import { evaluateConfig, type UncheckedDeclaration } from "./evaluate.js";
import { createLocator, type Locator } from "./locator.js";
import { typeCheck } from "./type-check.js";

export type { UncheckedDeclaration } from "./evaluate.js";
export type { Locator, PropertyPath, SourceLocation } from "./locator.js";

export type LoadResult =
  | { readonly ok: true; readonly declaration: UncheckedDeclaration; readonly source: Locator }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

export async function loadConfig(file: string): Promise<LoadResult> {
  const collected = collectFiles(file);
  if (!collected.ok) return collected;
  const typeErrors = typeCheck(collected.files);
  if (typeErrors.length > 0) return { ok: false, diagnostics: typeErrors };
  const source = createLocator(collected.files);
  const evaluated = evaluateConfig(collected.files, source);
  if (!evaluated.ok) return evaluated;
  return { ok: true, declaration: evaluated.declaration, source };
}
