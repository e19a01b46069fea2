// Byte-for-byte comparison of the compiler's output with the committed goldens (`npm run golden`
// regenerates them). Execution of the same artifacts is tested elsewhere; a golden only pins them.
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { GOLDEN_CASES, GOLDEN_ROOT, renderGoldenCase } from "./cases.js";

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}

describe("golden outputs", () => {
  for (const c of GOLDEN_CASES) {
    it(`${c.name} matches test/golden/${c.name}`, async () => {
      const files = await renderGoldenCase(c);
      const dir = join(GOLDEN_ROOT, c.name);
      const onDisk = listFiles(dir).map((f) => relative(dir, f)).sort();
      expect([...files.keys()].sort()).toEqual(onDisk);
      for (const [path, text] of files) {
        // Compare as strings so a failure names the file and shows a diff.
        expect({ path, text }).toEqual({ path, text: readFileSync(join(dir, path), "utf8") });
      }
    });
  }
});
