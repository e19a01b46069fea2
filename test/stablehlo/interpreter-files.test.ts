/**
 * Runs every spec-format test file in test/stablehlo/interp/ through `runStableHloText` (what
 * `dflashc stablehlo run` calls) and requires every function to finish and every check to pass.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { formatLoc } from "../../compiler/stablehlo/interpreter/errors.js";
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
