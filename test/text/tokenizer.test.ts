// TextTokenizer on the real Qwen3 and Llama 3 tokenizer files: ids agree with a second, independent
// implementation, decode gives the text back, EOS ids come from the files, and bad folders are clear errors.
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TextTokenizer, TokenizerError } from "../../runtime/text/index.js";
import { TempDir } from "../frontend/config-fixture.js";
import { LLAMA3_DIR, QWEN3_DIR, referenceEncoder, SAMPLE_TEXTS } from "./hf-models.js";

const tmp = new TempDir();
afterAll(() => tmp.remove());

describe.each([
  { model: "qwen3" as const, dir: QWEN3_DIR, eos: [151645], vocab: 151669 },
  { model: "llama3" as const, dir: LLAMA3_DIR, eos: [128001], vocab: 128256 },
])("$model tokenizer files", ({ model, dir, eos, vocab }) => {
  let tok: TextTokenizer;
  let reference: (text: string) => number[];
  beforeAll(async () => {
    tok = await TextTokenizer.load(dir);
    reference = referenceEncoder(model);
  });

  it.each(SAMPLE_TEXTS.map((t) => [t]))("encodes %j to the ids of @lenml/tokenizers and decodes it back", (text) => {
    const ids = tok.encode(text);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).toEqual(reference(text));
    expect(tok.decode(ids)).toBe(text);
  });

  it("reads the EOS ids and the vocabulary size", () => {
    expect(tok.eosTokenIds).toEqual(eos);
    expect(tok.vocabSize).toBe(vocab);
    expect(tok.hasChatTemplate).toBe(true);
  });

  it("skips special tokens on request", () => {
    const text = model === "qwen3" ? "<|im_start|>user\nhi<|im_end|>" : "<|begin_of_text|>hi<|eot_id|>";
    const ids = tok.encode(text);
    expect(tok.decode(ids, { skipSpecialTokens: true })).toBe(model === "qwen3" ? "user\nhi" : "hi");
  });
});

describe("addSpecialTokens", () => {
  it("adds the BOS a post-processor declares, and not without it", async () => {
    // A Llama-style post-processor that prepends <|begin_of_text|> (id 128000).
    const dir = join(tmp.path, "llama-bos");
    mkdirSync(dir);
    const json = JSON.parse(readFileSync(join(LLAMA3_DIR, "tokenizer.json"), "utf8"));
    json.post_processor = {
      type: "TemplateProcessing",
      single: [{ SpecialToken: { id: "<|begin_of_text|>", type_id: 0 } }, { Sequence: { id: "A", type_id: 0 } }],
      pair: [{ Sequence: { id: "A", type_id: 0 } }, { Sequence: { id: "B", type_id: 1 } }],
      special_tokens: { "<|begin_of_text|>": { id: "<|begin_of_text|>", ids: [128000], tokens: ["<|begin_of_text|>"] } },
    };
    writeFileSync(join(dir, "tokenizer.json"), JSON.stringify(json));
    const tok = await TextTokenizer.load(dir);
    expect(tok.encode("Hello world")).toEqual([128000, 9906, 1917]);
    expect(tok.encode("Hello world", { addSpecialTokens: false })).toEqual([9906, 1917]);
  });
});

describe("the byte-level tokenizer", () => {
  const tok = TextTokenizer.byteLevel();
  it.each(SAMPLE_TEXTS.map((t) => [t]))("encodes %j as its UTF-8 bytes and decodes it back", (text) => {
    const ids = tok.encode(text);
    expect(ids).toEqual([...Buffer.from(text, "utf8")]);
    expect(tok.decode(ids)).toBe(text);
  });
  it("has vocabulary 256, no EOS and no chat template", () => {
    expect(tok.vocabSize).toBe(256);
    expect(tok.eosTokenIds).toEqual([]);
    expect(tok.hasChatTemplate).toBe(false);
    expect(() => tok.applyChatTemplate([{ role: "user", content: "hi" }], { addGenerationPrompt: true })).toThrow(/byte-level tokenizer has no chat template/);
  });
  it("decodes invalid UTF-8 to U+FFFD instead of failing", () => {
    expect(tok.decode([0x61, 0xff, 0x62])).toBe("a\uFFFDb");
  });
});

describe("EOS ids and chat templates from the folder's files", () => {
  /** A folder with Qwen3's tokenizer.json and the given other files. */
  function folder(name: string, files: Record<string, unknown>): string {
    const dir = join(tmp.path, name);
    mkdirSync(dir);
    symlinkSync(join(QWEN3_DIR, "tokenizer.json"), join(dir, "tokenizer.json"));
    for (const [f, v] of Object.entries(files)) writeFileSync(join(dir, f), typeof v === "string" ? v : JSON.stringify(v));
    return dir;
  }

  it("generation_config.json's eos_token_id wins, as a number or a list", async () => {
    expect((await TextTokenizer.load(folder("gen-list", { "generation_config.json": { eos_token_id: [151645, 151643] } }))).eosTokenIds).toEqual([151645, 151643]);
    expect((await TextTokenizer.load(folder("gen-one", { "generation_config.json": { eos_token_id: 151643 } }))).eosTokenIds).toEqual([151643]);
  });

  it("a folder without tokenizer_config.json loads, without EOS or chat template", async () => {
    const tok = await TextTokenizer.load(folder("bare", {}));
    expect(tok.eosTokenIds).toEqual([]);
    expect(tok.hasChatTemplate).toBe(false);
    expect(() => tok.applyChatTemplate([{ role: "user", content: "hi" }], { addGenerationPrompt: true })).toThrow(/bare: the tokenizer has no chat template/);
  });

  it("reads chat_template.jinja, and a named template list's \"default\"", async () => {
    const jinja = await TextTokenizer.load(folder("jinja", { "tokenizer_config.json": { eos_token: "<|endoftext|>" }, "chat_template.jinja": "{% for m in messages %}[{{ m.role }}]{{ m.content }}{% endfor %}{{ eos_token }}" }));
    expect(jinja.applyChatTemplate([{ role: "user", content: "hi" }], { addGenerationPrompt: false })).toBe("[user]hi<|endoftext|>");
    expect(jinja.eosTokenIds).toEqual([151643]);
    const listed = await TextTokenizer.load(folder("listed", { "tokenizer_config.json": { chat_template: [{ name: "tool_use", template: "T" }, { name: "default", template: "D{{ add_generation_prompt }}" }] } }));
    expect(listed.applyChatTemplate([], { addGenerationPrompt: true })).toBe("Dtrue");
  });

  it.each([
    ["missing", null, /missing: no such tokenizer folder/],
    ["no tokenizer.json", {}, /tokenizer\.json: not found/],
    ["bad JSON", { "tokenizer.json": "{ nope" }, /tokenizer\.json: not valid JSON/],
    ["not a tokenizer", { "tokenizer.json": { version: "1.0" } }, /tokenizer\.json: not a tokenizer this runtime can load/],
    ["bad eos", "gen", /generation_config\.json: eos_token_id must be a token id or a list of them/],
    ["bad template", "tmpl", /tokenizer_config\.json: the chat template does not parse/],
  ] as const)("refuses a folder with %s, naming the file", async (name, files, message) => {
    let dir: string;
    if (files === null) dir = join(tmp.path, "missing");
    else if (files === "gen") dir = folder("bad-gen", { "generation_config.json": { eos_token_id: "x" } });
    else if (files === "tmpl") dir = folder("bad-tmpl", { "tokenizer_config.json": { chat_template: "{% for %}" } });
    else {
      dir = join(tmp.path, name.replace(/ /g, "-"));
      mkdirSync(dir);
      for (const [f, v] of Object.entries(files)) writeFileSync(join(dir, f), typeof v === "string" ? v : JSON.stringify(v));
    }
    const err = await TextTokenizer.load(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TokenizerError);
    expect((err as Error).message).toMatch(message);
  });
});
