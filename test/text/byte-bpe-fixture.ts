// A small Hugging Face tokenizer folder for CPU tests: a byte-level BPE (GPT-2's byte-to-character map,
// no merges, so id b is the byte b) plus special tokens from id 256, a Qwen-style chat template and a
// generation_config.json. Real files in the real format, read by @huggingface/tokenizers like any
// other; small enough for a decoder with vocabulary 264.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const SPECIALS = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"] as const;
export const IM_START = 257;
export const IM_END = 258;

export const CHAT_TEMPLATE =
  "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}{% endfor %}" +
  "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

/** GPT-2's bytes_to_unicode: the printable character that stands for each byte in the vocabulary. */
function byteCharacters(): string[] {
  const printable: number[] = [];
  for (let b = 33; b <= 126; b++) printable.push(b);
  for (let b = 161; b <= 172; b++) printable.push(b);
  for (let b = 174; b <= 255; b++) printable.push(b);
  const chars = new Array<string>(256);
  for (const b of printable) chars[b] = String.fromCodePoint(b);
  let n = 0;
  for (let b = 0; b < 256; b++) if (chars[b] === undefined) chars[b] = String.fromCodePoint(256 + n++);
  return chars;
}

/** Writes tokenizer.json, tokenizer_config.json and generation_config.json (EOS `eos`) into `dir`. */
export function writeByteBpeTokenizer(dir: string, eos: readonly number[] = [IM_END]): string {
  mkdirSync(dir, { recursive: true });
  const vocab = Object.fromEntries(byteCharacters().map((c, b) => [c, b]));
  const tokenizer = {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: SPECIALS.map((content, i) => ({ id: 256 + i, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true })),
    normalizer: null,
    pre_tokenizer: { type: "ByteLevel", add_prefix_space: false, trim_offsets: true, use_regex: true },
    post_processor: null,
    decoder: { type: "ByteLevel", add_prefix_space: true, trim_offsets: true, use_regex: true },
    model: { type: "BPE", dropout: null, unk_token: null, continuing_subword_prefix: "", end_of_word_suffix: "", fuse_unk: false, byte_fallback: false, vocab, merges: [] },
  };
  writeFileSync(join(dir, "tokenizer.json"), JSON.stringify(tokenizer));
  writeFileSync(
    join(dir, "tokenizer_config.json"),
    JSON.stringify({ bos_token: null, eos_token: "<|im_end|>", pad_token: "<|endoftext|>", clean_up_tokenization_spaces: false, chat_template: CHAT_TEMPLATE }),
  );
  writeFileSync(join(dir, "generation_config.json"), JSON.stringify({ eos_token_id: eos.length === 1 ? eos[0] : eos }));
  return dir;
}
