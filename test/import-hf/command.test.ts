// `importHfCommand`: stdout or an atomically written file, exit codes, and the emitted TypeScript
// going through the real front end (`loadAndPlan`: type check, evaluation, validation, plan).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadAndPlan } from "../../compiler/pipeline.js";
import { importHfCommand } from "../../cli/commands/import-hf.js";
import { memoryIo } from "../../cli/commands/io.js";
import { importHf } from "../../compiler/import-hf/index.js";
import { FIXTURES, fixture } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "dflashc-import-hf-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const IMPORTS: [string, string | undefined][] = [
  ["Qwen3-0.6B", undefined],
  ["Qwen3-4B", undefined],
  ["Qwen3-8B", undefined],
  ["Llama-3.1-8B", undefined],
  ["Llama-3.2-1B", undefined],
  ["Qwen2.5-7B-Instruct", undefined],
  ["Qwen3-8B", "Qwen3-8B-DFlash-b16"],
  ["Qwen3-4B", "Qwen3-4B-DFlash-b16"],
  ["Llama-3.1-8B-Instruct", "LLaMA3.1-8B-Instruct-DFlash-UltraChat"],
];

describe("import-hf output passes `check`", () => {
  for (const [target, draft] of IMPORTS) {
    it(`${target}${draft ? ` + ${draft}` : ""}: the written file type-checks, validates, plans, and evaluates to the imported declaration`, async () => {
      const out = join(dir, `${target}${draft ? "-dflash" : ""}.ts`);
      const io = memoryIo(FIXTURES);
      const code = await importHfCommand(`${target}/config.json`, { draft: draft && `${draft}/config.json`, out }, io);
      expect(code).toBe(0);
      expect(io.stdout).toEqual([]);
      const checked = await loadAndPlan(out);
      if (!checked.ok) throw new Error(checked.diagnostics.map((d) => `${d.code}: ${d.message}`).join("\n"));
      const expected = importHf(fixture(target), draft ? fixture(draft) : undefined).declaration;
      expect(checked.declaration).toEqual(expected);
      expect(checked.plan.draft === null).toBe(draft === undefined);
    });
  }
});

describe("importHfCommand", () => {
  it("prints to stdout without -o, deterministically", async () => {
    const run = async () => {
      const io = memoryIo(FIXTURES);
      expect(await importHfCommand("Qwen3-8B/config.json", { draft: "Qwen3-8B-DFlash-b16/config.json" }, io)).toBe(0);
      return io.stdout.join("");
    };
    const a = await run();
    expect(a).toBe(await run());
    expect(a).toContain('import { defineDecoder, dflashDraft, pagedKV, pow2Buckets, qwen3, staticKV } from "dflashc";');
    expect(a).toContain("draft: dflashDraft({ numLayers: 5, targetLayerIds: [1, 9, 17, 25, 33], maskTokenId: 151_669 }),");
    expect(a).toContain("intermediateSize: 12_288,");
  });

  it("bad JSON: exit 2, `file:line:col: error hf-invalid-json: ...`, nothing written", async () => {
    const bad = join(dir, "bad");
    const { mkdirSync, writeFileSync } = await import("node:fs");
    mkdirSync(bad, { recursive: true });
    writeFileSync(join(bad, "config.json"), '{\n  "model_type": "qwen3",\n  "hidden_size": 4096,,\n}\n');
    const io = memoryIo(dir);
    const out = join(dir, "never.ts");
    expect(await importHfCommand("bad/config.json", { out }, io)).toBe(2);
    expect(io.stderr).toEqual(["bad/config.json:3:23: error hf-invalid-json: expected a property name, found ','"]);
    expect(readdirSync(dir).filter((f) => f.startsWith("never") || f.includes(".tmp"))).toEqual([]);
  });

  it("unsupported field: exit 2 with the field named; a missing file: exit 2", async () => {
    const io = memoryIo(FIXTURES);
    expect(await importHfCommand("Qwen3-4B/config.json", { draft: "Qwen3-8B-DFlash-b16/config.json" }, io)).toBe(2);
    expect(io.stderr[0]).toMatch(/^Qwen3-8B-DFlash-b16\/config\.json:\d+:\d+: error hf-draft-mismatch: hidden_size = 4096/);
    const io2 = memoryIo(FIXTURES);
    expect(await importHfCommand("Nope/config.json", {}, io2)).toBe(2);
    expect(io2.stderr[0]).toMatch(/^Nope\/config\.json:1:1: error hf-unreadable/);
  });

  it("-o replaces an existing file whole", async () => {
    const out = join(dir, "replace.ts");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(out, "old");
    expect(await importHfCommand("Qwen3-0.6B/config.json", { out, name: "My Decoder" }, memoryIo(FIXTURES))).toBe(0);
    const text = readFileSync(out, "utf8");
    expect(text).toContain('name: "my_decoder",');
    expect(text.startsWith("// Imported by `dflashc import-hf`")).toBe(true);
  });

  it("-o where the file cannot be written (a file in the way, a folder): exit 2, not a crash", async () => {
    const { writeFileSync, mkdirSync } = await import("node:fs");
    const blocker = join(dir, "blocker");
    writeFileSync(blocker, "a file, not a folder");
    const io = memoryIo(FIXTURES);
    expect(await importHfCommand("Qwen3-0.6B/config.json", { out: join(blocker, "x.ts") }, io)).toBe(2);
    expect(io.stderr.at(-1)).toMatch(/blocker\/x\.ts:1:1: error output-unwritable: cannot write .*\(ENOTDIR\)$/);
    const folder = join(dir, "a-folder");
    mkdirSync(folder);
    expect(await importHfCommand("Qwen3-0.6B/config.json", { out: folder }, io)).toBe(2);
    expect(io.stderr.at(-1)).toMatch(/error output-unwritable: /);
    expect(readdirSync(dir).filter((f) => f.includes(".tmp"))).toEqual([]);
  });

  it("keeps a config path with a line break inside the header comment", () => {
    const base = fixture("Qwen3-0.6B");
    const { source } = importHf({ file: "evil\nexport const x = 1;//config.json", text: base.text });
    expect(source.split("\n").filter((l) => !l.startsWith("//") && l.includes("export const x"))).toEqual([]);
  });
});
