/**
 * Phase 1: type-check the user's config files in strict mode against this package's DSL. One ts-morph
 * Project lives for the whole process: the lib and DSL source files are parsed and bound once, and
 * each call only swaps the user's files.
 */
import { join } from "node:path";
import { Project, ts, type SourceFile } from "ts-morph";
import type { Diagnostic } from "../../contract/diagnostics.js";
import { packageRoot } from "../package-root.js";
import { DSL_MODULE, type ConfigFiles } from "./collect-files.js";
import { errorAt, positionAt } from "./location.js";

export const TYPE_CHECK_OPTIONS: ts.CompilerOptions = {
  strict: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ["lib.es2022.d.ts"],
  types: [],
  skipLibCheck: true,
  noEmit: true,
  allowImportingTsExtensions: true,
  esModuleInterop: true,
};

let project: Project | undefined;
let userFiles: SourceFile[] = [];

function sharedProject(): Project {
  if (project) return project;
  // `dflashc` resolves to this package's own DSL sources, wherever the user's config file is.
  const dsl = join(packageRoot(), "dsl", "index.ts");
  project = new Project({
    compilerOptions: TYPE_CHECK_OPTIONS,
    skipAddingFilesFromTsConfig: true,
    // `dflashc` is that file; every other module name resolves as usual.
    resolutionHost: (host, getOptions) => ({
      resolveModuleNames: (names, containingFile) =>
        names.map((name) =>
          name === DSL_MODULE
            ? { resolvedFileName: dsl, extension: ts.Extension.Ts, isExternalLibraryImport: false }
            : ts.resolveModuleName(name, containingFile, getOptions(), host).resolvedModule,
        ),
    }),
  });
  return project;
}

/** Drop the shared project (after TypeScript failed midway, e.g. on a stack overflow); the next call builds a new one. */
export function resetTypeChecker(): void {
  project = undefined;
  userFiles = [];
}

/** One line per diagnostic: TypeScript's chained messages joined. */
export function flattenMessage(message: string | ts.DiagnosticMessageChain): string {
  return ts
    .flattenDiagnosticMessageText(message, "\n")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .join(" ");
}

export interface TsError {
  readonly file: string;
  readonly code: number;
  readonly message: string;
  readonly start: number | undefined;
}

/** The raw TypeScript errors of the given files (each file's own errors, plus global ones on the entry). */
export function typeErrors(files: ConfigFiles): TsError[] {
  const p = sharedProject();
  for (const sf of userFiles) if (!sf.wasForgotten()) p.removeSourceFile(sf);
  userFiles = [...files.texts].map(([path, text]) => p.createSourceFile(path, text, { overwrite: true }));
  const out: TsError[] = [];
  for (const sf of userFiles) {
    for (const d of sf.getPreEmitDiagnostics()) {
      if (d.getCategory() !== ts.DiagnosticCategory.Error) continue;
      const own = d.getSourceFile()?.getFilePath();
      const file = own !== undefined && files.texts.has(own) ? own : files.entry;
      const start = own === file ? d.getStart() : undefined;
      out.push({ file, code: d.getCode(), message: flattenMessage(d.compilerObject.messageText), start });
    }
  }
  // A global error is reported once per file it was asked for; keep one.
  const seen = new Set<string>();
  return out.filter((e) => {
    const key = `${e.file}:${e.start}:${e.code}:${e.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/** Phase 1 as diagnostics: code `type-error`, at the error's position, TypeScript's code in the message. */
export function typeCheck(files: ConfigFiles): Diagnostic[] {
  return typeErrors(files).map((e) => {
    const text = files.texts.get(e.file)!;
    const at = e.start === undefined ? { line: 1, column: 1 } : positionAt(text, e.start);
    return errorAt(e.file, at, "type-error", `${e.message} (TS${e.code})`);
  });
}
