/**
 * The text side of `run`: which tokenizer (--tokenizer, else the one the decoder declares), prompts
 * from text (plain, or through the chat template), the EOS ids, and each request's text as it is
 * generated (runtime/text's GeneratedText: streaming decode and stop strings).
 */
import { resolve } from "node:path";
import { ChatTemplateError, TextTokenizer, TokenizerError } from "../../runtime/text/index.js";
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

/**
 * `--tokenizer DIR|byte` wins over the declared tokenizer (`byte` or an absolute folder); null when
 * neither names one. The tokenizer's ids must fit the decoder's vocabulary.
 */
export async function loadRunTokenizer(flag: string | undefined, declared: string | null, vocabSize: number, io: Io): Promise<TextTokenizer | null> {
  const which = flag !== undefined ? (flag === "byte" ? "byte" : resolve(io.cwd, flag)) : declared;
  if (which === null) return null;
  let tok: TextTokenizer;
  try {
    tok = which === "byte" ? TextTokenizer.byteLevel() : await TextTokenizer.load(which);
  } catch (e) {
    if (e instanceof TokenizerError) throw new RunTokenizerError(`${e.message}${flag === undefined ? " (the decoder's declared tokenizer; pass --tokenizer DIR to use another)" : ""}`);
    throw e;
  }
  if (tok.vocabSize > vocabSize) {
    throw new RunTokenizerError(`the tokenizer ${which === "byte" ? "byte" : which} has ${tok.vocabSize} ids but the decoder's vocabulary only ${vocabSize}: they do not belong together`);
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
