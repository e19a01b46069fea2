/**
 * Continuous batching. Requests join and leave between steps. Each engine step asks the scheduler for
 * (1) the decoding requests of this step, every one with pages for the positions the step writes, and
 * (2) one ragged prefill call: chunks of admitted prompts, then newly admitted ones, packed up to the
 * largest token bucket (a long prompt takes several calls).
 *
 * Pages: a request is admitted only when the pool has pages for its whole prefill plus one decode
 * write, so prefill never waits for pages; a decode step that needs a new page and finds the pool
 * empty preempts the newest admitted request (its pages go back, it is recomputed by prefill later).
 * New requests wait in FIFO order while the pool is short. Nothing here crashes on exhaustion: a
 * request too large for the whole pool finishes with reason "capacity".
 *
 * Request slots: every admitted request holds a slot (its row of the device state `seq_state`; with a
 * static draft cache, its draft slot), from admission until it finishes or is preempted.
 *
 * A step in flight (`InFlight`: enqueued, results not yet read): its prefilling requests are not
 * scheduled again until its results are read, and each of its decoding requests may commit up to
 * `decodeWidth` more tokens, so the next step gives it pages for that worst case and leaves it out
 * when that step could already have reached its length (or, with `drainNearLimit`, drains first). A
 * step that would need a preemption is not scheduled (`scheduleDecode` returns null): the caller
 * drains the step in flight first.
 */
import { DraftSlots, draftCacheHost, newDraftTable, type DraftCacheHost } from "./draft-slots.js";
import type { DraftCache, PagedCache } from "../contract/manifest.js";
import { BlockTable, PagePool } from "./pages.js";
import { RequestState, type FinishReason } from "./request.js";

export interface SchedulerConfig {
  readonly targetCache: PagedCache;
  readonly draftCache: DraftCache | null;
  /** Requests admitted at once: min(maxRequests, largest decode request bucket). */
  readonly maxAdmitted: number;
  /** Positions one decode step writes past `kvLen`: K when speculative, 1 target-only. */
  readonly decodeWidth: number;
  readonly maxContext: number;
  /** Largest token bucket of prefill. */
  readonly prefillTokens: number;
  /** Most requests in one prefill call. */
  readonly prefillRequests: number;
  /**
   * With a step in flight, drain (scheduleDecode returns null) instead of leaving out a request that
   * may have reached its length in flight: with several cycles per call that worst case spans many
   * tokens, and leaving such requests out splits the batch into alternating halves, each its own call.
   */
  readonly drainNearLimit?: boolean;
  /** Request slots including the never-assigned slot 0 (default `maxAdmitted + 1`); a static draft cache's own slots when it has one. */
  readonly requestSlots?: number;
}

/** What the step in flight may still change (see the file comment). */
export interface InFlight {
  readonly prefilling: ReadonlySet<RequestState>;
  readonly decoding: ReadonlySet<RequestState>;
  /** Decode cycles of its decode call (1 but for a decode loop): each decoding request may commit `cycles * decodeWidth`. */
  readonly cycles?: number;
}

export interface PrefillChunk {
  readonly req: RequestState;
  /** First position written (= kvLen before the call). */
  readonly start: number;
  readonly rows: number;
  /** The chunk ends the request's prefill: its next token is read from this call. */
  readonly completes: boolean;
}

/** The empty report of a step without preemptions / finishes (never written: take* hands out fresh arrays otherwise). */
const NONE: readonly RequestState[] = Object.freeze([]);

export class Scheduler {
  readonly pool: PagePool;
  readonly draft: DraftCacheHost | null;
  /** Request slots (the static draft cache's slots when there is one). */
  readonly slots: DraftSlots;
  private readonly queue: RequestState[] = [];
  private readonly running: RequestState[] = [];
  private preempted: RequestState[] = [];
  private finished: RequestState[] = [];
  private uids = 0;

  constructor(readonly config: SchedulerConfig) {
    const t = config.targetCache;
    this.pool = new PagePool(t.numPages, t.pageSize, "target");
    this.draft = draftCacheHost(config.draftCache);
    this.slots = this.draft?.kind === "static" ? this.draft.slots : new DraftSlots(config.requestSlots ?? config.maxAdmitted + 1, 0);
  }

  /** A new request's host state (tables sized to the kernels' block-table widths). */
  newRequest(id: string, prompt: readonly number[], maxNewTokens: number, stop: ReadonlySet<number>, usesDraft: boolean, blockSize: number): RequestState {
    const t = this.config.targetCache;
    const table = new BlockTable(t.pagesPerRequest, t.pageSize);
    const dt = this.draft?.kind === "paged" ? newDraftTable(this.draft) : null;
    return new RequestState(this.uids++, id, prompt, maxNewTokens, stop, usesDraft, blockSize, table, dt);
  }

  /** Waiting requests, front first (preempted ones go back to the front). */
  get waiting(): readonly RequestState[] {
    return this.queue;
  }

  /** Prefilling and decoding requests, oldest admission first. */
  get admitted(): readonly RequestState[] {
    return this.running;
  }

  /** Requests preempted since the last `takePreempted()`, in order. */
  get preemptedLog(): readonly RequestState[] {
    return this.preempted;
  }

  /** Requests finished since the last `takeFinished()`, in order (finishUnsubmitted's are not here). */
  get finishedLog(): readonly RequestState[] {
    return this.finished;
  }

  /** The requests preempted since the last call (the step's report), oldest first; the log starts over. */
  takePreempted(): readonly RequestState[] {
    if (this.preempted.length === 0) return NONE;
    const out = this.preempted;
    this.preempted = [];
    return out;
  }

  /** The requests finished since the last call (the step's report), in finishing order; the log starts over. */
  takeFinished(): readonly RequestState[] {
    if (this.finished.length === 0) return NONE;
    const out = this.finished;
    this.finished = [];
    return out;
  }

  /** Takes the finished requests of `which` out of the log (those the caller settles itself); the rest stay for the step's report. */
  takeFinishedOf(which: ReadonlySet<RequestState>): readonly RequestState[] {
    if (which.size === 0) return NONE;
    const out = this.finished.filter((r) => which.has(r));
    this.finished = this.finished.filter((r) => !which.has(r));
    return out;
  }

  submit(r: RequestState): void {
    r.phase = "waiting";
    this.queue.push(r);
  }

  /**
   * Finishes a request that was never submitted (nothing to generate, e.g. `maxNewTokens` 0): it holds
   * no pages or slot, and it is not part of any step's report (not in `takeFinished()`).
   */
  finishUnsubmitted(r: RequestState, reason: FinishReason): void {
    if (r.phase !== "waiting" || this.queue.includes(r) || this.running.includes(r)) {
      throw new Error(`request ${r.id}: finishUnsubmitted on a ${r.phase === "waiting" ? "submitted" : r.phase} request`);
    }
    r.phase = "finished";
    r.finishReason = reason;
  }

  get idle(): boolean {
    return this.queue.length === 0 && this.running.length === 0;
  }

  /** Pages for positions `0..positions-1` in the target pool and a paged draft pool: all or nothing. */
  private ensurePages(r: RequestState, positions: number): boolean {
    const dt = r.draftTable;
    const draftPool = this.draft?.kind === "paged" ? this.draft.pool : null;
    if (r.table.missing(positions) > this.pool.freeCount) return false;
    if (dt && draftPool && dt.missing(positions) > draftPool.freeCount) return false;
    r.table.ensure(this.pool, positions, r.uid);
    if (dt && draftPool) dt.ensure(draftPool, positions, r.uid);
    return true;
  }

  /** Could the request's pages ever fit in an otherwise empty pool? */
  private fitsEmptyPool(r: RequestState, positions: number): boolean {
    const t = this.config.targetCache;
    const need = Math.ceil(positions / t.pageSize);
    if (need > this.pool.capacity) return false;
    if (this.draft?.kind === "paged" && need > this.draft.pool.capacity) return false;
    return true;
  }

  private releaseAll(r: RequestState): void {
    r.table.releaseAll(this.pool, r.uid);
    if (r.draftTable && this.draft?.kind === "paged") r.draftTable.releaseAll(this.draft.pool, r.uid);
    if (r.slot >= 0) {
      this.slots.release(r.slot, r.uid);
      r.slot = -1;
      r.draftSlot = -1;
    }
    const i = this.running.indexOf(r);
    if (i >= 0) this.running.splice(i, 1);
  }

  finish(r: RequestState, reason: FinishReason): void {
    if (r.phase === "waiting") {
      const i = this.queue.indexOf(r);
      if (i >= 0) this.queue.splice(i, 1);
    }
    this.releaseAll(r);
    r.phase = "finished";
    r.finishReason = reason;
    this.finished.push(r);
  }

  /** Frees a running request's pages and queues it, first in line, for recompute by prefill. */
  preempt(r: RequestState): void {
    this.releaseAll(r);
    r.resetForRecompute();
    this.queue.unshift(r);
    this.preempted.push(r);
  }

  /**
   * This step's decoding requests, in admission order, each holding pages for every position the
   * step writes (`kvLen .. kvLen + decodeWidth - 1`). When the pool runs short the newest admitted
   * request is preempted, possibly the one being served. With a step in flight, positions count its
   * worst case too, and a shortage returns null instead of preempting (drain first).
   */
  scheduleDecode(inFlight?: InFlight): RequestState[] | null {
    const batch: RequestState[] = [];
    const width = this.config.decodeWidth;
    for (let i = 0; i < this.running.length; i++) {
      const r = this.running[i];
      if (r.phase !== "decoding") continue;
      if (inFlight) {
        if (inFlight.prefilling.has(r)) continue;
        const ahead = this.aheadOf(r, inFlight);
        // The step in flight may have reached the length: wait for its results.
        if (ahead > 0 && r.tokens.length + ahead >= this.limitOf(r)) {
          if (this.config.drainNearLimit) return null;
          continue;
        }
        if (!this.ensurePages(r, r.kvLen + ahead + width)) return null;
        if (r.usesDraft && this.draft?.kind === "static") this.draft.slots.assertFits(r.kvLen + ahead, width, r.id);
        batch.push(r);
        continue;
      }
      const positions = r.kvLen + width;
      let ok = this.ensurePages(r, positions);
      while (!ok) {
        const victim = this.running[this.running.length - 1];
        if (victim === r) {
          if (this.running.length === 1 && !this.fitsEmptyPool(r, positions)) this.finish(r, "capacity");
          else this.preempt(r);
          break;
        }
        this.preempt(victim);
        ok = this.ensurePages(r, positions);
      }
      if (ok) {
        if (r.usesDraft && this.draft?.kind === "static") this.draft.slots.assertFits(r.kvLen, width, r.id);
        batch.push(r);
      }
    }
    return batch;
  }

  /** Positions the step in flight may still write for `r` past its `kvLen` (its worst case). */
  private aheadOf(r: RequestState, inFlight: InFlight | undefined): number {
    return inFlight?.decoding.has(r) ? this.config.decodeWidth * (inFlight.cycles ?? 1) : 0;
  }

  /**
   * The most decode cycles of `choices` (ascending, 1 first) that `batch` (from scheduleDecode, so
   * holding pages for one cycle) can run in one call: every request gets pages for `C * decodeWidth`
   * positions past what the step in flight may write, from free pages, within its block table and its
   * static draft slot; otherwise the next smaller C. Allocates the pages of the C it returns.
   */
  pickCycles(batch: readonly RequestState[], choices: readonly number[], inFlight?: InFlight): number {
    const width = this.config.decodeWidth;
    const draftPool = this.draft?.kind === "paged" ? this.draft.pool : null;
    const staticSlots = this.draft?.kind === "static" ? this.draft.slots : null;
    for (const c of [...choices].reverse()) {
      if (c === 1) return 1;
      let target = 0;
      let draft = 0;
      const fits = batch.every((r) => {
        const start = r.kvLen + this.aheadOf(r, inFlight);
        const positions = start + c * width;
        if (positions > r.table.width * r.table.pageSize) return false;
        if (r.draftTable && positions > r.draftTable.width * r.draftTable.pageSize) return false;
        if (r.usesDraft && staticSlots && positions > staticSlots.capacity) return false;
        target += r.table.missing(positions);
        if (r.draftTable) draft += r.draftTable.missing(positions);
        return true;
      });
      if (!fits || target > this.pool.freeCount || (draftPool && draft > draftPool.freeCount)) continue;
      for (const r of batch) this.ensurePages(r, r.kvLen + this.aheadOf(r, inFlight) + c * width);
      return c;
    }
    return 1;
  }

  /** Committed tokens at which the request is done by length (`maxNewTokens` or `maxContext`). */
  private limitOf(r: RequestState): number {
    return r.prompt.length + Math.min(r.maxNewTokens, this.config.maxContext - r.prompt.length);
  }

  /** Admits the front waiting request if a slot and pages for its whole prefill plus one decode write are free. */
  private admit(r: RequestState): boolean {
    if (this.running.length >= this.config.maxAdmitted) return false;
    const positions = r.prefillTarget + this.config.decodeWidth;
    if (this.slots.freeCount === 0) return false;
    if (!this.ensurePages(r, positions)) return false;
    r.slot = this.slots.acquire(r.uid);
    if (this.draft?.kind === "static") r.draftSlot = r.slot;
    this.queue.shift();
    this.running.push(r);
    r.phase = "prefilling";
    return true;
  }

  /** One ragged prefill call: chunks of admitted prompts first (not those prefilling in flight), then newly admitted requests. */
  schedulePrefill(inFlight?: InFlight): PrefillChunk[] {
    const chunks: PrefillChunk[] = [];
    let budget = this.config.prefillTokens;
    const take = (r: RequestState) => {
      const rows = Math.min(r.prefillRemaining, budget);
      budget -= rows;
      chunks.push({ req: r, start: r.kvLen, rows, completes: rows === r.prefillRemaining });
    };
    for (const r of this.running) {
      if (budget === 0 || chunks.length === this.config.prefillRequests) return chunks;
      if (r.phase === "prefilling" && !inFlight?.prefilling.has(r)) take(r);
    }
    while (this.queue.length > 0 && budget > 0 && chunks.length < this.config.prefillRequests) {
      const r = this.queue[0];
      if (!this.admit(r)) {
        // Never admissible, even into an empty pool: finish it rather than block the queue forever.
        if (this.running.length === 0 && !this.fitsEmptyPool(r, r.prefillTarget + this.config.decodeWidth)) {
          this.finish(r, "capacity");
          continue;
        }
        break;
      }
      take(r);
    }
    return chunks;
  }
}
