// Streaming decode, one id at a time, adds up to the full decode: emoji and CJK split across tokens,
// byte-level bytes, and Llama 3's clean-up of spaces before punctuation.
import { beforeAll, describe, expect, it } from "vitest";
import { StreamDecoder, TextTokenizer } from "../../runtime/text/index.js";
import { LLAMA3_DIR, QWEN3_DIR, SAMPLE_TEXTS } from "./hf-models.js";

const STREAM_TEXTS = [...SAMPLE_TEXTS, "Hello world , how are you ? I 'm fine . It 's ok n't", "🧑🏿‍🚀 宇宙飛行士 🚀🚀🚀", "trailing space "];

/** Pushes ids in pieces of `chunk` and returns each piece's text, the flush last. */
function stream(decoder: StreamDecoder, ids: readonly number[], chunk: number): string[] {
  const parts: string[] = [];
  for (let i = 0; i < ids.length; i += chunk) parts.push(decoder.push(ids.slice(i, i + chunk)));
  parts.push(decoder.flush());
  return parts;
}

describe.each([
  ["qwen3", QWEN3_DIR],
  ["llama3", LLAMA3_DIR],
  ["byte", "byte"],
])("streaming with the %s tokenizer", (_, dir) => {
  let tok: TextTokenizer;
  beforeAll(async () => void (tok = dir === "byte" ? TextTokenizer.byteLevel() : await TextTokenizer.load(dir)));

  it.each(STREAM_TEXTS.map((t) => [t]))("one id at a time equals the full decode of %j", (text) => {
    const ids = tok.encode(text);
    for (const chunk of [1, 2, 3]) {
      const parts = stream(tok.streamDecoder(), ids, chunk);
      expect(parts.join("")).toBe(tok.decode(ids));
      // No piece splits a character: none holds U+FFFD (every sample is valid UTF-8).
      for (const p of parts) expect(p).not.toContain("\uFFFD");
    }
  });

  it("skips special tokens when asked, like decode", () => {
    const text = dir.includes("qwen3") ? "<|im_start|>user\n😀<|im_end|>" : "<|begin_of_text|>😀<|eot_id|>";
    const ids = tok.encode(text);
    expect(stream(tok.streamDecoder({ skipSpecialTokens: true }), ids, 1).join("")).toBe(tok.decode(ids, { skipSpecialTokens: true }));
  });
});

describe("StreamDecoder", () => {
  const bytes = TextTokenizer.byteLevel();

  it("holds back a split character until it is complete", () => {
    const d = bytes.streamDecoder();
    const [a, b, c, e] = [...Buffer.from("😀", "utf8")];
    expect(d.push([0x41, a, b])).toBe("A");
    expect(d.push([c])).toBe("");
    expect(d.push([e])).toBe("😀");
    expect(d.flush()).toBe("");
  });

  it("emits an unfinished character as U+FFFD on flush", () => {
    const d = bytes.streamDecoder();
    expect(d.push([0x41, 0xf0, 0x9f])).toBe("A");
    expect(d.flush()).toBe("\uFFFD");
  });

  it("does not hold back invalid bytes forever", () => {
    const d = bytes.streamDecoder();
    let out = "";
    for (let i = 0; i < 40; i++) out += d.push([0x80]);
    expect(out.length).toBeGreaterThan(20);
    expect(out + d.flush()).toBe(bytes.decode(new Array<number>(40).fill(0x80)));
  });

  it("gives a first token that decodes differently alone its context (a SentencePiece-style leading space)", () => {
    // A decoder that drops the leading space of the whole text, as SentencePiece's Metaspace does.
    const vocab = ["▁Hello", "▁world", "!"];
    const d = new StreamDecoder((ids) => ids.map((i) => vocab[i]).join("").replace(/▁/g, " ").replace(/^ /, ""));
    expect([d.push([0]), d.push([1]), d.push([2]), d.flush()].join("")).toBe("Hello world!");
  });
});
