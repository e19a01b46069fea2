/**
 * The front end: load a user's `config.ts` from any folder, in phases that stop at the first that
 * fails (as in Langium): read the files and check their imports, type-check them against the DSL,
 * evaluate the default export in a sandboxed child process (sandbox.ts). Validation
 * (validate/validate.ts) comes next, located with `source`.
 */
import type { Diagnostic } from "../../contract/diagnostics.js";
import { collectFiles } from "./collect-files.js";
import { evaluateConfig, type UncheckedDeclaration } from "./evaluate.js";
import { errorAt } from "./location.js";
import { createLocator, type Locator } from "./locator.js";
import { limitsFromEnv, type SandboxLimits } from "./sandbox.js";
import { resetTypeChecker, typeCheck } from "./type-check.js";

export type { UncheckedDeclaration } from "./evaluate.js";
export type { Locator, PropertyPath, SourceLocation } from "./locator.js";
export type { SandboxLimits } from "./sandbox.js";

export type LoadResult =
  | { readonly ok: true; readonly declaration: UncheckedDeclaration; readonly source: Locator }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

export interface LoadOptions {
  /** The evaluation sandbox's limits (default: DFLASHC_CONFIG_TIMEOUT_MS / DFLASHC_CONFIG_MEMORY_MB, else 10 s / 512 MiB). */
  readonly limits?: SandboxLimits;
}

const isStackOverflow = (e: unknown) => e instanceof RangeError && /call stack/i.test(e.message);

export async function loadConfig(file: string, options: LoadOptions = {}): Promise<LoadResult> {
  const collected = collectFiles(file);
  if (!collected.ok) return collected;
  const { files } = collected;
  let source: Locator;
  try {
    const typeErrors = typeCheck(files);
    if (typeErrors.length > 0) return { ok: false, diagnostics: typeErrors };
    source = createLocator(files);
  } catch (e) {
    // The nesting check in collectFiles stops the usual deep input; this catches the rest (e.g. a
    // thousand unary operators) that overflows TypeScript's recursive parser or checker.
    if (!isStackOverflow(e)) throw e;
    resetTypeChecker();
    const message = "the config is nested too deeply for TypeScript to parse or check it";
    return { ok: false, diagnostics: [errorAt(files.entry, { line: 1, column: 1 }, "config-too-deep", message)] };
  }
  const evaluated = await evaluateConfig(files, source, options.limits ?? limitsFromEnv());
  if (!evaluated.ok) return evaluated;
  return { ok: true, declaration: evaluated.declaration, source };
}
