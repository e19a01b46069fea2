/**
 * The text of one request as it is generated: token ids in (everything generated so far, after each
 * engine step), text pieces out as soon as they are final, a stop string ending the request. It chains
 * the tokenizer's StreamDecoder and a StopMatcher; `run` and a server use it the same way: `push` from
 * the engine's `stopWhen` (its answer ends the request), `finish` with the request's final tokens.
 */
import { StopMatcher } from "./stop-matcher.js";
import type { StreamDecoder } from "./stream-decoder.js";
import type { TextTokenizer } from "./tokenizer.js";

export interface GeneratedTextOptions {
  /** Stop strings: the text ends before the first one that appears (it is cut, as OpenAI does). */
  readonly stop?: readonly string[];
  /** Stop token ids (EOS): such a token ends the text and is not part of it. */
  readonly stopTokenIds?: readonly number[];
  /** Leave special tokens out of the text (default true, as OpenAI-style servers do). */
  readonly skipSpecialTokens?: boolean;
  /** Called with each piece of text as it becomes final (streaming). */
  readonly onText?: (piece: string) => void;
}

export class GeneratedText {
  private readonly decoder: StreamDecoder;
  private readonly matcher: StopMatcher;
  private readonly stopIds: ReadonlySet<number>;
  /** Ids passed to the decoder so far. */
  private consumed = 0;
  private ended = false;
  /** The text so far (the whole text after `finish`). */
  text = "";

  constructor(
    tokenizer: TextTokenizer,
    private readonly options: GeneratedTextOptions = {},
  ) {
    this.decoder = tokenizer.streamDecoder({ skipSpecialTokens: options.skipSpecialTokens ?? true });
    this.matcher = new StopMatcher(options.stop ?? []);
    this.stopIds = new Set(options.stopTokenIds ?? []);
  }

  /** The stop string that ended the text, or null. */
  get stopString(): string | null {
    return this.matcher.stop;
  }

  /**
   * Every id generated so far (a prefix of it was pushed before); returns true once a stop string has
   * appeared: the request should end. Ids from a stop token on are not text.
   */
  push(generated: readonly number[]): boolean {
    if (this.ended || this.matcher.done) return this.matcher.done;
    let end = generated.length;
    for (let i = this.consumed; i < generated.length; i++) {
      if (this.stopIds.has(generated[i])) {
        end = i;
        this.ended = true;
        break;
      }
    }
    if (end > this.consumed) {
      this.emit(this.decoder.push(generated.slice(this.consumed, end)));
      this.consumed = end;
    }
    return this.matcher.done;
  }

  /** The request's final tokens (its result); emits what was held back and returns the whole text. */
  finish(tokens: readonly number[]): string {
    this.push(tokens);
    this.ended = true;
    if (!this.matcher.done) this.emit(this.decoder.flush());
    if (!this.matcher.done) this.emitRaw(this.matcher.flush());
    return this.text;
  }

  private emit(piece: string): void {
    if (piece === "" || this.matcher.done) return;
    this.emitRaw(this.matcher.push(piece).text);
  }

  private emitRaw(piece: string): void {
    if (piece === "") return;
    this.text += piece;
    this.options.onText?.(piece);
  }
}
