// GeneratedText: the text of one request as the engine commits tokens (pushed with everything generated
// so far), streamed in final pieces, ended by a stop token (not part of the text) or a stop string (cut).
import { beforeAll, describe, expect, it } from "vitest";
import { GeneratedText, TextTokenizer } from "../../runtime/text/index.js";
import { QWEN3_DIR } from "./hf-models.js";

/** Pushes `ids` the way the engine reports them: a growing prefix, `step` tokens at a time. */
function feed(t: GeneratedText, ids: readonly number[], step: number): boolean {
  for (let n = step; n < ids.length + step; n += step) if (t.push(ids.slice(0, n))) return true;
  return false;
}

describe("GeneratedText", () => {
  let tok: TextTokenizer;
  beforeAll(async () => void (tok = await TextTokenizer.load(QWEN3_DIR)));

  it("streams pieces that add up to the text, special tokens left out", () => {
    const ids = tok.encode("<|im_start|>assistant\nHello 😀 世界!<|im_end|>");
    const pieces: string[] = [];
    const t = new GeneratedText(tok, { onText: (p) => pieces.push(p) });
    expect(feed(t, ids, 3)).toBe(false);
    expect(t.finish(ids)).toBe("assistant\nHello 😀 世界!");
    expect(pieces.join("")).toBe(t.text);
    expect(t.stopString).toBeNull();
  });

  it("ends at a stop token, which is not text, ignoring what follows it", () => {
    const ids = [...tok.encode("Hi there"), 151645, ...tok.encode(" more")];
    const t = new GeneratedText(tok, { stopTokenIds: [151645] });
    feed(t, ids, 2);
    expect(t.finish(ids)).toBe("Hi there");
  });

  it("ends at a stop string split across tokens, cut from the text; push says so", () => {
    const ids = tok.encode("The answer is 42.\n\nNext question");
    const t = new GeneratedText(tok, { stop: ["\n\n"] });
    expect(feed(t, ids, 1)).toBe(true);
    expect(t.finish(ids)).toBe("The answer is 42.");
    expect(t.stopString).toBe("\n\n");
  });

  it("tokenIds: through a stop token, up to the token that completed a stop string, whatever the step size", () => {
    const words = tok.encode("The answer is 42.\n\nNext question");
    const cut = words.findIndex((_, i) => tok.decode(words.slice(0, i + 1)).includes("\n\n"));
    expect(cut).toBeGreaterThan(0);
    for (const step of [1, 3, words.length]) {
      const t = new GeneratedText(tok, { stop: ["\n\n"] });
      feed(t, words, step);
      t.finish(words);
      expect(t.tokenIds, `step ${step}`).toEqual(words.slice(0, cut + 1));
    }
    const ids = [...tok.encode("Hi"), 151645, ...tok.encode(" more")];
    const e = new GeneratedText(tok, { stopTokenIds: [151645] });
    feed(e, ids, 4);
    e.finish(ids);
    expect(e.tokenIds).toEqual(ids.slice(0, ids.indexOf(151645) + 1));
    const all = new GeneratedText(tok);
    all.finish(words);
    expect(all.tokenIds).toEqual(words);
  });
});
