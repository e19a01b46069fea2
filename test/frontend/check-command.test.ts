// `checkCommand` in-process: exit codes, the printed formats, --json documents, displayed paths.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkCommand } from "../../cli/commands/check.js";
import { memoryIo } from "../../cli/commands/io.js";
import { formatDiagnostic } from "../../contract/diagnostics.js";
import { applyEdits, checkJson, example, REPO, stripMarker, TempDir } from "./config-fixture.js";

const dir = new TempDir();
afterAll(() => dir.remove());

const EXAMPLES = readdirSync(join(REPO, "examples")).filter((f) => f.endsWith(".ts"));

describe("dflashc check", () => {
  it.each(EXAMPLES)("examples/%s checks clean", async (name) => {
    const io = memoryIo(REPO);
    expect(await checkCommand(join("examples", name), { json: false }, io)).toBe(0);
    expect(io.stderr).toEqual([]);
    expect(io.stdout).toHaveLength(1);
    expect(io.stdout[0]).toMatch(/^ok: [a-z0-9_]+ \(\d+ kernels, \d+ buckets\)$/);
  });

  it("reports maskTokenId beyond the vocabulary once, at the value, and exits 2", async () => {
    const { text, expected } = stripMarker(applyEdits(example("tiny"), [["maskTokenId: 255", "maskTokenId: /*@*/300"]]));
    const file = dir.write(text, "bad-mask.ts");
    const io = memoryIo(dir.path);
    expect(await checkCommand(file, { json: false }, io)).toBe(2);
    expect(io.stdout).toEqual([]);
    expect(io.stderr).toEqual([
      `bad-mask.ts:${expected!.line}:${expected!.column}: error mask-token-out-of-range: maskTokenId = 300, but the vocabulary has 256 tokens (0..255)`,
    ]);
  });

  it("prints one JSON document of diagnostics with --json", async () => {
    const { text, expected } = stripMarker(applyEdits(example("tiny"), [["maskTokenId: 255", "maskTokenId: /*@*/300"]]));
    const file = dir.write(text, "bad-mask-json.ts");
    const run = await checkJson(file, dir.path);
    expect(run.code).toBe(2);
    expect(run.stdout).toHaveLength(1);
    expect(JSON.parse(run.stdout[0])).toEqual({
      ok: false,
      command: "check",
      diagnostics: [{ file: "bad-mask-json.ts", ...expected, code: "mask-token-out-of-range", message: expect.stringContaining("maskTokenId = 300") }],
    });
  });

  it("prints the resolved plan with the DSL's property names with --json", async () => {
    const io = memoryIo(REPO);
    expect(await checkCommand("examples/qwen3-8b-dflash.ts", { json: true }, io)).toBe(0);
    expect(io.stdout).toHaveLength(1);
    const doc = JSON.parse(io.stdout[0]) as { ok: boolean; plan: Record<string, unknown> };
    expect(doc.ok).toBe(true);
    expect(doc.plan.name).toBe("qwen3_8b_dflash_b16");
    expect(doc.plan.target).toMatchObject({ numLayers: 36, hiddenSize: 4096, numHeads: 32, numKvHeads: 8, headDim: 128, vocabSize: 151_936 });
    expect(doc.plan.draft).toMatchObject({ targetLayerIds: [1, 9, 17, 25, 33], maskTokenId: 151_669 });
    expect(doc.plan.blockSize).toBe(16);
  });

  it("prints paths relative to the working directory when inside it, else absolute", async () => {
    const file = dir.write(applyEdits(example("tiny"), [["maskTokenId: 255", "maskTokenId: 300"]]), "where.ts");
    const inside = memoryIo(dir.path);
    await checkCommand("where.ts", { json: false }, inside);
    expect(inside.stderr[0]).toMatch(/^where\.ts:\d+:\d+: /);
    const outside = memoryIo(REPO);
    await checkCommand(file, { json: false }, outside);
    expect(outside.stderr[0].startsWith(`${file}:`)).toBe(true);
  });

  it("prints every diagnostic in formatDiagnostic's format on stderr", async () => {
    const file = dir.write(applyEdits(example("tiny"), [["numKvHeads: 2", "numKvHeads: 3"], ["pageSize: 16", "pageSize: 24"]]), "two.ts");
    const io = memoryIo(dir.path);
    expect(await checkCommand(file, { json: false }, io)).toBe(2);
    const run = await checkJson(file, dir.path);
    expect(io.stderr).toEqual(run.diagnostics.map((d) => formatDiagnostic({ ...d, severity: "error" })));
    expect(run.diagnostics.map((d) => d.code)).toEqual(["heads-not-divisible", "page-size-not-power-of-two"]);
  });

  it("exits 2 for a file that does not exist", async () => {
    const io = memoryIo(dir.path);
    expect(await checkCommand("missing.ts", { json: false }, io)).toBe(2);
    expect(io.stderr[0]).toMatch(/^missing\.ts:1:1: error config-not-found: /);
  });
});
