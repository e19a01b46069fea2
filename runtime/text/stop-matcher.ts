/**
 * Stop strings at the text level, across token boundaries (OpenAI's `stop`): text arrives in pieces,
 * the matcher passes on what can no longer be the start of a stop string and holds back the rest; when
 * a stop string appears, the text before it is the last output and the stop string itself is cut.
 */
export interface StopMatch {
  /** Text safe to emit now. */
  readonly text: string;
  /** The stop string that ended the text, or null while none has appeared. */
  readonly stop: string | null;
}

export class StopMatcher {
  private held = "";
  private stopped: string | null = null;
  private readonly stops: readonly string[];

  constructor(stops: readonly string[]) {
    if (stops.some((s) => s.length === 0)) throw new RangeError("a stop string must not be empty");
    this.stops = [...new Set(stops)];
  }

  /** Whether a stop string has appeared (everything after it is ignored). */
  get done(): boolean {
    return this.stopped !== null;
  }

  /** The stop string that appeared, or null. */
  get stop(): string | null {
    return this.stopped;
  }

  push(piece: string): StopMatch {
    if (this.stopped !== null) return { text: "", stop: this.stopped };
    const text = this.held + piece;
    // The earliest stop string wins (ties: the first listed), as a user reading the text would see it.
    let at = -1;
    let which: string | null = null;
    for (const s of this.stops) {
      const i = text.indexOf(s);
      if (i >= 0 && (at < 0 || i < at)) [at, which] = [i, s];
    }
    if (which !== null) {
      this.stopped = which;
      this.held = "";
      return { text: text.slice(0, at), stop: which };
    }
    const keep = this.partialSuffix(text);
    this.held = text.slice(text.length - keep);
    return { text: text.slice(0, text.length - keep), stop: null };
  }

  /** The held-back text when the output ends without a stop string. */
  flush(): string {
    const rest = this.stopped === null ? this.held : "";
    this.held = "";
    return rest;
  }

  /** Length of the longest suffix of `text` that is a proper prefix of some stop string. */
  private partialSuffix(text: string): number {
    let best = 0;
    for (const s of this.stops) {
      for (let n = Math.min(s.length - 1, text.length); n > best; n--) {
        if (text.endsWith(s.slice(0, n))) {
          best = n;
          break;
        }
      }
    }
    return best;
  }
}
