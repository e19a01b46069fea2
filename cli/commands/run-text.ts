/**
 * The text side of `run` (the tokenizer resolution `serve` shares): which tokenizer (--tokenizer,
 * else the one the decoder declares, else bytes for a 256-token vocabulary), prompts
 * from text (plain, or through the chat template), the EOS ids, and each request's text as it is
 * generated (runtime/text's GeneratedText: streaming decode and stop strings).
 */
import { resolve } from "node:path";
import type { GenerateResult, StepEvent } from "../../runtime/engine.js";
import { ChatTemplateError, GeneratedText, TextTokenizer, TokenizerError } from "../../runtime/text/index.js";
import type { Io } from "./io.js";

/** The diagnostic codes of the text side of `run`. */
export type RunTextErrorCode = "tokenizer" | "chat-template";

/** A tokenizer `run` cannot use, or a chat template that fails: the message names the file or the flag (exit 2). */
export class RunTokenizerError extends Error {
  constructor(
    message: string,
    readonly code: RunTextErrorCode = "tokenizer",
  ) {
    super(message);
    this.name = "RunTokenizerError";
  }
}

/** The byte-level tokenizer's vocabulary: a decoder of exactly this size that declares no tokenizer speaks bytes. */
export const BYTE_VOCAB = 256;

/** What the tokenizer is resolved for: the decoder's name, vocabulary and declared tokenizer (run-input.ts). */
export interface TokenizerTarget {
  readonly name: string;
  readonly vocabSize: number;
  /** `byte`, an absolute tokenizer folder, or null when the decoder declares none. */
  readonly tokenizer: string | null;
}

/**
 * The tokenizer of `run` and `serve`: `--tokenizer DIR|byte` wins over the one the decoder declares;
 * a decoder that declares none gets the byte-level tokenizer when its vocabulary is exactly the 256
 * byte values, else there is none to use. The tokenizer's ids must fit the decoder's vocabulary.
 */
export async function resolveTokenizer(flag: string | undefined, decoder: TokenizerTarget, io: Io): Promise<TextTokenizer> {
  const which = flag !== undefined ? (flag === "byte" ? "byte" : resolve(io.cwd, flag)) : (decoder.tokenizer ?? (decoder.vocabSize === BYTE_VOCAB ? "byte" : null));
  if (which === null) {
    throw new RunTokenizerError(
      `${decoder.name} declares no tokenizer and its vocabulary of ${decoder.vocabSize} tokens is not the ${BYTE_VOCAB} bytes: ` +
        `add tokenizer: "byte" or a Hugging Face tokenizer folder to its declaration, or pass --tokenizer DIR`,
    );
  }
  let tok: TextTokenizer;
  try {
    tok = which === "byte" ? TextTokenizer.byteLevel() : await TextTokenizer.load(which);
  } catch (e) {
    const declared = flag === undefined && decoder.tokenizer !== null;
    if (e instanceof TokenizerError) throw new RunTokenizerError(`${e.message}${declared ? " (the decoder's declared tokenizer; pass --tokenizer DIR to use another)" : ""}`);
    throw e;
  }
  if (tok.vocabSize > decoder.vocabSize) {
    throw new RunTokenizerError(`the tokenizer ${which} has ${tok.vocabSize} ids but ${decoder.name}'s vocabulary only ${decoder.vocabSize}: they do not belong together`);
  }
  return tok;
}

/** Each `--prompt` as token ids: encoded as is, or as one user message through the chat template. */
export function encodePrompts(tok: TextTokenizer, prompts: readonly string[], chat: boolean): number[][] {
  return prompts.map((p) => {
    if (!chat) return tok.encode(p);
    let text: string;
    try {
      text = tok.applyChatTemplate([{ role: "user", content: p }], { addGenerationPrompt: true });
    } catch (e) {
      if (e instanceof ChatTemplateError) throw new RunTokenizerError(e.message, "chat-template");
      throw e;
    }
    // The template already holds the special tokens (BOS ...), as transformers' apply_chat_template(tokenize=True).
    return tok.encode(text, { addSpecialTokens: false });
  });
}

/** Each text request's GeneratedText, fed from the engine and printed as `run` promises. */
export class TextOutput {
  readonly texts: GeneratedText[];
  private readonly generated: number[][];
  private readonly finished = new Set<number>();

  constructor(
    tokenizer: TextTokenizer,
    private readonly prompts: readonly (readonly number[])[],
    stopTokenIds: readonly number[],
    stop: readonly string[],
    /** One request streams its text to stdout as it comes; several print each when done. */
    private readonly print: { readonly stream: boolean; readonly write: (s: string) => void; readonly label: (i: number, reason: string, text: string) => void } | null,
    private readonly limit: (promptLength: number) => number,
  ) {
    this.texts = prompts.map(() => new GeneratedText(tokenizer, { stop, stopTokenIds, ...(print?.stream ? { onText: print.write } : {}) }));
    this.generated = prompts.map(() => []);
  }

  /** The engine's stopWhen for request `i`: feeds its text, true once a stop string appeared. */
  stopWhen(i: number): (generated: readonly number[]) => boolean {
    return (generated) => this.texts[i].push(generated);
  }

  /** After each step: collects committed tokens and ends the text of every finished request. */
  onStep(e: StepEvent): void {
    for (const d of e.decoded) this.generated[Number(d.id)].push(...d.tokens);
    for (const p of e.prefilled) if (p.firstToken !== null) this.generated[Number(p.id)].push(p.firstToken);
    for (const f of e.finished) {
      const i = Number(f.id);
      this.end(i, this.generated[i].slice(0, this.limit(this.prompts[i].length)), f.reason);
    }
  }

  /** Requests the engine finished without a step (maxNewTokens 0) end with their result. */
  endAll(results: readonly GenerateResult[]): void {
    results.forEach((r, i) => this.end(i, r.tokens, r.finishReason));
  }

  private end(i: number, tokens: readonly number[], reason: string): void {
    if (this.finished.has(i)) return;
    this.finished.add(i);
    const text = this.texts[i].finish(tokens);
    if (this.print?.stream) this.print.write("\n");
    else this.print?.label(i, reason, text);
  }
}
