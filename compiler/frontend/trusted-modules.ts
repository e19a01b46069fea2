/**
 * What the sandbox child runs besides the config: child-main.ts and the DSL with everything they
 * import relatively, transpiled to CommonJS. They are the package's own files, the same for every
 * config, so `npm run build` transpiles them once and writes them beside this module
 * (`trusted-modules.json`, paths relative to the package root); run from the build, the compiler
 * reads that file instead of transpiling at every start. Run from the TypeScript sources (the tests,
 * `tsx`), they are transpiled here, as the build does.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { isAbsolute, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { ts } from "ts-morph";
import { packageRoot } from "../package-root.js";
import type { ShippedModule } from "./child-main.js";
import { resolveRelative } from "./collect-files.js";
import type { TrustedModules } from "./sandbox.js";

/** A config or trusted file as the child runs it: CommonJS, with its source map. */
export function transpile(file: string, text: string): { code: string; map: string } {
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
  return { code: out.outputText, map: out.sourceMapText! };
}

/** Where the build writes the transpiled modules: beside this module in dist/. */
const PREBUILT = new URL("./trusted-modules.json", import.meta.url);

let trusted: TrustedModules | undefined;

/** The trusted modules, once per process: from the build's file when running from dist/, else transpiled now. */
export function trustedModules(): TrustedModules {
  trusted ??= prebuilt() ?? transpileTrustedModules();
  return trusted;
}

function prebuilt(): TrustedModules | null {
  if (!import.meta.url.endsWith(".js")) return null;
  let text: string;
  try {
    text = readFileSync(fileURLToPath(PREBUILT), "utf8");
  } catch {
    return null;
  }
  const root = packageRoot();
  return relocate(JSON.parse(text) as TrustedModules, (p) => join(root, p));
}

/** child-main.ts and the DSL with everything they import relatively, transpiled. */
export function transpileTrustedModules(): TrustedModules {
  const root = packageRoot();
  const main = join(root, "compiler", "frontend", "child-main.ts");
  const dsl = join(root, "dsl", "index.ts");
  const modules: Record<string, ShippedModule> = {};
  const queue = [main, dsl];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (modules[file]) continue;
    const text = readFileSync(file, "utf8");
    const imports: Record<string, string> = {};
    for (const ref of ts.preProcessFile(text, true, true).importedFiles) {
      if (ref.fileName.startsWith("node:")) continue;
      const target = resolveRelative(file, ref.fileName);
      if (target === undefined) throw new Error(`internal error: ${file} imports ${ref.fileName}, which the sandbox cannot ship`);
      imports[ref.fileName] = target;
      queue.push(target);
    }
    modules[file] = { code: transpile(file, text).code, imports };
  }
  return { main, dsl, modules };
}

/** `m` with every file path mapped by `to` (absolute ↔ relative to the package root). */
function relocate(m: TrustedModules, to: (path: string) => string): TrustedModules {
  const modules = Object.fromEntries(
    Object.entries(m.modules).map(([file, mod]) => [to(file), { code: mod.code, imports: Object.fromEntries(Object.entries(mod.imports).map(([spec, target]) => [spec, to(target)])) }]),
  );
  return { main: to(m.main), dsl: to(m.dsl), modules };
}

/** `npm run build`: writes the transpiled trusted modules beside the built module, paths relative to the package root. */
export function writePrebuiltTrustedModules(): void {
  const root = packageRoot();
  const rel = relocate(transpileTrustedModules(), (p) => {
    const r = relative(root, p);
    if (isAbsolute(r) || r.startsWith("..")) throw new Error(`internal error: trusted module ${p} is outside the package`);
    return r;
  });
  writeFileSync(fileURLToPath(PREBUILT), `${JSON.stringify(rel)}\n`);
}
