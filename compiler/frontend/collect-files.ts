/**
 * Reads the user's config file and every relative file it imports, once: the three phases (type
 * check, evaluate, locate) all see this one snapshot of the text. Imports other than `dflashc` and
 * relative `.ts` files are refused here, at their specifier, before anything is type-checked.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { ts } from "ts-morph";
import type { Diagnostic } from "../../contract/diagnostics.js";
import { errorAt, positionAt } from "./location.js";

/** The config's source files by absolute path; `entry` first. */
export interface ConfigFiles {
  readonly entry: string;
  readonly texts: ReadonlyMap<string, string>;
  /** Per file: its relative specifiers and the files they resolved to (what `require` may load). */
  readonly imports: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

export type CollectResult = { readonly ok: true; readonly files: ConfigFiles } | { readonly ok: false; readonly diagnostics: Diagnostic[] };

export const DSL_MODULE = "dflashc";

const isRelative = (spec: string) => spec.startsWith("./") || spec.startsWith("../");
const isFile = (p: string) => existsSync(p) && statSync(p).isFile();

/** `./x.js` → `./x.ts` (the ESM convention), then `./x.ts`, `./x` + `.ts`, `./x/index.ts`. */
export function resolveRelative(fromFile: string, spec: string): string | undefined {
  const base = resolve(dirname(fromFile), spec);
  const candidates = spec.endsWith(".js") ? [`${base.slice(0, -3)}.ts`] : spec.endsWith(".ts") ? [base] : [`${base}.ts`, resolve(base, "index.ts")];
  return candidates.find(isFile);
}

/** Deepest bracket nesting accepted in a config's source: TypeScript's parser is recursive. */
export const MAX_SOURCE_NESTING = 100;

const OPEN = new Set([ts.SyntaxKind.OpenParenToken, ts.SyntaxKind.OpenBracketToken, ts.SyntaxKind.OpenBraceToken, ts.SyntaxKind.TemplateHead]);
const CLOSE = new Set([ts.SyntaxKind.CloseParenToken, ts.SyntaxKind.CloseBracketToken, ts.SyntaxKind.CloseBraceToken]);

/** The offset where bracket nesting first exceeds MAX_SOURCE_NESTING, if it does; a scan, not a parse. */
export function tooDeepAt(text: string): number | undefined {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, text);
  const stack: ts.SyntaxKind[] = [];
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (token === ts.SyntaxKind.CloseBraceToken && stack[stack.length - 1] === ts.SyntaxKind.TemplateHead) {
      // The end of a `${...}` substitution: the template continues.
      if (scanner.reScanTemplateToken(false) === ts.SyntaxKind.TemplateTail) stack.pop();
      continue;
    }
    if (OPEN.has(token)) {
      stack.push(token);
      if (stack.length > MAX_SOURCE_NESTING) return scanner.getTokenStart();
    } else if (CLOSE.has(token)) {
      stack.pop();
    }
  }
  return undefined;
}

export function collectFiles(entryPath: string): CollectResult {
  const entry = resolve(entryPath);
  if (!isFile(entry)) {
    return { ok: false, diagnostics: [errorAt(entry, { line: 1, column: 1 }, "config-not-found", `cannot read the config file ${entry}`)] };
  }
  if (!entry.endsWith(".ts") || entry.endsWith(".d.ts")) {
    const message = `a config is a TypeScript file (.ts) whose default export is a decoder declaration; ${basename(entry)} is not one`;
    return { ok: false, diagnostics: [errorAt(entry, { line: 1, column: 1 }, "config-not-typescript", message)] };
  }
  const texts = new Map<string, string>();
  const imports = new Map<string, Map<string, string>>();
  const diagnostics: Diagnostic[] = [];
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (texts.has(file)) continue;
    const text = readFileSync(file, "utf8");
    texts.set(file, text);
    const deep = tooDeepAt(text);
    if (deep !== undefined) {
      const message = `brackets nested more than ${MAX_SOURCE_NESTING} deep; a declaration is a few levels deep`;
      diagnostics.push(errorAt(file, positionAt(text, deep), "config-too-deep", message));
      continue;
    }
    const resolved = new Map<string, string>();
    imports.set(file, resolved);
    for (const ref of ts.preProcessFile(text, true, true).importedFiles) {
      const spec = ref.fileName;
      if (spec === DSL_MODULE) continue;
      const at = positionAt(text, ref.pos);
      if (!isRelative(spec)) {
        diagnostics.push(
          errorAt(file, at, "config-import", `a config may import only "${DSL_MODULE}" and relative .ts files of its project, not "${spec}"`),
        );
        continue;
      }
      const target = resolveRelative(file, spec);
      if (target === undefined || !target.endsWith(".ts") || target.endsWith(".d.ts")) {
        diagnostics.push(errorAt(file, at, "config-import", `cannot find "${spec}": no such .ts file`));
        continue;
      }
      resolved.set(spec, target);
      queue.push(target);
    }
  }
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  return { ok: true, files: { entry, texts, imports } };
}
