/**
 * The text of one request as it is generated: token ids in (everything generated so far, after each
 * engine step), text pieces out as soon as they are final, a stop string ending the request. It chains
 * the tokenizer's StreamDecoder and a StopMatcher; `run` and `serve` use it the same way: `push` from
 * the engine's `stopWhen` (its answer ends the request), `finish` with the request's final tokens.
 * Ids go in one at a time, so `tokenIds` can end exactly at the token that completed a stop string.
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
  /** A stop token was reached: nothing after it is looked at. */
  private stoppedByToken = false;
  private finished = false;
  /** The text so far (the whole text after `finish`). */
  text = "";
  /**
   * The generated ids the text stands for: through a stop token (it counts as generated), up to the
   * token that completed a stop string; nothing after either.
   */
  readonly tokenIds: number[] = [];

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

  /** Whether the text has ended before the request's own limits (a stop token or a stop string). */
  private get done(): boolean {
    return this.finished || this.stoppedByToken || this.matcher.done;
  }

  /**
   * Every id generated so far (a prefix of it was pushed before); returns true once a stop string has
   * appeared: the request should end. Ids from a stop token on are not text.
   */
  push(generated: readonly number[]): boolean {
    while (!this.done && this.tokenIds.length < generated.length) {
      const id = generated[this.tokenIds.length];
      this.tokenIds.push(id);
      if (this.stopIds.has(id)) this.stoppedByToken = true;
      else this.emit(this.decoder.push([id]));
    }
    return this.matcher.done;
  }

  /** The request's final tokens (its result); emits what was held back and returns the whole text. */
  finish(tokens: readonly number[]): string {
    this.push(tokens);
    if (!this.finished) {
      this.finished = true;
      this.emit(this.decoder.flush());
      if (!this.matcher.done) this.emitRaw(this.matcher.flush());
    }
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
