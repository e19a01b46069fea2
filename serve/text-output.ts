/**
 * One request's output as text: token ids in as the engine commits them, text pieces out as soon as
 * they are final (the tokenizer's StreamDecoder, so a character split across tokens is never torn),
 * an EOS id ending the text (the id counts as generated, its text is not shown), and stop strings
 * (StopMatcher) cut from the text, ending it at the token that completed one.
 */
import { StopMatcher, type StreamDecoder, type TextTokenizer } from "../runtime/text/index.js";

/** What one push adds: the text that became final and the ids consumed. */
export interface OutputDelta {
  readonly text: string;
  readonly tokenIds: readonly number[];
}

export type OutputEnd = { readonly kind: "eos" } | { readonly kind: "stop-string"; readonly stop: string };

export class TextOutput {
  private readonly decoder: StreamDecoder;
  private readonly matcher: StopMatcher;
  private readonly eos: ReadonlySet<number>;
  /** The generated ids that make up the output (nothing after an EOS id or a stop string). */
  readonly tokenIds: number[] = [];
  text = "";
  /** Why the output ended before the engine's own limits, or null. */
  end: OutputEnd | null = null;

  get ended(): boolean {
    return this.end !== null;
  }

  /** The stop string that ended the output, or null. */
  get stopString(): string | null {
    return this.end?.kind === "stop-string" ? this.end.stop : null;
  }

  constructor(tokenizer: TextTokenizer, stop: readonly string[], eosTokenIds: readonly number[]) {
    // Special tokens are not text a client wants (`<|im_end|>` ...), as OpenAI-style servers do.
    this.decoder = tokenizer.streamDecoder({ skipSpecialTokens: true });
    this.matcher = new StopMatcher(stop);
    this.eos = new Set(eosTokenIds);
  }

  push(tokens: readonly number[]): OutputDelta {
    let text = "";
    const ids: number[] = [];
    for (const t of tokens) {
      if (this.end) break;
      ids.push(t);
      if (this.eos.has(t)) {
        this.end = { kind: "eos" };
        break;
      }
      const piece = this.decoder.push([t]);
      if (piece === "") continue;
      const m = this.matcher.push(piece);
      text += m.text;
      if (m.stop !== null) this.end = { kind: "stop-string", stop: m.stop };
    }
    return this.record(text, ids);
  }

  /** The text held back (an unfinished character, a possible start of a stop string), at the end. */
  finish(): OutputDelta {
    if (this.end?.kind === "stop-string") return this.record("", []);
    const m = this.matcher.push(this.decoder.flush());
    if (m.stop !== null) {
      this.end = { kind: "stop-string", stop: m.stop };
      return this.record(m.text, []);
    }
    return this.record(m.text + this.matcher.flush(), []);
  }

  private record(text: string, ids: readonly number[]): OutputDelta {
    this.text += text;
    this.tokenIds.push(...ids);
    return { text, tokenIds: ids };
  }
}
