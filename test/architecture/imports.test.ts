/**
 * The folders' dependency rules (docs/architecture.md): the runtime never reaches into the compiler,
 * the compiler never into the runtime, and the StableHLO library and the compiler–runtime contract
 * stand on their own; the HTTP server (serve/) stands on the runtime alone. Only the CLI shell (cli/) ties
 * compiler and runtime together.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** Which top-level folders each folder's files may import from (besides itself, node: and npm). */
const ALLOWED: Record<string, readonly string[]> = {
  dsl: [],
  contract: [],
  stablehlo: ["contract"],
  compiler: ["dsl", "contract", "stablehlo"],
  runtime: ["contract", "stablehlo"],
  serve: ["contract", "runtime"],
  cli: ["dsl", "contract", "stablehlo", "compiler", "runtime", "serve"],
};

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith(".ts") ? [p] : [];
  });
}

/** Relative module specifiers of static and dynamic imports and re-exports. */
function imports(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)["'](\.[^"']+)["']/g)) out.push(m[1]);
  return out;
}

describe("folder dependencies", () => {
  for (const [folder, allowed] of Object.entries(ALLOWED)) {
    it(`${folder}/ imports only from ${[folder, ...allowed].join(", ")}`, () => {
      const files = tsFiles(join(REPO, folder));
      expect(files.length).toBeGreaterThan(0);
      const bad: string[] = [];
      for (const f of files) {
        for (const spec of imports(readFileSync(f, "utf8"))) {
          const target = relative(REPO, resolve(dirname(f), spec)).split("/")[0];
          if (target !== folder && !allowed.includes(target)) bad.push(`${relative(REPO, f)} -> ${spec}`);
        }
      }
      expect(bad).toEqual([]);
    });
  }

  it("catches a forbidden import (the scan is not blind)", () => {
    expect(imports(`import { x } from "../../compiler/ir/plan.js";\nconst m = await import("./a.js");\nexport * from "../b.js";`)).toEqual([
      "../../compiler/ir/plan.js",
      "./a.js",
      "../b.js",
    ]);
  });
});
