/**
 * Text in, text out: `TextTokenizer` turns text into the token ids a decoder reads and ids back into
 * text. Two kinds: a Hugging Face tokenizer folder (tokenizer.json through @huggingface/tokenizers,
 * tokenizer_config.json for the special tokens and chat template, generation_config.json for the EOS
 * ids), and the byte-level tokenizer of the tiny examples (one id per UTF-8 byte, vocabulary 256).
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { Tokenizer } from "@huggingface/tokenizers";
import { ChatTemplate, ChatTemplateError, type ChatMessage, type ChatTemplateOptions } from "./chat-template.js";
import { StreamDecoder } from "./stream-decoder.js";

export class TokenizerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TokenizerError";
  }
}

export interface EncodeOptions {
  /** Add the tokenizer's own special tokens (a BOS its post-processor adds). Default true. */
  readonly addSpecialTokens?: boolean;
}

export interface DecodeOptions {
  /** Leave out special tokens (`<|im_end|>`, `<|eot_id|>` ...). Default false. */
  readonly skipSpecialTokens?: boolean;
}

/** What a tokenizer kind implements; TextTokenizer adds templates, EOS ids and streaming on top. */
interface Codec {
  encode(text: string, addSpecialTokens: boolean): number[];
  decode(ids: readonly number[], skipSpecialTokens: boolean): string;
  /** One past the largest id. */
  readonly vocabSize: number;
  /** decode deletes spaces before punctuation (transformers' clean_up_tokenization_spaces). */
  readonly cleanUpSpaces: boolean;
}

/** The byte-level vocabulary: id `b` is the byte `b`; invalid UTF-8 decodes to U+FFFD. */
const byteCodec: Codec = {
  encode: (text) => [...new TextEncoder().encode(text)],
  decode: (ids) => new TextDecoder("utf-8", { fatal: false }).decode(Uint8Array.from(ids.filter((id) => Number.isInteger(id) && id >= 0 && id < 256))),
  vocabSize: 256,
  cleanUpSpaces: false,
};

/** The special tokens tokenizer_config.json names, as template variables (transformers' special_tokens_map). */
const SPECIAL_TOKEN_KEYS = ["bos_token", "eos_token", "unk_token", "sep_token", "pad_token", "cls_token", "mask_token"] as const;

export class TextTokenizer {
  private constructor(
    private readonly codec: Codec,
    /** `byte` or the folder it was loaded from. */
    readonly source: string,
    /** Ids that end generation by default (generation_config.json, else the tokenizer's eos_token). */
    readonly eosTokenIds: readonly number[],
    private readonly chatTemplate: ChatTemplate | null,
    private readonly specialTokens: Readonly<Record<string, string>>,
  ) {}

  /** The tiny examples' tokenizer: vocabulary 256, one id per UTF-8 byte, no special tokens. */
  static byteLevel(): TextTokenizer {
    return new TextTokenizer(byteCodec, "byte", [], null, {});
  }

  /** Loads a Hugging Face tokenizer folder; every problem is a TokenizerError naming the file. */
  static async load(dir: string): Promise<TextTokenizer> {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new TokenizerError(`${dir}: no such tokenizer folder`);
    const tokenizerFile = join(dir, "tokenizer.json");
    if (!existsSync(tokenizerFile)) {
      throw new TokenizerError(`${tokenizerFile}: not found (a Hugging Face tokenizer folder holds tokenizer.json, and usually tokenizer_config.json)`);
    }
    const tokenizerJson = readJsonObject(tokenizerFile);
    const configFile = join(dir, "tokenizer_config.json");
    const config = existsSync(configFile) ? readJsonObject(configFile) : {};
    let hf: Tokenizer;
    try {
      hf = new Tokenizer(tokenizerJson, config);
    } catch (e) {
      throw new TokenizerError(`${tokenizerFile}: not a tokenizer this runtime can load: ${(e as Error).message}`);
    }
    let vocabSize = 0;
    for (const id of hf.get_vocab(true).values()) vocabSize = Math.max(vocabSize, id + 1);
    const codec: Codec = {
      encode: (text, addSpecialTokens) => hf.encode(text, { add_special_tokens: addSpecialTokens }).ids,
      // The library refuses an empty list; ids it does not know decode to nothing.
      decode: (ids, skipSpecialTokens) => (ids.length === 0 ? "" : hf.decode([...ids], { skip_special_tokens: skipSpecialTokens })),
      vocabSize,
      // The library's default when tokenizer_config.json does not say.
      cleanUpSpaces: config.clean_up_tokenization_spaces !== false,
    };

    const specialTokens: Record<string, string> = {};
    for (const key of SPECIAL_TOKEN_KEYS) {
      const text = tokenText(config[key]);
      if (text !== null) specialTokens[key] = text;
    }
    const template = chatTemplateOf(dir, config, configFile);

    const generationFile = join(dir, "generation_config.json");
    let eos: number[] = [];
    const fromGeneration = existsSync(generationFile) ? readJsonObject(generationFile).eos_token_id : undefined;
    if (fromGeneration !== undefined && fromGeneration !== null) {
      const ids = Array.isArray(fromGeneration) ? fromGeneration : [fromGeneration];
      if (!ids.every((id) => Number.isInteger(id) && id >= 0)) throw new TokenizerError(`${generationFile}: eos_token_id must be a token id or a list of them`);
      eos = ids as number[];
    } else if (specialTokens.eos_token !== undefined) {
      const id = hf.token_to_id(specialTokens.eos_token);
      if (id !== undefined) eos = [id];
    }
    return new TextTokenizer(codec, dir, [...new Set(eos)], template, specialTokens);
  }

  /** One past the largest id this tokenizer produces (a decoder's vocabulary must be at least this). */
  get vocabSize(): number {
    return this.codec.vocabSize;
  }

  get hasChatTemplate(): boolean {
    return this.chatTemplate !== null;
  }

  encode(text: string, options: EncodeOptions = {}): number[] {
    return this.codec.encode(text, options.addSpecialTokens ?? true);
  }

  decode(ids: readonly number[], options: DecodeOptions = {}): string {
    return this.codec.decode(ids, options.skipSpecialTokens ?? false);
  }

  /** The prompt text of a conversation, rendered by the tokenizer's chat template. */
  applyChatTemplate(messages: readonly ChatMessage[], options: ChatTemplateOptions): string {
    if (!this.chatTemplate) {
      throw new ChatTemplateError(
        this.source === "byte" ? "the byte-level tokenizer has no chat template (drop --chat)" : `${this.source}: the tokenizer has no chat template (no chat_template in tokenizer_config.json, no chat_template.jinja)`,
      );
    }
    return this.chatTemplate.render(messages, options, this.specialTokens);
  }

  /** An incremental decoder: ids in as they are generated, text out without splitting a character. */
  streamDecoder(options: DecodeOptions = {}): StreamDecoder {
    const skip = options.skipSpecialTokens ?? false;
    return new StreamDecoder((ids) => this.codec.decode(ids, skip), { cleanUpSpaces: this.codec.cleanUpSpaces });
  }
}

function readJsonObject(file: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new TokenizerError(`${file}: not valid JSON (${(e as Error).message})`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new TokenizerError(`${file}: expected a JSON object`);
  return value as Record<string, unknown>;
}

/** A special token as tokenizer_config.json writes it: a string, or an AddedToken object `{ content }`. */
function tokenText(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "object" && value !== null && typeof (value as { content?: unknown }).content === "string") return (value as { content: string }).content;
  return null;
}

/**
 * tokenizer_config.json's `chat_template` (a string, or a list of named templates: the one named
 * "default"), else chat_template.jinja in the folder, else none.
 */
function chatTemplateOf(dir: string, config: Record<string, unknown>, configFile: string): ChatTemplate | null {
  const t = config.chat_template;
  try {
    if (typeof t === "string") return new ChatTemplate(t, configFile);
    if (Array.isArray(t)) {
      const named = t.find((x): x is { name: string; template: string } => typeof x?.template === "string" && x?.name === "default");
      if (named) return new ChatTemplate(named.template, configFile);
      throw new TokenizerError(`${configFile}: chat_template lists templates but none named "default"`);
    }
    if (t !== undefined && t !== null) throw new TokenizerError(`${configFile}: chat_template must be a string or a list of { name, template }`);
    const jinjaFile = join(dir, "chat_template.jinja");
    return existsSync(jinjaFile) ? new ChatTemplate(readFileSync(jinjaFile, "utf8"), jinjaFile) : null;
  } catch (e) {
    if (e instanceof ChatTemplateError) throw new TokenizerError(e.message);
    throw e;
  }
}
