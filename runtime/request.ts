/**
 * Per-request host state and the state-sync invariant (docs/kernels.md, "Host-side state after a step"): after every step,
 * for every live request, `kvLen == draftCtxLen == committed - 1`. A step advances every length by
 * `a + 1` — the accepted drafts plus the bonus — never by the block size.
 */
import { type BlockTable } from "./pages.js";

export class StateSyncError extends Error {
  constructor(
    readonly requestId: string,
    message: string,
  ) {
    super(`request ${requestId}: ${message}`);
    this.name = "StateSyncError";
  }
}

export type Phase = "waiting" | "prefilling" | "decoding" | "finished";
/** `cancelled`: the caller cancelled the request (`RequestHandle.cancel()`). */
export type FinishReason = "stop" | "length" | "max_context" | "capacity" | "cancelled";

export interface RequestStats {
  /** Decode steps taken. */
  readonly steps: number;
  /** Prefill calls the request took part in (chunks and recomputes included). */
  readonly prefillCalls: number;
  /** τ: mean tokens committed per decode step, the bonus included (`mean(a + 1)`); 0 before any step. */
  readonly tau: number;
  /** `a` of every decode step, in order. */
  readonly acceptedLengths: readonly number[];
  /** Per block position `i = 1..K-1`: fraction of steps whose draft was accepted through `i` (`a >= i`). */
  readonly acceptance: readonly number[];
  readonly preemptions: number;
}

export class RequestState {
  phase: Phase = "waiting";
  /** Committed tokens: the prompt, then every generated token. */
  readonly tokens: number[];
  /** Valid target-KV rows (positions `0..kvLen-1`). */
  kvLen = 0;
  /** Valid draft-context rows. */
  draftCtxLen = 0;
  /** Tokens of `tokens` that prefill must put in the caches (the prompt; after preemption, all but the last). */
  prefillTarget: number;
  /** A sampling request (temperature > 0): prefill always stops one token short (see holdLastToken). */
  sampling = false;
  finishReason: FinishReason | null = null;
  /** Request slot (its row of the device state `seq_state`) while admitted, else -1. */
  slot = -1;
  /** Draft slot (static layout: the request slot) or -1. */
  draftSlot = -1;
  readonly table: BlockTable;
  readonly draftTable: BlockTable | null;
  steps = 0;
  prefillCalls = 0;
  preemptions = 0;
  readonly acceptedLengths: number[] = [];
  /** `acceptedHistogram[a]`: steps that accepted exactly `a` drafts. */
  readonly acceptedHistogram: number[];

  constructor(
    /** Dense index, the owner id in page pools. */
    readonly uid: number,
    readonly id: string,
    readonly prompt: readonly number[],
    readonly maxNewTokens: number,
    readonly stopTokens: ReadonlySet<number>,
    /** Whether decode steps keep the draft cache in sync (false: target-only decoding). */
    readonly usesDraft: boolean,
    readonly blockSize: number,
    table: BlockTable,
    draftTable: BlockTable | null,
  ) {
    this.tokens = [...prompt];
    this.prefillTarget = prompt.length;
    this.table = table;
    this.draftTable = draftTable;
    this.acceptedHistogram = new Array<number>(blockSize).fill(0);
  }

  /** Tokens generated so far (may pass `maxNewTokens` inside the last step; the result is cut). */
  get generated(): number {
    return this.tokens.length - this.prompt.length;
  }

  /**
   * Makes this a sampling request: it never takes prefill's greedy next token. Prefill writes every
   * committed token but the last (none for a one-token prompt) and the first decode step samples the
   * next token from the last one (docs/kernels.md, "The first token of a sampling request"). Call
   * before the request is submitted.
   */
  holdLastToken(): void {
    this.sampling = true;
    this.prefillTarget = this.tokens.length - 1;
  }

  /** Prefill rows still to write. */
  get prefillRemaining(): number {
    return this.prefillTarget - this.kvLen;
  }

  /** A prefill chunk of `rows` tokens was written to both caches; `next` is the target's next token when the chunk ends the prefill. */
  applyPrefill(rows: number, next: number | null): void {
    this.kvLen += rows;
    this.draftCtxLen += rows;
    this.prefillCalls++;
    if (this.kvLen > this.prefillTarget) throw new StateSyncError(this.id, `prefill wrote ${this.kvLen} rows, only ${this.prefillTarget} to write`);
    if (this.kvLen === this.prefillTarget) {
      // A fresh prefill commits its first token; a recompute after preemption already has it.
      if (this.tokens.length === this.prefillTarget) {
        if (next === null) throw new StateSyncError(this.id, "prefill finished without a next token");
        this.tokens.push(next);
      }
      this.phase = "decoding";
    }
  }

  /**
   * A speculative step accepted `a` drafts: commit `t[0..a]` (`targetTokens[offset..offset+a]`) and
   * advance both caches by `a + 1`.
   */
  applyStep(a: number, targetTokens: ArrayLike<number>, offset: number): void {
    if (!(a >= 0 && a < this.blockSize)) throw new StateSyncError(this.id, `accepted length ${a} outside 0..${this.blockSize - 1}`);
    for (let i = 0; i <= a; i++) this.tokens.push(targetTokens[offset + i]);
    this.kvLen += a + 1;
    if (this.usesDraft) this.draftCtxLen += a + 1;
    this.steps++;
    this.acceptedLengths.push(a);
    this.acceptedHistogram[a]++;
  }

  /** A target-only step: one token, one KV row; the draft cache is not advanced (not used). */
  applyTargetStep(next: number): void {
    this.tokens.push(next);
    this.kvLen += 1;
    this.steps++;
    this.acceptedLengths.push(0);
  }

  /** Back to the queue: caches dropped, everything committed kept and recomputed by prefill later. */
  resetForRecompute(): void {
    this.kvLen = 0;
    this.draftCtxLen = 0;
    this.prefillTarget = this.sampling || this.tokens.length > this.prompt.length ? this.tokens.length - 1 : this.prompt.length;
    this.phase = "waiting";
    this.preemptions++;
  }

  /** The invariant, checked after every step; throws StateSyncError naming the request. */
  assertSynced(): void {
    if (this.phase === "decoding") {
      const want = this.tokens.length - 1;
      if (this.kvLen !== want) this.fail(`kvLen ${this.kvLen} != committed - 1 = ${want}`);
      if (this.usesDraft && this.draftCtxLen !== want) this.fail(`draftCtxLen ${this.draftCtxLen} != committed - 1 = ${want}`);
      if (!this.usesDraft && this.draftCtxLen > this.kvLen) this.fail(`draftCtxLen ${this.draftCtxLen} > kvLen ${this.kvLen}`);
    } else if (this.phase === "prefilling") {
      if (this.kvLen !== this.draftCtxLen) this.fail(`prefill: kvLen ${this.kvLen} != draftCtxLen ${this.draftCtxLen}`);
      // (kvLen == prefillTarget == 0: a sampling request's one-token prompt, whose chunk has no rows.)
      if (this.kvLen > this.prefillTarget || (this.kvLen === this.prefillTarget && this.prefillTarget > 0)) {
        this.fail(`prefill: kvLen ${this.kvLen} but still prefilling ${this.prefillTarget}`);
      }
    } else if (this.phase === "waiting") {
      if (this.kvLen !== 0 || this.draftCtxLen !== 0) this.fail(`waiting with kvLen ${this.kvLen}, draftCtxLen ${this.draftCtxLen}`);
    }
    // Every valid row must have a page (the kernel reads them through the block table).
    if (this.phase !== "finished" && this.kvLen > this.table.capacity) this.fail(`kvLen ${this.kvLen} but pages for ${this.table.capacity} positions`);
  }

  private fail(msg: string): never {
    throw new StateSyncError(this.id, msg);
  }

  stats(): RequestStats {
    const steps = this.acceptedLengths.length;
    let sum = 0;
    for (const a of this.acceptedLengths) sum += a + 1;
    // Position i was accepted in every step with a >= i: a suffix sum of the histogram.
    const acceptance = new Array<number>(Math.max(0, this.blockSize - 1)).fill(0);
    let atLeast = 0;
    for (let i = this.blockSize - 1; i >= 1; i--) {
      atLeast += this.acceptedHistogram[i];
      acceptance[i - 1] = steps === 0 ? 0 : atLeast / steps;
    }
    return {
      steps,
      prefillCalls: this.prefillCalls,
      tau: steps === 0 ? 0 : sum / steps,
      acceptedLengths: [...this.acceptedLengths],
      acceptance,
      preemptions: this.preemptions,
    };
  }

  /** The generated tokens as returned: cut after a stop token, at `maxNewTokens` and at `maxContext`. */
  output(maxContext: number): number[] {
    const out: number[] = [];
    const limit = Math.min(this.maxNewTokens, maxContext - this.prompt.length);
    for (let i = this.prompt.length; i < this.tokens.length && out.length < limit; i++) {
      out.push(this.tokens[i]);
      if (this.stopTokens.has(this.tokens[i])) break;
    }
    return out;
  }

  /**
   * `output(maxContext).slice(from)` without rebuilding the prefix: the tokens to report after the
   * first `from` were reported (none once a reported token was a stop token).
   */
  outputFrom(from: number, maxContext: number): number[] {
    const start = this.prompt.length + from;
    if (from > 0 && this.stopTokens.has(this.tokens[start - 1])) return [];
    const end = Math.min(this.tokens.length, this.prompt.length + Math.min(this.maxNewTokens, maxContext - this.prompt.length));
    const out: number[] = [];
    for (let i = start; i < end; i++) {
      out.push(this.tokens[i]);
      if (this.stopTokens.has(this.tokens[i])) break;
    }
    return out;
  }

  /**
   * Why the request is done, or null to keep going. Only tokens from index `from` on are scanned for
   * stop tokens (the earlier ones were checked after earlier steps).
   */
  finishCheck(maxContext: number, from = this.prompt.length): FinishReason | null {
    const limit = this.prompt.length + Math.min(this.maxNewTokens, maxContext - this.prompt.length);
    const end = Math.min(this.tokens.length, limit);
    if (this.stopTokens.size > 0) for (let i = Math.max(from, this.prompt.length); i < end; i++) if (this.stopTokens.has(this.tokens[i])) return "stop";
    if (this.tokens.length >= limit) return this.generated >= this.maxNewTokens ? "length" : "max_context";
    return null;
  }

}
