// docs/architecture.md stays true to the tree: every repository path it names (in backticks, in the
// diagram, or as a link) exists, a `*` in a path matching at least one file, and it names the data
// type of each arrow where that type is defined.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const REPO = fileURLToPath(new URL("../..", import.meta.url));
const DOC = join(REPO, "docs", "architecture.md");
const text = readFileSync(DOC, "utf8");

/** The top-level entries of the repository a path may start with. */
const ROOTS = ["bin", "compiler", "docs", "dsl", "examples", "python", "runtime", "scripts", "serve", "templates", "test"];
const ROOT_FILES = ["README.md", "BENCHMARKS.md", "package.json"];

/** Repository paths the doc names: `dir/...` tokens anywhere (backticks, prose, the diagram) and link targets. */
function namedPaths(doc: string): string[] {
  const paths = new Set<string>();
  const token = new RegExp(`(?<![\\w./<-])(?:${ROOTS.join("|")})/[\\w.*/-]*`, "g");
  for (const m of doc.matchAll(token)) {
    const p = m[0].replace(/[.,;:]+$/, "");
    // `runtime/<name>.ts` is a path in an output folder, not in this repository.
    const next = doc[(m.index ?? 0) + m[0].length];
    if (next === "<") continue;
    paths.add(p);
  }
  for (const f of ROOT_FILES) if (doc.includes(`\`${f}\``)) paths.add(f);
  for (const m of doc.matchAll(/\]\(([^)#\s]+)\)/g)) {
    if (!/^[a-z]+:/.test(m[1])) paths.add(relative(REPO, join(dirname(DOC), m[1])));
  }
  return [...paths].sort();
}

function exists(path: string): boolean {
  if (!path.includes("*")) return existsSync(join(REPO, path));
  const dir = dirname(path);
  const pattern = new RegExp(`^${path.slice(dir.length + 1).replace(/[.]/g, "\\.").replace(/\*/g, ".*")}$`);
  return existsSync(join(REPO, dir)) && readdirSync(join(REPO, dir)).some((f) => pattern.test(f));
}

describe("docs/architecture.md", () => {
  const paths = namedPaths(text);

  it("names the folders of every stage", () => {
    for (const p of ["dsl/", "compiler/frontend/", "compiler/validate/", "compiler/plan/", "compiler/kernels/", "compiler/ir/", "compiler/stablehlo/lower/", "compiler/jax/", "compiler/ts/", "python/dflashc_jax/", "compiler/output.ts", "compiler/pipeline.ts", "runtime/"]) {
      expect(paths, p).toContain(p);
    }
  });

  it("every path it names exists", () => {
    expect(paths.length).toBeGreaterThan(50);
    expect(paths.filter((p) => !exists(p))).toEqual([]);
  });

  it("names the one data type of each arrow, and each is defined where the doc says", () => {
    const defined: [string, string][] = [
      ["UncheckedDeclaration", "compiler/frontend/evaluate.ts"],
      ["DecoderPlan", "compiler/ir/plan.ts"],
      ["KernelGraph", "compiler/ir/graph.ts"],
      ["Module", "stablehlo/ir.ts"],
      ["Manifest", "contract/manifest.ts"],
      ["Backend", "runtime/backend.ts"],
    ];
    for (const [type, file] of defined) {
      expect(text, type).toContain(type);
      expect(readFileSync(join(REPO, file), "utf8"), `${type} in ${file}`).toMatch(new RegExp(`export (?:interface|type) ${type}\\b`));
    }
  });

  it("the path extraction sees backticks, prose and links, and skips output-folder paths", () => {
    expect(namedPaths("`compiler/ir/graph.ts`, see compiler/jax/ and [k](kernels.md); `runtime/<name>.ts`")).toEqual([
      "compiler/ir/graph.ts",
      "compiler/jax/",
      "docs/kernels.md",
    ]);
  });
});
