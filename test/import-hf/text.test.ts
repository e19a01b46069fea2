// import-hf picks up the text side of a model folder: tokenizer.json beside config.json becomes the
// declaration's `tokenizer` (relative to where the declaration is written), generation_config.json's
// eos_token_id its `eosTokenIds`; the written file passes `check`, and a bad generation_config.json is a
// warning, not a failed import.
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { importHfCommand } from "../../cli/commands/import-hf.js";
import { memoryIo } from "../../cli/commands/io.js";
import { loadAndPlan } from "../../compiler/pipeline.js";
import { TempDir } from "../frontend/config-fixture.js";
import { QWEN3_DIR } from "../text/hf-models.js";
import { FIXTURES } from "./helpers.js";

const tmp = new TempDir();
afterAll(() => tmp.remove());

/** A model folder: Qwen3-0.6B's config.json, the real Qwen3 tokenizer files, and `generation`. */
function modelFolder(name: string, generation: string | null): string {
  const dir = join(tmp.path, name);
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(FIXTURES, "Qwen3-0.6B", "config.json"), join(dir, "config.json"));
  for (const f of ["tokenizer.json", "tokenizer_config.json"]) symlinkSync(join(QWEN3_DIR, f), join(dir, f));
  if (generation !== null) writeFileSync(join(dir, "generation_config.json"), generation);
  return dir;
}

describe("import-hf and the tokenizer", () => {
  it("writes tokenizer (relative to the declaration) and eosTokenIds; the declaration checks and plans them", async () => {
    const model = modelFolder("models/Qwen3-0.6B", JSON.stringify({ eos_token_id: [151645, 151643], pad_token_id: 151643 }));
    const out = join(tmp.path, "decls", "qwen3.ts");
    mkdirSync(join(tmp.path, "decls"));
    const io = memoryIo(tmp.path);
    expect(await importHfCommand(join(model, "config.json"), { out }, io)).toBe(0);
    const text = readFileSync(out, "utf8");
    expect(text).toContain('  tokenizer: "../models/Qwen3-0.6B",\n');
    expect(text).toContain("  eosTokenIds: [151_645, 151_643],\n");
    const planned = await loadAndPlan(out);
    if (!planned.ok) throw new Error(planned.diagnostics.map((d) => d.message).join("\n"));
    expect(planned.plan.tokenizer).toEqual({ kind: "hf", path: "../models/Qwen3-0.6B" });
    expect(planned.plan.eosTokenIds).toEqual([151645, 151643]);
  });

  it("to stdout, the folder is relative to the working folder; a single eos_token_id is a one-id list", async () => {
    modelFolder("one/Qwen3-0.6B", JSON.stringify({ eos_token_id: 151645 }));
    const io = memoryIo(tmp.path);
    expect(await importHfCommand("one/Qwen3-0.6B/config.json", {}, io)).toBe(0);
    expect(io.stdout.join("")).toContain('  tokenizer: "./one/Qwen3-0.6B",\n  eosTokenIds: [151_645],\n');
  });

  it("a generation_config.json that is not JSON, or ids outside the vocabulary: a warning, the tokenizer still imported", async () => {
    for (const [name, generation] of [
      ["bad-json", "{ nope"],
      ["bad-ids", JSON.stringify({ eos_token_id: [999999] })],
    ] as const) {
      modelFolder(name, generation);
      const io = memoryIo(tmp.path);
      expect(await importHfCommand(`${name}/config.json`, {}, io)).toBe(0);
      expect(io.stderr.join("")).toMatch(/warning hf-generation-config: .*generation_config\.json: .*no eosTokenIds imported/);
      expect(io.stdout.join("")).toContain(`tokenizer: "./${name}"`);
      expect(io.stdout.join("")).not.toContain("eosTokenIds");
    }
  });

  it("without tokenizer.json or generation_config.json beside config.json, the declaration has neither", async () => {
    const io = memoryIo(FIXTURES);
    expect(await importHfCommand("Qwen3-0.6B/config.json", {}, io)).toBe(0);
    expect(io.stdout.join("")).not.toMatch(/tokenizer|eosTokenIds/);
  });
});
