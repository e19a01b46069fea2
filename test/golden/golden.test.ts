// The compiler's output against the committed goldens (`npm run golden` regenerates them; cases.ts says
// what each case keeps). Execution of the same artifacts is tested elsewhere; a golden only pins them.
import { describe, expect, it } from "vitest";
import {
  GOLDEN_CASES,
  compileGoldenCase,
  goldenDifferences,
  goldenFiles,
  readGoldenDir,
  type CompiledCase,
  type GoldenCase,
} from "./cases.js";

const compiled = new Map<string, Promise<CompiledCase>>();
const compileOnce = (c: GoldenCase) => {
  if (!compiled.has(c.name)) compiled.set(c.name, compileGoldenCase(c));
  return compiled.get(c.name)!;
};
const byName = (name: string) => GOLDEN_CASES.find((c) => c.name === name)!;

/** `files` with one byte of `path` changed: its last letter or digit, a digit to another digit (JSON stays JSON). */
function perturb(files: ReadonlyMap<string, string>, path: string): Map<string, string> {
  const text = files.get(path);
  if (text === undefined) throw new Error(`no emitted file ${path}`);
  const i = text.search(/[0-9A-Za-z][^0-9A-Za-z]*$/);
  const ch = text[i];
  const other = /[0-9]/.test(ch) ? String((Number(ch) + 1) % 10) : ch === "x" ? "y" : "x";
  const changed = text.slice(0, i) + other + text.slice(i + 1);
  return new Map([...files].map(([p, t]) => [p, p === path ? changed : t]));
}

describe("golden outputs", () => {
  for (const c of GOLDEN_CASES) {
    it(`${c.name} matches test/golden/${c.name}`, async () => {
      const files = goldenFiles(c, await compileOnce(c));
      const onDisk = readGoldenDir(c);
      expect([...files.keys()].sort()).toEqual([...onDisk.keys()].sort());
      for (const [path, text] of files) {
        // Compare as strings so a failure names the file and shows a diff.
        expect({ path, text }).toEqual({ path, text: onDisk.get(path) });
      }
      expect(goldenDifferences(files, onDisk)).toEqual([]);
    });
  }

  it("stays under 15,000 lines in all, and keeps no copy of the static library", () => {
    let lines = 0;
    for (const c of GOLDEN_CASES) {
      for (const [path, text] of readGoldenDir(c)) {
        lines += text.split("\n").length - 1;
        expect(path).not.toMatch(/^jax\/dflashc_jax\/|^jax\/requirements\.txt$/);
      }
    }
    expect(lines).toBeLessThan(15_000);
  });
});

describe("the golden comparison fails on any change of emitted output", () => {
  it("tiny (kept whole): one byte of one kernel module names that file and line", async () => {
    const c = byName("tiny");
    const { plan, files } = await compileOnce(c);
    const path = "stablehlo/decode_step.r4.mlir";
    const diff = goldenDifferences(goldenFiles(c, { plan, files: perturb(files, path) }), readGoldenDir(c));
    expect(diff).toHaveLength(1);
    expect(diff[0]).toMatch(new RegExp(`^${path.replace(/\./g, "\\.")}: line \\d+: emitted `));
  });

  it("a real-size example: one byte of a bucket not read by a reviewer, or of a static library copy, changes output.sha256", async () => {
    const c = byName("qwen3-4b-dflash");
    const { plan, files } = await compileOnce(c);
    const onDisk = readGoldenDir(c);
    const largest = [...files.keys()].filter((p) => p.startsWith("stablehlo/")).sort((a, b) => files.get(b)!.length - files.get(a)!.length)[0];
    for (const path of [largest, "jax/dflashc_jax/ops.py", "jax/requirements.txt", "manifest.json"]) {
      const diff = goldenDifferences(goldenFiles(c, { plan, files: perturb(files, path) }), onDisk);
      expect(diff, path).toHaveLength(1);
      expect(diff[0], path).toMatch(/^output\.sha256: line \d+: emitted "[0-9a-f]{64} {2}/);
      expect(diff[0], path).toContain(path);
    }
    // A file more or less is a change too.
    const extra = new Map(files).set("stablehlo/extra.mlir", "module {}\n");
    expect(goldenDifferences(goldenFiles(c, { plan, files: extra }), onDisk)).toEqual([expect.stringMatching(/^output\.sha256: /)]);
    const fewer = new Map(files);
    fewer.delete(largest);
    expect(goldenDifferences(goldenFiles(c, { plan, files: fewer }), onDisk)).toEqual([expect.stringMatching(/^output\.sha256: /)]);
    // Unchanged output compares equal.
    expect(goldenDifferences(goldenFiles(c, { plan, files }), onDisk)).toEqual([]);
  });
});
