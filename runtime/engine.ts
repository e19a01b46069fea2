/**
 * The engine: the host loop that drives a backend through the manifest's kernels. Every step it
 * schedules (continuous batching), pads every input to a bucket of the manifest, runs at most one
 * prefill call and one decode call, applies `a + 1` to every request, and asserts the state-sync
 * invariant for every live request.
 *
 * Online API: `submit` queues a request and returns a handle (its result, a cancel); the loop runs
 * while there is work, takes new requests and cancellations between steps, streams each step's
 * committed tokens to the request's sink, and ends when there is nothing left (no timers, no
 * spinning); the next `submit` starts it again. `generate` is `submit` for a list of requests.
 *
 * Decode paths: `decode_step` (draft + verify fused, the normal path), `split` (the `draft` kernel,
 * then `verify`), forced drafts (the host supplies the drafts, `verify` checks them: tests reach every
 * accepted length this way), and target-only (`target_step`, one token per step: the baseline).
 *
 * Cycles per call: with `decode_loop_c<C>` kernels in the manifest (`cyclesPerDispatch`), the fused
 * greedy path runs up to C draft → verify → commit cycles in one call. Each step takes the largest C
 * (at most `EngineOptions.cyclesPerDispatch`) for which every request of the batch gets pages for
 * C*K more positions past what the step in flight may still write, from free pages, within its block
 * table and static draft slot, and has at most the kernel's stop-id width of stop tokens; else 1.
 * The kernel stops a request at a stop token or its budget (tokens it may still commit as the host
 * knows it) and the whole loop once every request has; the host applies each cycle in order, checks
 * the invariant after each, and drops the cycles after a finish (docs/kernels.md, "decode_loop_c<C>").
 *
 * Sampling (temperature > 0, a decoder compiled with verify "sampling"): a step whose batch holds a
 * sampling request runs the `_sample` twin of its kernel for the whole batch (greedy rows pass
 * temperature 0 and get exactly the greedy tokens), with per-request uniforms from the stream
 * `(seed, stream index)` (runtime/sampling.ts; the index is the request's position in a `generate`
 * call, 0 for `submit`). A sampling request is prefilled without its last prompt token, which its
 * first decode step samples from (docs/kernels.md, "Sampling").
 *
 * The public request and engine types and the errors are defined in runtime/engine-types.ts and
 * re-exported here; building and issuing the kernel calls (input buffers, padding, the acceptance
 * check) is runtime/kernel-calls.ts. This file is the loop: submit, cancel, close, metrics, the
 * launch and completion of pipelined steps, and reporting.
 */
import { assertWeights, type Backend, type Weights } from "./backend.js";
import { KernelTable } from "./buckets.js";
import { decodeLoopCycles, type KernelName, type Manifest } from "../contract/manifest.js";
import {
  EngineClosedError,
  EngineError,
  QueueFullError,
  RequestError,
  type EngineOptions,
  type GenerateRequest,
  type GenerateResult,
  type KernelCall,
  type RequestHandle,
  type StepEvent,
  type TokenSink,
} from "./engine-types.js";
import { KernelCalls, type DecodeResult } from "./kernel-calls.js";
import { MetricsCounters, type EngineMetrics } from "./metrics.js";
import { type FinishReason, type RequestState } from "./request.js";
import { Scheduler, type InFlight, type PrefillChunk } from "./scheduler.js";
import { isSampling, samplingParams, SamplingError, UniformStream, type SamplingParams, type SamplingRow } from "./sampling.js";

// The public types and errors live in engine-types.ts; importers reach them through this module.
export type { DraftProvider, EngineOptions, GenerateRequest, GenerateResult, KernelCall, RequestHandle, StepEvent, TokenSink } from "./engine-types.js";
export { EngineClosedError, EngineError, QueueFullError, RequestError } from "./engine-types.js";

/** Steps in a row without a kernel call before the loop calls it a bug instead of spinning. */
const MAX_IDLE_STEPS = 64;

const DEFAULT_MAX_QUEUED = 1024;

/** A function, not an inline test: TypeScript would keep a narrowing of `phase` across the calls that finish it. */
const isFinished = (r: RequestState) => r.phase === "finished";

/** Lets I/O callbacks (new submissions, cancels) run between steps; resolves on the next event-loop turn, leaves no timer. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A request the engine holds between submission and its result. */
interface LiveRequest {
  readonly state: RequestState;
  readonly sink: TokenSink | undefined;
  readonly sampling: SamplingRow;
  readonly stopWhen: ((generated: readonly number[]) => boolean) | undefined;
  /** Engine step at which it joins the scheduler. */
  readonly arrivalStep: number;
  /** Submission order (ties between arrivals at the same step). */
  readonly seq: number;
  /** Output tokens reported to the sink so far. */
  reported: number;
  cancelRequested: boolean;
  /** Set when the sink or `stopWhen` threw: the result rejects with it. */
  sinkError: unknown;
  resolve(r: GenerateResult): void;
  reject(e: unknown): void;
}

/** A step enqueued on the backend whose results are not yet applied. */
interface Step {
  readonly index: number;
  /** When it was scheduled (performance.now()). */
  readonly t0: number;
  readonly calls: KernelCall[];
  readonly chunks: readonly PrefillChunk[];
  readonly batch: readonly RequestState[];
  /** Prefill's next tokens, one per chunk (null: no prefill call). */
  readonly prefill: Promise<Int32Array> | null;
  readonly decode: Promise<DecodeResult> | null;
  /** What the next step's scheduling must assume about this one. */
  readonly inFlight: InFlight;
}

/** A validated request, not yet queued (so a `generate` call queues all of its requests or none). */
interface Prepared {
  readonly q: GenerateRequest;
  readonly id: string;
  readonly sampling: SamplingRow;
}

export class Engine {
  readonly kernels: KernelTable;
  readonly blockSize: number;
  readonly targetOnly: boolean;
  /** Cycles per decode call the engine may pick, ascending from 1 (`decode_loop_c<C>` for C > 1). */
  readonly loopCycles: readonly number[];
  /** Width S of a decode loop's `stop_ids[R, S]` (0 without loops). */
  private readonly stopIdsPerRequest: number;
  /** Builds and issues this engine's kernel calls (runtime/kernel-calls.ts). */
  private readonly kernelCalls: KernelCalls;
  private readonly sched: Scheduler;
  private readonly counters: MetricsCounters;
  private readonly maxQueued: number;
  /** Requests between submission and result, by id. */
  private readonly live = new Map<string, LiveRequest>();
  private readonly byState = new Map<RequestState, LiveRequest>();
  /** Submitted requests not yet handed to the scheduler (arrival step in the future, or the loop not yet at a boundary). */
  private pending: LiveRequest[] = [];
  /** The running loop, or null while idle. */
  private loop: Promise<void> | null = null;
  /** The next step's number (a step counter that jumps ahead over idle stretches to the next arrival). */
  private stepIndex = 0;
  private idleSteps = 0;
  private submissions = 0;
  private closing = false;
  /** The shutdown `close()` started (null before). */
  private closed: Promise<void> | null = null;
  private failure: unknown = null;

  protected constructor(
    readonly manifest: Manifest,
    readonly backend: Backend,
    readonly options: EngineOptions,
  ) {
    this.kernels = new KernelTable(manifest);
    this.blockSize = manifest.decoder.blockSize;
    this.targetOnly = options.targetOnly === true || !manifest.decoder.hasDraft;
    const need: KernelName[] = ["prefill", this.targetOnly ? "target_step" : options.drafts ? "verify" : options.decodePath === "split" ? "draft" : "decode_step"];
    if (!this.targetOnly && options.decodePath === "split") need.push("verify");
    for (const k of need) if (!this.kernels.has(k)) throw new EngineError(`${manifest.name}: the manifest has no ${k} kernel`);
    const maxCycles = options.cyclesPerDispatch ?? Infinity;
    if (!(maxCycles >= 1) || (maxCycles !== Infinity && !Number.isInteger(maxCycles))) throw new EngineError(`cyclesPerDispatch ${maxCycles} must be a positive integer`);
    const fused = !this.targetOnly && !options.drafts && options.decodePath !== "split";
    const loops = manifest.kernels.filter((k) => fused && (decodeLoopCycles(k.kernel) ?? 0) > 1 && decodeLoopCycles(k.kernel)! <= maxCycles);
    this.loopCycles = [1, ...new Set(loops.map((k) => decodeLoopCycles(k.kernel)!))].sort((a, b) => a - b);
    this.stopIdsPerRequest = loops[0]?.args.find((a) => a.name === "stop_ids")?.shape[1] ?? 0;
    this.kernelCalls = new KernelCalls(manifest, backend, this.kernels, options, this.targetOnly, this.blockSize, this.stopIdsPerRequest);
    const maxQueued = options.maxQueued ?? DEFAULT_MAX_QUEUED;
    if (!Number.isInteger(maxQueued) || maxQueued < 1) throw new EngineError(`maxQueued ${maxQueued} must be a positive integer`);
    this.maxQueued = maxQueued;
    this.counters = new MetricsCounters(this.blockSize);
    const d = manifest.decoder;
    const maxAdmitted = Math.min(d.maxRequests, this.kernels.maxDecodeRequests);
    const prefillTokens = this.kernels.maxPrefillTokens;
    this.sched = new Scheduler({
      targetCache: manifest.caches.target,
      draftCache: manifest.caches.draft,
      maxAdmitted,
      decodeWidth: this.targetOnly ? 1 : this.blockSize,
      maxContext: d.maxContext,
      prefillTokens,
      prefillRequests: Math.min(maxAdmitted, this.kernels.maxPrefillRequests(prefillTokens)),
      requestSlots: d.maxRequests + 1,
      drainNearLimit: this.loopCycles.length > 1,
    });
  }

  /** Initializes the backend with the weights (checked against the manifest first). */
  static async create(manifest: Manifest, backend: Backend, weights: Weights, options: EngineOptions = {}): Promise<Engine> {
    assertWeights(manifest, weights);
    const engine = new this(manifest, backend, options);
    await backend.init(manifest, weights);
    return engine;
  }

  /**
   * Stops the loop at the next step boundary (the step in flight completes), rejects every
   * outstanding request with EngineClosedError (their pages and slots go back), and closes the
   * backend. Idempotent; `submit` afterwards throws EngineClosedError.
   */
  close(): Promise<void> {
    // Every call waits for the same shutdown (a second caller must not return before the backend is closed).
    this.closed ??= this.shutDown();
    return this.closed;
  }

  private async shutDown(): Promise<void> {
    this.closing = true;
    await this.loop;
    this.abandonAll(new EngineClosedError("the engine was closed before the request finished"));
    await this.backend.close();
  }

  /** Current counters (plain data). */
  metrics(): EngineMetrics {
    const pool = this.sched.pool;
    return this.counters.snapshot(this.pending.length + this.sched.waiting.length, this.sched.admitted.length, { used: pool.usedCount, total: pool.capacity });
  }

  /**
   * Queues a request; it joins the running batch at the next step boundary. Throws RequestError for
   * an invalid request, QueueFullError when `maxQueued` requests are already waiting, and
   * EngineClosedError after `close()`.
   */
  submit(request: GenerateRequest, sink?: TokenSink): RequestHandle {
    this.assertOpen();
    const waiting = this.pending.length + this.sched.waiting.length;
    if (waiting >= this.maxQueued) throw new QueueFullError(this.maxQueued);
    const p = this.prepare(request, request.id ?? `req-${this.submissions}`, 0);
    return this.enqueue(p, sink);
  }

  /** Runs `requests` to completion (joining whatever else runs) and returns their results in order. */
  async generate(requests: readonly GenerateRequest[]): Promise<GenerateResult[]> {
    this.assertOpen();
    const ids = new Set<string>();
    const prepared = requests.map((q, i) => {
      const p = this.prepare(q, q.id ?? String(i), i);
      if (ids.has(p.id)) throw new RequestError(`duplicate request id ${p.id}`);
      ids.add(p.id);
      return p;
    });
    return Promise.all(prepared.map((p) => this.enqueue(p).result));
  }

  private assertOpen(): void {
    if (this.closing) throw new EngineClosedError();
    if (this.failure !== null) throw new EngineError(`the engine failed earlier and cannot run more requests: ${String(this.failure)}`);
  }

  /** The sampling kernel this engine's decode path uses. */
  private get sampleKernel(): KernelName {
    return this.targetOnly ? "target_step_sample" : this.options.drafts || this.options.decodePath === "split" ? "verify_sample" : "decode_step_sample";
  }

  /** Checks a request (throws RequestError) and resolves its id and sampling row; queues nothing. */
  private prepare(q: GenerateRequest, id: string, streamIndex: number): Prepared {
    const d = this.manifest.decoder;
    if (this.live.has(id)) throw new RequestError(`duplicate request id ${id}`);
    if (!Array.isArray(q.promptIds) || q.promptIds.length === 0) throw new RequestError(`request ${id}: empty prompt`);
    if (q.promptIds.length >= d.maxContext) {
      throw new RequestError(`request ${id}: prompt of ${q.promptIds.length} tokens; maxContext ${d.maxContext} leaves no room to generate`);
    }
    for (const t of q.promptIds) {
      if (!Number.isInteger(t) || t < 0 || t >= d.vocabSize) throw new RequestError(`request ${id}: token ${t} outside the vocabulary 0..${d.vocabSize - 1}`);
    }
    if (!Number.isInteger(q.maxNewTokens) || q.maxNewTokens < 0) throw new RequestError(`request ${id}: maxNewTokens ${q.maxNewTokens} must be a non-negative integer`);
    const arrival = q.arrivalStep ?? 0;
    if (!Number.isSafeInteger(arrival) || arrival < 0) throw new RequestError(`request ${id}: arrivalStep ${arrival} must be a non-negative integer`);
    let params: SamplingParams;
    try {
      params = samplingParams({ ...this.options.sampling, ...q.sampling });
    } catch (e) {
      if (e instanceof SamplingError) throw new RequestError(`request ${id}: ${e.message}`);
      throw e;
    }
    if (isSampling(params) && !this.kernels.has(this.sampleKernel)) {
      throw new RequestError(`request ${id}: temperature ${params.temperature} needs the ${this.sampleKernel} kernel; compile ${this.manifest.name} with verify: "sampling"`);
    }
    const seed = q.seed ?? this.options.seed ?? 0;
    if (!Number.isSafeInteger(seed) || seed < 0) throw new RequestError(`request ${id}: seed ${seed} must be a non-negative integer`);
    return { q, id, sampling: { params, stream: new UniformStream(seed, streamIndex) } };
  }

  /** Queues a prepared request and starts the loop if it is idle. */
  private enqueue(p: Prepared, sink?: TokenSink): RequestHandle {
    const { q, id } = p;
    const state = this.sched.newRequest(id, q.promptIds, q.maxNewTokens, new Set(q.stopTokenIds ?? []), !this.targetOnly, this.blockSize);
    if (isSampling(p.sampling.params)) state.holdLastToken();
    let resolve!: (r: GenerateResult) => void;
    let reject!: (e: unknown) => void;
    const result = new Promise<GenerateResult>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // A caller that drops the handle must not turn an engine failure into an unhandled rejection.
    result.catch(() => {});
    const live: LiveRequest = {
      state,
      sink,
      sampling: p.sampling,
      stopWhen: q.stopWhen,
      arrivalStep: this.stepIndex + (q.arrivalStep ?? 0),
      seq: this.submissions++,
      reported: 0,
      cancelRequested: false,
      sinkError: undefined,
      resolve,
      reject,
    };
    this.counters.requestsSubmitted++;
    const handle: RequestHandle = {
      id,
      result,
      cancel: () => {
        live.cancelRequested = true;
      },
    };
    if (q.maxNewTokens === 0) {
      // Nothing to generate: finished now, never queued.
      this.sched.finishUnsubmitted(state, "length");
      this.counters.finished("length");
      resolve(this.resultOf(state));
      return handle;
    }
    this.live.set(id, live);
    this.byState.set(state, live);
    this.pending.push(live);
    this.loop ??= this.runLoop();
    return handle;
  }

  private resultOf(r: RequestState): GenerateResult {
    return { id: r.id, tokens: r.output(this.manifest.decoder.maxContext), finishReason: r.finishReason!, stats: r.stats() };
  }

  /**
   * Steps while there is work; returns (the engine idles) when there is none, or when closing.
   *
   * The host runs one step behind the device: it enqueues step n+1, then reads and applies step n's
   * results (the kernels take each request's last token and length from the device state, not from
   * the host). A step that needs a preemption, or a decode path that needs the host between kernels
   * (split, forced drafts), drains first: step n is applied before step n+1 is scheduled.
   */
  private async runLoop(): Promise<void> {
    let inFlight: Step | null = null;
    try {
      for (;;) {
        await nextTurn();
        if (this.closing) {
          // The step in flight runs to its end; its results go with the requests close() rejects.
          if (inFlight) await Promise.allSettled([inFlight.prefill, inFlight.decode]);
          return;
        }
        this.applyCancels();
        this.admitArrivals();
        const drained = inFlight !== null;
        const next: Step | null = this.sched.idle || (inFlight && !this.pipelines) ? null : this.launch(inFlight);
        if (inFlight) {
          const s: Step = inFlight;
          inFlight = next;
          await this.complete(s);
        } else inFlight = next;
        if (inFlight || drained) continue;
        if (this.sched.idle) {
          if (this.pending.length === 0) return;
          // Nothing to run until the next arrival: jump there.
          this.stepIndex = Math.min(...this.pending.map((l) => l.arrivalStep));
        }
      }
    } catch (e) {
      this.failure = e;
      this.abandonAll(e);
    } finally {
      this.loop = null;
    }
  }

  /** Whether this decode path lets the host enqueue a step before reading the previous one. */
  private get pipelines(): boolean {
    if (this.options.pipeline === false) return false;
    return this.targetOnly || (!this.options.drafts && this.options.decodePath !== "split");
  }

  /**
   * Schedules the next step and enqueues its kernel calls. With `prev` in flight, null when the step
   * would need a preemption or would be empty (the caller applies `prev` first); with nothing in
   * flight, always a step (possibly without calls).
   */
  private launch(prev: Step | null): Step | null {
    const view = prev?.inFlight;
    const batch = this.sched.scheduleDecode(view);
    if (batch === null) return null;
    const chunks = this.sched.schedulePrefill(view);
    if (prev && batch.length === 0 && chunks.length === 0) return null;
    const calls: KernelCall[] = [];
    const t0 = performance.now();
    const sampling = batch.some((r) => r.sampling) ? batch.map((r) => this.byState.get(r)!.sampling) : null;
    const cycles = this.cyclesFor(batch, sampling !== null, view);
    const quiet = <T>(p: Promise<T>) => {
      // Awaited by complete(); a step abandoned by a failure must not leave an unhandled rejection.
      p.catch(() => {});
      return p;
    };
    const prefill = chunks.length > 0 ? quiet(this.kernelCalls.launchPrefill(chunks, calls)) : null;
    const decode = batch.length > 0 ? quiet(cycles > 1 ? this.kernelCalls.launchLoop(batch, calls, cycles) : this.kernelCalls.launchDecode(batch, calls, sampling)) : null;
    return {
      index: this.stepIndex++,
      t0,
      calls,
      chunks,
      batch,
      prefill,
      decode,
      inFlight: { prefilling: new Set(chunks.map((c) => c.req)), decoding: new Set(batch), cycles },
    };
  }

  /** Reads a step's results and applies them: tokens, finishes, the invariant, the streams, the event. */
  private async complete(s: Step): Promise<void> {
    const sched = this.sched;
    const [next, dec] = await Promise.all([s.prefill, s.decode]);
    const event = this.options.onStep
      ? { decoded: [] as StepEvent["decoded"][number][], prefilled: [] as StepEvent["prefilled"][number][] }
      : null;
    const touched: RequestState[] = [];
    for (let j = 0; j < s.chunks.length; j++) {
      const c = s.chunks[j];
      // Finished (cancelled) while the step ran: nothing of it is applied.
      if (c.req.phase === "finished") continue;
      const before = c.req.tokens.length;
      c.req.applyPrefill(c.rows, c.completes && next ? next[j] : null);
      event?.prefilled.push({ id: c.req.id, rows: c.rows, firstToken: c.req.tokens.length > before ? c.req.tokens[before] : null });
      touched.push(c.req);
      // Only a prefill that committed a token is checked: a recompute's (or a sampling request's) tokens were checked before.
      if (c.req.phase === "decoding" && c.req.tokens.length > before) this.finishCheck(c.req, before);
    }
    if (dec) {
      this.counters.decodeCalls++;
      const K = this.blockSize;
      for (let j = 0; j < s.batch.length; j++) {
        const r = s.batch[j];
        // Finished while this step ran (a stop token in the step before, a cancel): its extra step is dropped.
        if (r.phase === "finished") continue;
        touched.push(r);
        // Each cycle the call ran for this request, in order; the rest of a loop's cycles after it
        // finished (a stop the device did not see, a budget it overestimated one step behind) are dropped.
        for (let c = 0; c < dec.cycles && !isFinished(r); c++) {
          const row = c * dec.rows + j;
          if (dec.accepted && dec.accepted[row] < 0) break;
          const before = r.tokens.length;
          if (dec.accepted) this.applyDecode(r, dec.accepted[row], dec.tokens, row * K);
          else this.applyTarget(r, dec.tokens[j]);
          r.assertSynced();
          const a = r.tokens.length - before - 1;
          this.counters.decodeSteps++;
          if (!this.targetOnly) this.counters.acceptedHistogram[a]++;
          event?.decoded.push({ id: r.id, accepted: a, tokens: r.tokens.slice(before) });
          this.finishCheck(r, before);
        }
      }
    }
    // The invariant, for every live request, after every step (on the state the host knows now).
    for (const r of sched.admitted) r.assertSynced();
    for (const r of sched.waiting) r.assertSynced();

    for (const r of touched) this.report(this.byState.get(r)!);
    const preempted = sched.takePreempted();
    const finished = sched.takeFinished();
    if (s.calls.length > 0) this.counters.steps++;
    this.counters.kernelCalls += s.calls.length;
    if (event) {
      this.options.onStep!({
        step: s.index,
        calls: s.calls,
        decoded: event.decoded,
        prefilled: event.prefilled,
        preempted: preempted.map((r) => r.id),
        finished: finished.map((r) => ({ id: r.id, reason: r.finishReason! })),
      });
    }
    if (sched.idle) this.assertNoLeaks();
    // Counted before the results settle, so a caller that awaits a result sees its last step.
    this.counters.stepSeconds += (performance.now() - s.t0) / 1000;
    this.counters.stepCount++;
    for (const r of finished) this.settle(this.byState.get(r)!);
    this.idleSteps = s.calls.length === 0 ? this.idleSteps + 1 : 0;
    if (this.idleSteps > MAX_IDLE_STEPS) throw new EngineError(`the scheduler made no progress for ${MAX_IDLE_STEPS} steps (a bug)`);
  }

  /** Hands the requests whose arrival step has come to the scheduler, by arrival step then submission order. */
  private admitArrivals(): void {
    const due = this.pending.filter((l) => l.arrivalStep <= this.stepIndex);
    if (due.length === 0) return;
    this.pending = this.pending.filter((l) => l.arrivalStep > this.stepIndex);
    due.sort((a, b) => a.arrivalStep - b.arrivalStep || a.seq - b.seq);
    for (const l of due) this.sched.submit(l.state);
  }

  /** Finishes the requests cancelled since the last boundary (pages and slots go back now). */
  private applyCancels(): void {
    const cancelled = new Set<RequestState>();
    for (const l of this.live.values()) {
      // Already finished by the scheduler (capacity) in a step not yet read: it settles with that reason, once.
      if (!l.cancelRequested || isFinished(l.state)) continue;
      const i = this.pending.indexOf(l);
      if (i >= 0) {
        this.pending.splice(i, 1);
        this.sched.finishUnsubmitted(l.state, "cancelled");
        this.settle(l);
      } else {
        this.sched.finish(l.state, "cancelled");
        cancelled.add(l.state);
      }
    }
    // Only the cancels: a finish of the step not yet read (capacity) is reported and settled with that step.
    for (const r of this.sched.takeFinishedOf(cancelled)) this.settle(this.byState.get(r)!);
  }

  /** The engine's own limits (stop token, length, context), then the caller's `stopWhen`. `from`: tokens before this step. */
  private finishCheck(r: RequestState, from: number): void {
    const reason = r.finishCheck(this.manifest.decoder.maxContext, from) ?? this.askStopWhen(r);
    if (reason) this.sched.finish(r, reason);
  }

  /** The caller's `stopWhen`: "stop" when it says so; a throw ends only this request ("cancelled", its result rejects with the error). */
  private askStopWhen(r: RequestState): FinishReason | null {
    const l = this.byState.get(r);
    if (!l?.stopWhen) return null;
    try {
      return l.stopWhen(r.tokens.slice(r.prompt.length)) ? "stop" : null;
    } catch (e) {
      l.sinkError ??= e;
      return "cancelled";
    }
  }

  /** Reports a request's new tokens to its sink. */
  private report(l: LiveRequest): void {
    const out = l.state.outputFrom(l.reported, this.manifest.decoder.maxContext);
    if (out.length === 0) return;
    l.reported += out.length;
    this.counters.tokensGenerated += out.length;
    if (!l.sink?.onTokens || l.sinkError !== undefined) return;
    try {
      l.sink.onTokens(out);
    } catch (e) {
      l.sinkError = e;
      l.cancelRequested = true;
    }
  }

  /** Settles a finished request's result. */
  private settle(l: LiveRequest): void {
    this.live.delete(l.state.id);
    this.byState.delete(l.state);
    this.counters.finished(l.state.finishReason!);
    if (l.sinkError !== undefined) l.reject(l.sinkError);
    else l.resolve(this.resultOf(l.state));
  }

  /** Rejects every outstanding request with `error` and returns their pages and slots. */
  private abandonAll(error: unknown): void {
    for (const l of this.live.values()) {
      // A request finished in the failing step is still live (not settled): rejected too.
      if (l.state.phase !== "finished") {
        if (this.pending.includes(l)) this.sched.finishUnsubmitted(l.state, "cancelled");
        else this.sched.finish(l.state, "cancelled");
      }
      l.reject(error);
    }
    this.sched.takeFinished();
    this.sched.takePreempted();
    this.live.clear();
    this.byState.clear();
    this.pending = [];
  }

  /** With nothing admitted or waiting, every page and slot must be back. */
  private assertNoLeaks(): void {
    const sched = this.sched;
    if (sched.pool.usedCount !== 0) throw new EngineError(`${sched.pool.usedCount} target pages still held after every request finished (leak)`);
    if (sched.draft?.kind === "paged" && sched.draft.pool.usedCount !== 0) throw new EngineError(`${sched.draft.pool.usedCount} draft pages leaked`);
    if (sched.draft?.kind === "static" && sched.draft.slots.freeCount !== sched.draft.slots.slots - 1) throw new EngineError("draft slots leaked");
  }

  /**
   * Cycles of the next decode call (see the file comment): 1 unless the fused greedy path runs and
   * the manifest has `decode_loop_c<C>` kernels; then the largest C (up to `cyclesPerDispatch`) for
   * which every request of the batch has pages and room for C*K more positions past what the step in
   * flight may write, and fits its stop ids in the kernel's `stop_ids` row.
   */
  private cyclesFor(batch: readonly RequestState[], sampling: boolean, view: InFlight | undefined): number {
    if (this.loopCycles.length === 1 || batch.length === 0 || sampling) return 1;
    if (batch.some((r) => r.stopTokens.size > this.stopIdsPerRequest)) return 1;
    return this.sched.pickCycles(batch, this.loopCycles, view);
  }

  /** Commits `a + 1` tokens of a speculative step (a test subclass overrides this to inject a bug). */
  protected applyDecode(r: RequestState, a: number, targetTokens: Int32Array, offset: number): void {
    r.applyStep(a, targetTokens, offset);
  }

  protected applyTarget(r: RequestState, next: number): void {
    r.applyTargetStep(next);
  }
}

export function createEngine(manifest: Manifest, backend: Backend, weights: Weights, options: EngineOptions = {}): Promise<Engine> {
  return Engine.create(manifest, backend, weights, options);
}
