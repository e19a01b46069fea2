/**
 * Phase 2: run the config. Each file is transpiled to CommonJS in memory (no temp files) and run in a
 * fresh V8 context with a `require` that serves `dflashc` from this process's DSL module and the
 * config's own relative files, and refuses everything else. The default export must be a decoder
 * declaration; it comes back as plain data of this realm (see plain-data.ts).
 */
import { SourceMap } from "node:module";
import { dirname } from "node:path";
import vm from "node:vm";
import { ts } from "ts-morph";
import * as dsl from "../../dsl/index.js";
import type { Diagnostic } from "../diagnostics.js";
import { DSL_MODULE, type ConfigFiles } from "./collect-files.js";
import { errorAt } from "./location.js";
import type { Locator } from "./locator.js";
import { NotPlainDataError, toPlainData } from "./plain-data.js";
import { throwSite } from "./stack-location.js";

/** The evaluated default export: `kind` is checked, the rest is unvalidated plain data. */
export interface UncheckedDeclaration {
  readonly kind: "decoder";
  readonly [key: string]: unknown;
}

export type EvaluateResult =
  | { readonly ok: true; readonly declaration: UncheckedDeclaration }
  | { readonly ok: false; readonly diagnostics: Diagnostic[] };

/** A config that runs longer than this is stopped (a loop that never ends). */
const EVAL_TIMEOUT_MS = 10_000;

class ConfigImportError extends Error {
  constructor(readonly specifier: string) {
    super(`a config may import only "${DSL_MODULE}" and relative .ts files of its project, not "${specifier}"`);
    this.name = "ConfigImportError";
  }
}

interface CommonJsModule {
  exports: Record<string, unknown>;
}

function transpile(file: string, text: string): { code: string; map: SourceMap } {
  const out = ts.transpileModule(text, {
    fileName: file,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
      sourceMap: true,
      inlineSources: false,
    },
  });
  return { code: out.outputText, map: new SourceMap(JSON.parse(out.sourceMapText!) as ConstructorParameters<typeof SourceMap>[0]) };
}

function describeValue(v: unknown): string {
  if (v === undefined) return "nothing";
  if (v === null) return "null";
  if (typeof v === "object") {
    const kind = (v as { kind?: unknown }).kind;
    if (typeof (v as { then?: unknown }).then === "function") return "a Promise (a config must be synchronous)";
    return typeof kind === "string" ? `an object of kind "${kind}"` : Array.isArray(v) ? "an array" : "an object without a kind";
  }
  return `a ${typeof v}`;
}

function errorText(thrown: unknown): string {
  if (typeof thrown === "object" && thrown !== null && "message" in thrown) {
    const name = (thrown as { name?: unknown }).name;
    const message = String((thrown as { message: unknown }).message);
    return typeof name === "string" && name !== "Error" ? `${name}: ${message}` : message;
  }
  try {
    return `threw ${String(thrown)}`;
  } catch {
    return "threw a value that cannot be printed";
  }
}

export function evaluateConfig(files: ConfigFiles, locator: Locator): EvaluateResult {
  const maps = new Map<string, SourceMap>();
  const modules = new Map<string, CommonJsModule>();
  const context = vm.createContext({});

  const load = (file: string): Record<string, unknown> => {
    const cached = modules.get(file);
    if (cached) return cached.exports;
    const { code, map } = transpile(file, files.texts.get(file)!);
    maps.set(file, map);
    const module: CommonJsModule = { exports: {} };
    modules.set(file, module);
    const allowed = files.imports.get(file)!;
    const require = (spec: string): unknown => {
      if (spec === DSL_MODULE) return dsl;
      const target = allowed.get(spec);
      if (target === undefined) throw new ConfigImportError(spec);
      return load(target);
    };
    // The wrapper sits on line 0 so that stack lines are the transpiled file's own.
    const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {\n${code}\n})`, {
      filename: file,
      lineOffset: -1,
    });
    const fn = script.runInContext(context) as (...args: unknown[]) => void;
    fn.call(module.exports, module.exports, require, module, file, dirname(file));
    return module.exports;
  };

  let exported: unknown;
  let declaration: unknown;
  try {
    // Run inside the context with a timeout: the watchdog covers the whole config, imports included.
    (context as { __dflashcMain?: () => void }).__dflashcMain = () => {
      exported = load(files.entry).default;
      declaration = toPlainData(exported);
    };
    new vm.Script("__dflashcMain()").runInContext(context, { timeout: EVAL_TIMEOUT_MS });
  } catch (thrown) {
    if (thrown instanceof NotPlainDataError) {
      return { ok: false, diagnostics: [locator.error(thrown.path, "config-not-serializable", thrown.message)] };
    }
    const stack = typeof thrown === "object" && thrown !== null ? (thrown as { stack?: unknown }).stack : undefined;
    const site = typeof stack === "string" ? throwSite(stack, maps) : undefined;
    const file = site?.file ?? files.entry;
    const at = site?.at ?? { line: 1, column: 1 };
    if (thrown instanceof ConfigImportError) return { ok: false, diagnostics: [errorAt(file, at, "config-import", thrown.message)] };
    return { ok: false, diagnostics: [errorAt(file, at, "config-eval-error", `evaluating the config threw: ${errorText(thrown)}`)] };
  }
  const kind = typeof declaration === "object" && declaration !== null ? (declaration as { kind?: unknown }).kind : undefined;
  if (kind !== "decoder") {
    const message = `the default export must be a decoder declaration (\`export default defineDecoder({...})\`), got ${describeValue(exported)}`;
    return { ok: false, diagnostics: [locator.error([], "config-no-default-export", message)] };
  }
  return { ok: true, declaration: declaration as UncheckedDeclaration };
}
