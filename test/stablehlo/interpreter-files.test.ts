/**
 * Runs every spec-format test file in test/stablehlo/interp/ through `runStableHloText` (what
 * `dflashc stablehlo run` calls) and requires every function to finish and every check to pass.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { formatLoc } from "../../stablehlo/interpreter/errors.js";
import { runStableHloText } from "../../compiler/stablehlo/run-file.js";

const dir = join(import.meta.dirname, "interp");
const files = readdirSync(dir).filter((f) => f.endsWith(".mlir") && !f.startsWith("failing_"));

describe("spec-format interpreter tests", () => {
  test.each(files)("%s", (file) => {
    const run = runStableHloText(readFileSync(join(dir, file), "utf8"), file);
    const problems = run.functions.flatMap((f) => [
      ...(f.error ? [`@${f.name}: ${f.error}`] : []),
      ...f.checks.filter((c) => !c.passed).map((c) => `@${f.name} ${formatLoc(c.loc)}: ${c.message}`),
    ]);
    expect(problems).toEqual([]);
    expect(run.ok).toBe(true);
    // Every function checks something.
    for (const f of run.functions) expect(f.checks.length, `@${f.name} has no checks`).toBeGreaterThan(0);
  });
});

describe("a file with failing checks", () => {
  const file = "failing_checks.mlir";
  const run = runStableHloText(readFileSync(join(dir, file), "utf8"), file);
  const byName = new Map(run.functions.map((f) => [f.name, f]));

  test("is not ok", () => {
    expect(run.ok).toBe(false);
    expect([...byName.keys()]).toEqual(["one_pass_one_fail", "outside_tolerance", "unknown_op"]);
  });

  test("reports each check with its location", () => {
    const checks = byName.get("one_pass_one_fail")!.checks;
    expect(checks.map((c) => c.passed)).toEqual([true, false]);
    expect(checks[1].loc).toMatchObject({ file, line: 8, column: 3 });
    expect(checks[1].message).toContain("first at flat index 2: got 6, expected 7");
  });

  test("honours the tolerance attribute", () => {
    expect(byName.get("outside_tolerance")!.checks.map((c) => c.passed)).toEqual([false, true]);
  });

  test("an unknown op stops its function with an error naming the op and its location", () => {
    const f = byName.get("unknown_op")!;
    expect(f.error).toBe(`${file}:21:3: unsupported op 'stablehlo.fft'`);
    expect(f.results).toBeUndefined();
  });
});
