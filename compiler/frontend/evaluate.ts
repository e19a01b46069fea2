/**
 * Phase 2: run the config. Each file is transpiled to CommonJS in memory (no temp files) and run in a
 * sandboxed child process (sandbox.ts, child-main.ts): a fresh V8 context per config whose `require`
 * serves `dflashc` and the config's own relative files and refuses everything else, inside a process
 * that may not write files, start processes or workers, and is killed past its time and memory limits.
 * The default export must be a decoder declaration; it comes back as plain data (JSON, shape-checked).
 * Every way the config can fail is an exit-2 diagnostic, located where the child's stack allows.
 */
import { SourceMap } from "node:module";
import type { Diagnostic } from "../../contract/diagnostics.js";
import type { ConfigPayload, ShippedModule } from "./child-main.js";
import { DSL_MODULE, type ConfigFiles } from "./collect-files.js";
import { errorAt } from "./location.js";
import type { Locator } from "./locator.js";
import { limitsFromEnv, runInSandbox, type SandboxLimits } from "./sandbox.js";
import { transpile, trustedModules } from "./trusted-modules.js";
import { throwSite } from "./stack-location.js";

/** The evaluated default export: `kind` is checked, the rest is unvalidated plain data. */
export interface UncheckedDeclaration {
  readonly kind: "decoder";
  readonly [key: string]: unknown;
}

export { trustedModules } from "./trusted-modules.js";

export type EvaluateResult =
  | { readonly ok: true; readonly declaration: UncheckedDeclaration }
  | { readonly ok: false; readonly diagnostics: Diagnostic[] };

export async function evaluateConfig(files: ConfigFiles, locator: Locator, limits: SandboxLimits = limitsFromEnv()): Promise<EvaluateResult> {
  const maps = new Map<string, SourceMap>();
  const shipped: Record<string, ShippedModule> = {};
  for (const [file, text] of files.texts) {
    const { code, map } = transpile(file, text);
    maps.set(file, new SourceMap(JSON.parse(map) as ConstructorParameters<typeof SourceMap>[0]));
    shipped[file] = { code, imports: Object.fromEntries(files.imports.get(file)!) };
  }
  const payload: ConfigPayload = { entry: files.entry, dslSpecifier: DSL_MODULE, files: shipped };
  const outcome = await runInSandbox(trustedModules(), payload, limits);
  const entryError = (code: string, message: string): EvaluateResult => ({
    ok: false,
    diagnostics: [errorAt(files.entry, { line: 1, column: 1 }, code, message)],
  });

  switch (outcome.kind) {
    case "timeout":
      return entryError(
        "config-eval-timeout",
        `evaluating the config did not finish within ${limits.timeoutMs} ms (a loop that never ends?); DFLASHC_CONFIG_TIMEOUT_MS sets the limit`,
      );
    case "memory":
      return entryError(
        "config-eval-memory",
        `evaluating the config used more than its memory limit (${limits.memoryMb} MiB); DFLASHC_CONFIG_MEMORY_MB sets the limit`,
      );
    case "crashed":
      return entryError("config-eval-crashed", `evaluating the config crashed: the sandbox process ${outcome.detail}`);
    case "result":
      break;
  }
  const result = outcome.result;
  switch (result.kind) {
    case "ok":
      return { ok: true, declaration: result.declaration as UncheckedDeclaration };
    case "not-plain":
      return { ok: false, diagnostics: [locator.error(result.path, "config-not-serializable", result.message)] };
    case "no-default-export": {
      const message = `the default export must be a decoder declaration (\`export default defineDecoder({...})\`), got ${result.got}`;
      return { ok: false, diagnostics: [locator.error([], "config-no-default-export", message)] };
    }
    case "threw": {
      const site = result.stack === undefined ? undefined : throwSite(result.stack, maps);
      const file = site?.file ?? files.entry;
      const at = site?.at ?? { line: 1, column: 1 };
      if (result.importError) return { ok: false, diagnostics: [errorAt(file, at, "config-import", result.message)] };
      const what = result.late ? "the config threw after evaluation (in a callback it scheduled)" : "evaluating the config threw";
      return { ok: false, diagnostics: [errorAt(file, at, "config-eval-error", `${what}: ${oneLine(result.message)}`)] };
    }
  }
}

/** A diagnostic is one line. */
function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, " ");
}
