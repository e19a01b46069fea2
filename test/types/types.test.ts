// Type-level tests: every file in fail/ must fail to type-check with the TypeScript error code its
// `// expect-error-code: TSnnnn` line names (and no other), every file in pass/ must type-check.
// They run through the front end's own checker: strict mode, `dflashc` resolved to this DSL.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { collectFiles } from "../../compiler/frontend/collect-files.js";
import { typeErrors } from "../../compiler/frontend/type-check.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const files = (sub: string) => readdirSync(join(HERE, sub)).filter((f) => f.endsWith(".ts")).sort();

function errorsOf(file: string) {
  const collected = collectFiles(file);
  if (!collected.ok) throw new Error(`cannot load ${file}`);
  return typeErrors(collected.files);
}

describe("type-level: declarations TypeScript must reject", () => {
  it.each(files("fail"))("fail/%s", (name) => {
    const file = join(HERE, "fail", name);
    const expected = /\/\/ expect-error-code: TS(\d+)/.exec(readFileSync(file, "utf8"));
    expect(expected, "the file names the error it expects").not.toBeNull();
    const errors = errorsOf(file);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.map((e) => `TS${e.code}: ${e.message}`)).toEqual(errors.map((e) => `TS${expected![1]}: ${e.message}`));
  });
  it("has the cases the DSL promises", () => {
    expect(files("fail")).toEqual(
      expect.arrayContaining(["misspelt-key.ts", "missing-field.ts", "dtype-fp8.ts", "draft-cache-kind.ts", "family-literal.ts", "non-number-dim.ts"]),
    );
  });
});

describe("type-level: declarations TypeScript must accept", () => {
  it.each(files("pass"))("pass/%s", (name) => {
    expect(errorsOf(join(HERE, "pass", name)).map((e) => `TS${e.code}: ${e.message}`)).toEqual([]);
  });
});
