/**
 * Progress of long work on stderr (`run`, `compile`): one line, redrawn in place, only when stderr is a
 * terminal (the Io has `progress`) and not with --quiet; nothing at all when piped, so logs and
 * scripts see none of it. The formatting is a pure function, tested on its own.
 */
import type { Io } from "./io.js";

export interface DecodeProgress {
  readonly step: number;
  /** Tokens generated so far, every request together. */
  readonly tokens: number;
  readonly seconds: number;
  /** Mean tokens committed per decode step so far (τ); null before the first decode step. */
  readonly tau: number | null;
  readonly finished: number;
  readonly requests: number;
}

/** `step 12 · 40 tokens · 85.3 tok/s · τ 2.50 · 1/2 done` */
export function formatDecodeProgress(p: DecodeProgress): string {
  const rate = p.seconds > 0 ? `${(p.tokens / p.seconds).toFixed(1)} tok/s` : "- tok/s";
  const tau = p.tau === null ? "τ -" : `τ ${p.tau.toFixed(2)}`;
  return `step ${p.step} · ${p.tokens} tokens · ${rate} · ${tau} · ${p.finished}/${p.requests} done`;
}

/** `compiling tiny_dflash: stablehlo 12/40` */
export function formatCompileProgress(name: string, stage: string, done: number, total: number): string {
  return `compiling ${name}: ${stage} ${done}/${total}`;
}

/** Draws lines through the Io's progress, at most ~10 a second; `done` clears the line. */
export class ProgressLine {
  private last = 0;
  private drawn = false;

  constructor(
    private readonly io: Io,
    private readonly enabled: boolean,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Whether anything will be drawn (a terminal, not --quiet). */
  get active(): boolean {
    return this.enabled && this.io.progress !== undefined;
  }

  update(line: () => string): void {
    if (!this.active) return;
    const t = this.now();
    if (this.drawn && t - this.last < 100) return;
    this.last = t;
    this.drawn = true;
    this.io.progress!(line());
  }

  done(): void {
    if (this.drawn) this.io.progress!("");
    this.drawn = false;
  }
}
