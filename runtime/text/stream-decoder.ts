/**
 * Incremental detokenization: ids arrive a few at a time (one engine step), text leaves as soon as it is
 * final, and the pieces add up to the full decode. Three things make a token's text not final yet:
 * - it ends in the middle of a character (a byte-level BPE token holding half of an emoji, a run of
 *   `<0xF0>` byte-fallback tokens): the text ends in U+FFFD until the rest arrives;
 * - its text depends on what precedes it (SentencePiece drops the leading space of a first token): the
 *   decoder re-decodes a window that starts one token before the new ids and emits only what is past
 *   the text already emitted from that window;
 * - the tokenizer's clean-up (`clean_up_tokenization_spaces`) deletes a space before `.`, `,`, `n't` ...
 *   once the rest shows up: a final space followed by what may still become such a suffix is held back.
 */

/** Decodes a whole id sequence (the tokenizer's own decode, with its options bound). */
export type DecodeIds = (ids: readonly number[]) => string;

/**
 * Ids pushed in a row without any text coming out before the held text is emitted whatever it ends
 * with: a UTF-8 character is at most 4 bytes, so a longer unfinished tail means invalid bytes (emitted
 * as U+FFFD), not a character to come.
 */
const MAX_SILENT_IDS = 8;
/** A window longer than this is emitted whole, so that re-decoding it stays cheap. */
const MAX_WINDOW = 256;
/**
 * What may follow a final space and still grow into a suffix the clean-up rewrites (` .`, ` ?`, ` !`,
 * ` ,`, ` ' `, ` n't`, ` 'm`, ` 's`, ` 've`, ` 're`: transformers' clean_up_tokenization).
 */
const CLEANUP_PREFIXES = new Set(["", "'", "n", "n'", "'v", "'r"]);

export interface StreamDecoderOptions {
  /** The decode function applies transformers' clean-up of spaces before punctuation. */
  readonly cleanUpSpaces?: boolean;
}

export class StreamDecoder {
  private readonly ids: number[] = [];
  /** The window: ids from here on are re-decoded on every push. */
  private windowStart = 0;
  /** Characters of the window's text already emitted. */
  private emitted = 0;
  /** Ids pushed since text last came out. */
  private silentIds = 0;

  constructor(
    private readonly decode: DecodeIds,
    private readonly options: StreamDecoderOptions = {},
  ) {}

  /** Adds ids; returns the text that became final (possibly ""). */
  push(ids: Iterable<number>): string {
    for (const id of ids) {
      this.ids.push(id);
      this.silentIds++;
    }
    return this.emit(false);
  }

  /** Everything still held back (an unfinished character comes out as U+FFFD). */
  flush(): string {
    return this.emit(true);
  }

  private emit(force: boolean): string {
    const text = this.decode(this.ids.slice(this.windowStart));
    let end = text.length;
    if (!force && this.silentIds < MAX_SILENT_IDS && this.ids.length - this.windowStart < MAX_WINDOW) {
      while (end > 0 && text[end - 1] === "\uFFFD") end--;
      const space = text.lastIndexOf(" ", end - 1);
      if (this.options.cleanUpSpaces && space >= 0 && CLEANUP_PREFIXES.has(text.slice(space + 1, end))) end = space;
    }
    const out = end > this.emitted ? text.slice(this.emitted, end) : "";
    this.emitted = Math.max(this.emitted, end);
    if (out !== "") this.silentIds = 0;
    if (this.emitted >= text.length && this.ids.length > 0) {
      // All emitted: the next window starts at the last id, which gives the new ids their context.
      this.windowStart = this.ids.length - 1;
      this.emitted = this.decode(this.ids.slice(this.windowStart)).length;
    }
    return out;
  }
}
