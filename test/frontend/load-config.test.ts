// The front end's phases: imports, type-check, evaluate. Each failure is one located diagnostic with
// its own code, and a later phase never runs after an earlier one failed.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../compiler/frontend/load-config.js";
import { applyEdits, example, REPO, stripMarker, TempDir, type Edit } from "./config-fixture.js";

const dir = new TempDir();
afterAll(() => dir.remove());

async function diagnosticsOf(edits: readonly Edit[], prefix = "", suffix = "") {
  const { text, expected } = stripMarker(prefix + applyEdits(example("tiny"), edits) + suffix);
  const file = dir.write(text);
  const result = await loadConfig(file);
  if (result.ok) throw new Error("expected the config to fail");
  return { diagnostics: result.diagnostics, expected, file };
}

describe("loadConfig", () => {
  it("loads a config from a folder outside the package, with dflashc resolved to this DSL", async () => {
    const file = dir.write(example("tiny"));
    const result = await loadConfig(file);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.declaration.kind).toBe("decoder");
    expect(result.declaration.name).toBe("tiny_dflash");
    expect(result.source.entry).toBe(file);
  });

  it("reports a TypeScript error at TypeScript's position (the property), as type-error with TypeScript's code", async () => {
    const { diagnostics, expected, file } = await diagnosticsOf([["numLayers: 2,", '/*@*/numLayers: "2",']]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file, code: "type-error", ...expected });
    expect(diagnostics[0].message).toMatch(/Type 'string' is not assignable to type 'number'\. \(TS2322\)$/);
  });

  it("type-checks strictly (implicit any is an error)", async () => {
    const { diagnostics } = await diagnosticsOf([], "function f(x) { return x; }\nf(1);\n");
    expect(diagnostics.map((d) => d.code)).toEqual(["type-error"]);
    expect(diagnostics[0].message).toMatch(/TS7006/);
  });

  it("refuses a non-relative import at its specifier, before type-checking", async () => {
    const { diagnostics, expected, file } = await diagnosticsOf([], 'import { readFileSync } from /*@*/"node:fs";\n');
    expect(diagnostics).toEqual([expect.objectContaining({ file, code: "config-import", ...expected })]);
    expect(diagnostics[0].message).toContain('"node:fs"');
  });

  it("refuses a relative import of a file that does not exist", async () => {
    const { diagnostics, expected } = await diagnosticsOf([], 'import { x } from /*@*/"./missing.js";\n');
    expect(diagnostics).toEqual([expect.objectContaining({ code: "config-import", ...expected })]);
  });

  it("locates a throw during evaluation through the source map", async () => {
    const { diagnostics, expected, file } = await diagnosticsOf([
      ["maskTokenId: 255", "maskTokenId: fail()"],
      ["const target", 'function fail(): number {\n  throw /*@*/new Error("no mask token today");\n}\n\nconst target'],
    ]);
    expect(diagnostics).toEqual([expect.objectContaining({ file, code: "config-eval-error", ...expected })]);
    expect(diagnostics[0].message).toBe("evaluating the config threw: no mask token today");
  });

  it("locates a throw in an imported file in that file", async () => {
    const helper = dir.write('export function mask(): number {\n  return (null as any).id;\n}\n', "helper.ts");
    const { diagnostics } = await diagnosticsOf([["maskTokenId: 255", "maskTokenId: mask()"]], 'import { mask } from "./helper.js";\n');
    expect(diagnostics).toEqual([expect.objectContaining({ file: helper, line: 2, code: "config-eval-error" })]);
    expect(diagnostics[0].message).toMatch(/^evaluating the config threw: TypeError: /);
  });

  it("runs the config in a sandbox: no Node globals", async () => {
    const { diagnostics } = await diagnosticsOf([["maskTokenId: 255", "maskTokenId: (globalThis as any).process.pid"]]);
    expect(diagnostics.map((d) => d.code)).toEqual(["config-eval-error"]);
  });

  it("needs a default export that is a decoder declaration", async () => {
    const none = await diagnosticsOf([["export default defineDecoder(", "export const d = defineDecoder("]]);
    expect(none.diagnostics).toEqual([expect.objectContaining({ code: "config-no-default-export", line: 1, column: 1 })]);
    expect(none.diagnostics[0].message).toMatch(/got nothing$/);
    const wrong = await diagnosticsOf([["export default defineDecoder(", "export const d = defineDecoder("]], "", "export default /*@*/target;\n");
    expect(wrong.diagnostics).toEqual([expect.objectContaining({ code: "config-no-default-export", ...wrong.expected })]);
  });

  it("rejects values that are not plain data at their path", async () => {
    const { diagnostics, expected } = await diagnosticsOf([["verify: \"greedy\"", 'verify: /*@*/(() => "greedy") as any']]);
    expect(diagnostics).toEqual([expect.objectContaining({ code: "config-not-serializable", ...expected })]);
    expect(diagnostics[0].message).toBe("a function is not declaration data");
  });

  it("reports a missing file", async () => {
    const result = await loadConfig(join(dir.path, "nope.ts"));
    expect(result).toMatchObject({ ok: false, diagnostics: [{ code: "config-not-found", line: 1, column: 1 }] });
  });

  it("sees the new text when a file at the same path changes between calls", async () => {
    const file = dir.write(example("tiny"), "changing.ts");
    expect((await loadConfig(file)).ok).toBe(true);
    dir.write(example("tiny").replace("numLayers: 2,", 'numLayers: "2",'), "changing.ts");
    expect(await loadConfig(file)).toMatchObject({ ok: false, diagnostics: [{ code: "type-error" }] });
    dir.write(example("tiny"), "changing.ts");
    expect((await loadConfig(file)).ok).toBe(true);
  });

  it("loads a project split over files with relative imports", async () => {
    const file = join(REPO, "test/fixtures/configs/split/decoder.ts");
    const result = await loadConfig(file);
    expect(result.ok).toBe(true);
    if (result.ok) expect((result.declaration.target as { name: string }).name).toBe("split_target");
    expect(readFileSync(file, "utf8")).toContain('from "./model.js"');
  });
});
