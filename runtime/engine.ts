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
 */
import { assertWeights, type Backend, type KernelInput, type Weights } from "./backend.js";
import { BucketError, KernelTable } from "./buckets.js";
import { decodeLoopCycles, decodeLoopName, type KernelName, type Manifest, type ManifestKernel } from "../contract/manifest.js";
import { MetricsCounters, type EngineMetrics } from "./metrics.js";
import { type FinishReason, type RequestState, type RequestStats, StateSyncError } from "./request.js";
import { Scheduler, type InFlight, type PrefillChunk } from "./scheduler.js";
import { fillSamplingInputs, isSampling, samplingParams, SamplingError, UniformStream, type SamplingParams, type SamplingRow } from "./sampling.js";

export interface GenerateRequest {
  /** Defaults to the request's index in the `generate` call (`submit`: `req-N`, N counting submissions). */
  readonly id?: string;
  readonly promptIds: readonly number[];
  readonly maxNewTokens: number;
  /** Generation stops after any of these (the stop token is returned). */
  readonly stopTokenIds?: readonly number[];
  /** Engine steps after submission before the request arrives (default 0): later arrivals join a running batch. */
  readonly arrivalStep?: number;
  /** Sampling parameters (default: the engine's `sampling`; greedy when neither says). */
  readonly sampling?: Partial<SamplingParams>;
  /** Seed of this request's uniforms (default: the engine's `seed`, else 0); its stream is `(seed, index in the call)`. */
  readonly seed?: number;
  /**
   * Asked after every step that committed tokens to this request, with every token generated so far
   * (possibly past a limit inside the last step; the result is cut): true ends the request now, finish
   * reason `stop`. A stop string found in the decoded text, say. A throw ends this request alone
   * (reason `cancelled`; its result rejects with the error).
   */
  readonly stopWhen?: (generated: readonly number[]) => boolean;
}

export interface GenerateResult {
  readonly id: string;
  /** Generated tokens (not the prompt). */
  readonly tokens: number[];
  readonly finishReason: FinishReason;
  readonly stats: RequestStats;
}

/** Where a submitted request's tokens go as they are committed. */
export interface TokenSink {
  /**
   * The tokens committed for the request in one step, in order (prefill's first token included):
   * never more than `maxNewTokens` in all, never a token after a stop token. A throw cancels the
   * request, and its result rejects with the error.
   */
  onTokens?(tokens: readonly number[]): void;
}

export interface RequestHandle {
  readonly id: string;
  /** Settles when the request finishes; rejects when the engine fails or closes first. */
  readonly result: Promise<GenerateResult>;
  /** Finishes the request at the next step boundary with reason "cancelled" (a no-op once finished). */
  cancel(): void;
}

export interface KernelCall {
  readonly kernel: KernelName;
  readonly bucketId: string;
  /** Real requests (the rest of the bucket is padding). */
  readonly requests: number;
  /** Real tokens of a prefill call. */
  readonly tokens?: number;
}

export interface StepEvent {
  readonly step: number;
  readonly calls: readonly KernelCall[];
  /** Decoded requests: accepted length `a` (0 target-only) and the `a + 1` tokens committed. */
  readonly decoded: readonly { readonly id: string; readonly accepted: number; readonly tokens: readonly number[] }[];
  /** Prefill chunks; `firstToken` when the chunk ended a fresh prompt. */
  readonly prefilled: readonly { readonly id: string; readonly rows: number; readonly firstToken: number | null }[];
  readonly preempted: readonly string[];
  readonly finished: readonly { readonly id: string; readonly reason: FinishReason }[];
}

/** Host-supplied drafts for the forced-draft path: `blockSize - 1` token ids after the committed tokens. */
export type DraftProvider = (req: { readonly id: string; readonly tokens: readonly number[]; readonly blockSize: number }) => ArrayLike<number>;

export interface EngineOptions {
  /** Decode with the target alone (`target_step`). Forced for a decoder without a draft. */
  readonly targetOnly?: boolean;
  /** `fused` (default): `decode_step`; `split`: `draft` then `verify`. */
  readonly decodePath?: "fused" | "split";
  /** Forced-draft path: the host's drafts are verified by the `verify` kernel. */
  readonly drafts?: DraftProvider;
  /** Called after every step. */
  readonly onStep?: (event: StepEvent) => void;
  /** Default sampling parameters of every request (temperature > 0 needs verify "sampling"). */
  readonly sampling?: Partial<SamplingParams>;
  /** Default seed of the requests' uniforms. */
  readonly seed?: number;
  /**
   * Enqueue step n+1 before reading step n (default true; the split and forced-draft paths never
   * do). false: every step's results are applied before the next is scheduled (benches compare).
   */
  readonly pipeline?: boolean;
  /** Most requests waiting for admission before `submit` throws QueueFullError (default 1024; `generate` is not bounded). */
  readonly maxQueued?: number;
  /**
   * Most draft → verify → commit cycles per decode call (default: the largest `decode_loop_c<C>` the
   * manifest has; 1 runs `decode_step` only). Used by the fused greedy path.
   */
  readonly cyclesPerDispatch?: number;
}

export class EngineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EngineError";
  }
}

/** A request the engine cannot serve as given (empty prompt, token outside the vocabulary, too long ...): the caller's mistake. */
export class RequestError extends EngineError {
  constructor(message: string) {
    super(message);
    this.name = "RequestError";
  }
}

/** `submit` while `maxQueued` requests are already waiting: the caller should retry later (HTTP 429/503). */
export class QueueFullError extends RequestError {
  constructor(readonly maxQueued: number) {
    super(`the engine's queue is full (${maxQueued} requests waiting)`);
    this.name = "QueueFullError";
  }
}

/** The engine was closed: `submit` after `close()`, or the result of a request still outstanding at `close()`. */
export class EngineClosedError extends EngineError {
  constructor(message = "the engine is closed") {
    super(message);
    this.name = "EngineClosedError";
  }
}

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

/**
 * A decode call's results: `accepted` and `target_tokens`, or `next_tokens` (accepted null) target-only;
 * a `decode_loop_c<C>` call's per-cycle `accepted[C, R]` and `tokens[C, R, K]` (cycle `c` of row `j` at
 * `c * rows + j`, -1 accepted: not run).
 */
interface DecodeResult {
  readonly accepted: Int32Array | null;
  readonly tokens: Int32Array;
  /** Cycles the call ran at most (1 but for a decode loop). */
  readonly cycles: number;
  /** Rows of the call's request bucket. */
  readonly rows: number;
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
  private readonly buffers = new Map<ManifestKernel, Map<string, KernelInput>>();
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
    const prefill = chunks.length > 0 ? quiet(this.launchPrefill(chunks, calls)) : null;
    const decode = batch.length > 0 ? quiet(cycles > 1 ? this.launchLoop(batch, calls, cycles) : this.launchDecode(batch, calls, sampling)) : null;
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
   * Input buffers of a kernel, allocated once per kernel bucket and reused. `zeroFrom`: rows from this
   * request row on are padding and zeroed (decode kernels overwrite every real row in full); without
   * it everything is zeroed (prefill).
   */
  private inputs(k: ManifestKernel, zeroFrom?: number): Map<string, KernelInput> {
    let m = this.buffers.get(k);
    if (!m) {
      m = new Map();
      for (const a of k.args) {
        if (a.role !== "input") continue;
        const n = a.shape.reduce((x, y) => x * y, 1);
        m.set(a.name, a.dtype === "f32" ? new Float32Array(n) : new Int32Array(n));
      }
      this.buffers.set(k, m);
      return m;
    }
    const R = k.bucket.requests;
    for (const v of m.values()) {
      if (zeroFrom === undefined) v.fill(0);
      else v.fill(0, (v.length / R) * zeroFrom);
    }
    return m;
  }

  private async call(k: ManifestKernel, inputs: Map<string, KernelInput>, calls: KernelCall[], requests: number, tokens?: number): Promise<Map<string, Int32Array>> {
    calls.push(tokens === undefined ? { kernel: k.kernel, bucketId: k.bucketId, requests } : { kernel: k.kernel, bucketId: k.bucketId, requests, tokens });
    const out = await this.backend.run(k, inputs);
    for (const r of k.results) {
      if (r.role !== "output") continue;
      const v = out.get(r.name);
      const n = r.shape.reduce((x, y) => x * y, 1);
      if (!v || v.length !== n) throw new EngineError(`${k.kernel}.${k.bucketId}: backend returned ${v ? v.length : "no"} values for ${r.name}, expected ${n}`);
    }
    return out;
  }

  /** Fills the draft locator (`draft_slots` or `draft_block_tables`) of row `j`. */
  private fillDraftLocator(inputs: Map<string, KernelInput>, j: number, r: RequestState): void {
    const slots = inputs.get("draft_slots");
    if (slots) {
      slots[j] = r.draftSlot;
      return;
    }
    const dbt = inputs.get("draft_block_tables");
    if (dbt && r.draftTable) dbt.set(r.draftTable.pages, j * r.draftTable.width);
  }

  /** Enqueues one ragged prefill call; resolves to its `next_tokens` (one per chunk, in order). */
  private launchPrefill(chunks: readonly PrefillChunk[], calls: KernelCall[]): Promise<Int32Array> {
    let total = 0;
    for (const c of chunks) total += c.rows;
    const k = this.kernels.prefillKernel(chunks.length, total);
    const inp = this.inputs(k);
    const tokens = inp.get("tokens")!;
    const positions = inp.get("positions")!;
    const tokenRequest = inp.get("token_request")!;
    const targetRows = inp.get("target_rows")!;
    const draftRows = inp.get("draft_rows");
    const blockTables = inp.get("block_tables")!;
    const lastIndex = inp.get("last_index")!;
    const stateSlots = inp.get("state_slots")!;
    const stateTokens = inp.get("state_tokens")!;
    const stateLens = inp.get("state_lens")!;
    stateSlots.fill(-1);
    const draftCache = this.manifest.caches.draft;
    let row = 0;
    for (let j = 0; j < chunks.length; j++) {
      const { req, start, rows, completes } = chunks[j];
      // A chunk without rows (a sampling request's one-token prompt) only writes the request's state:
      // its block-table row stays zero, as a padded row's.
      if (rows > 0) blockTables.set(req.table.pages, j * req.table.width);
      for (let p = start; p < start + rows; p++, row++) {
        tokens[row] = req.tokens[p];
        positions[row] = p;
        tokenRequest[row] = j;
        targetRows[row] = req.table.row(p);
        if (draftRows) {
          if (draftCache?.kind === "static") {
            if (p >= draftCache.capacity) throw new BucketError(`request ${req.id}: draft row ${p} past the slot capacity ${draftCache.capacity}`);
            draftRows[row] = req.draftSlot * draftCache.capacity + p;
          } else {
            draftRows[row] = req.draftTable!.row(p);
          }
        }
      }
      lastIndex[j] = Math.max(0, row - 1);
      if (completes) {
        // The device state after prefill: the last committed token (the prefill's next token for a
        // fresh greedy prompt, else the one the host holds) and the committed length - 1.
        stateSlots[j] = req.slot;
        stateTokens[j] = req.tokens.length > req.prefillTarget ? req.tokens[req.prefillTarget] : -1;
        stateLens[j] = req.prefillTarget;
      }
    }
    return this.call(k, inp, calls, chunks.length, total).then((out) => out.get("next_tokens")!);
  }

  /**
   * Enqueues a decode batch. `sampling`: the batch's rows when any of them samples (the `_sample`
   * kernels run), else null. Resolves to the kernel's `accepted` and `target_tokens` (checked), or to
   * `next_tokens` (accepted null) target-only. The fused and target-only paths make their one call
   * before returning; split and forced drafts await the host in between.
   */
  private launchDecode(batch: readonly RequestState[], calls: KernelCall[], sampling: readonly SamplingRow[] | null): Promise<DecodeResult> {
    const n = batch.length;
    const K = this.blockSize;
    const kernel = (name: "target_step" | "verify" | "decode_step") => this.kernels.decodeKernel(sampling ? `${name}_sample` : name, n);
    const fillSampling = (inp: Map<string, KernelInput>, draws: number) => {
      if (!sampling) return;
      const b = { uniforms: inp.get("uniforms"), temperature: inp.get("temperature"), top_k: inp.get("top_k"), top_p: inp.get("top_p") };
      if (!(b.uniforms instanceof Float32Array && b.temperature instanceof Float32Array && b.top_k instanceof Int32Array && b.top_p instanceof Float32Array)) {
        throw new EngineError(`${this.manifest.name}: the sampling kernel's inputs are not uniforms/temperature (f32), top_k (i32), top_p (f32)`);
      }
      fillSamplingInputs({ uniforms: b.uniforms, temperature: b.temperature, top_k: b.top_k, top_p: b.top_p }, sampling, draws);
    };
    if (this.targetOnly) {
      const k = kernel("target_step");
      const inp = this.inputs(k, n);
      this.fillCommon(inp, batch);
      fillSampling(inp, 1);
      return this.call(k, inp, calls, n).then((out) => ({ accepted: null, tokens: out.get("next_tokens")!, cycles: 1, rows: k.bucket.requests }));
    }
    if (!this.options.drafts && this.options.decodePath !== "split") {
      const k = kernel("decode_step");
      const inp = this.inputs(k, n);
      this.fillCommon(inp, batch);
      fillSampling(inp, K);
      return this.call(k, inp, calls, n).then((out) => {
        const accepted = out.get("accepted")!;
        const tokens = out.get("target_tokens")!;
        const dt = out.get("draft_tokens")!;
        for (let j = 0; j < n; j++) this.checkAcceptance(batch[j], accepted[j], dt, j * (K - 1), tokens, j * K);
        return { accepted, tokens, cycles: 1, rows: k.bucket.requests };
      });
    }
    return this.draftThenVerify(batch, calls, kernel("verify"), (inp) => fillSampling(inp, K));
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

  /**
   * Enqueues a `decode_loop_c<cycles>` call: the fused decode step's inputs, each request's stop ids
   * (-1 padded) and budget (tokens it may still commit as the host knows it; one step behind, that
   * overestimates, and the host drops what the device ran past a limit).
   */
  private launchLoop(batch: readonly RequestState[], calls: KernelCall[], cycles: number): Promise<DecodeResult> {
    const n = batch.length;
    const k = this.kernels.decodeKernel(decodeLoopName(cycles), n);
    const inp = this.inputs(k, n);
    this.fillCommon(inp, batch);
    const stopIds = inp.get("stop_ids")!;
    const budgets = inp.get("budgets")!;
    const s = this.stopIdsPerRequest;
    stopIds.fill(-1);
    const d = this.manifest.decoder;
    for (let j = 0; j < n; j++) {
      const r = batch[j];
      let i = 0;
      for (const id of r.stopTokens) stopIds[j * s + i++] = id;
      const limit = r.prompt.length + Math.min(r.maxNewTokens, d.maxContext - r.prompt.length);
      budgets[j] = Math.max(limit - r.tokens.length, 1);
    }
    return this.call(k, inp, calls, n).then((out) => {
      const accepted = out.get("accepted")!;
      const tokens = out.get("tokens")!;
      const drafts = out.get("draft_tokens")!;
      const R = k.bucket.requests;
      const K = this.blockSize;
      for (let c = 0; c < cycles; c++) {
        for (let j = 0; j < n; j++) {
          const row = c * R + j;
          if (accepted[row] >= 0) this.checkAcceptance(batch[j], accepted[row], drafts, row * (K - 1), tokens, row * K);
        }
      }
      return { accepted, tokens, cycles, rows: R };
    });
  }

  /** Split and forced-draft decoding: drafts from the `draft` kernel or the host, then `verify`. */
  private async draftThenVerify(batch: readonly RequestState[], calls: KernelCall[], k: ManifestKernel, fillSampling: (inp: Map<string, KernelInput>) => void): Promise<DecodeResult> {
    const n = batch.length;
    const K = this.blockSize;
    let drafts: Int32Array;
    if (this.options.drafts) {
      drafts = new Int32Array(n * (K - 1));
      for (let j = 0; j < n; j++) {
        const r = batch[j];
        const dr = this.options.drafts({ id: r.id, tokens: r.tokens, blockSize: K });
        if (dr.length !== K - 1) throw new EngineError(`draft provider returned ${dr.length} drafts for ${r.id}, expected ${K - 1}`);
        drafts.set(Array.from(dr), j * (K - 1));
      }
    } else {
      const dk = this.kernels.decodeKernel("draft", n);
      const inp = this.inputs(dk, n);
      this.fillCommon(inp, batch);
      drafts = (await this.call(dk, inp, calls, n)).get("draft_tokens")!.slice(0, n * (K - 1));
    }
    const inp = this.inputs(k, n);
    this.fillCommon(inp, batch);
    fillSampling(inp);
    const block = inp.get("block_tokens")!;
    for (let j = 0; j < n; j++) {
      block[j * K] = batch[j].tokens[batch[j].tokens.length - 1];
      block.set(drafts.subarray(j * (K - 1), (j + 1) * (K - 1)), j * K + 1);
    }
    const out = await this.call(k, inp, calls, n);
    const accepted = out.get("accepted")!;
    const tokens = out.get("target_tokens")!;
    for (let j = 0; j < n; j++) this.checkAcceptance(batch[j], accepted[j], drafts, j * (K - 1), tokens, j * K);
    return { accepted, tokens, cycles: 1, rows: k.bucket.requests };
  }

  /** The kernel's `a` must be the length of the leading agreement of its drafts and targets. */
  private checkAcceptance(r: RequestState, a: number, drafts: ArrayLike<number>, dOff: number, target: ArrayLike<number>, tOff: number): void {
    const K = this.blockSize;
    let want = 0;
    while (want < K - 1 && drafts[dOff + want] === target[tOff + want]) want++;
    if (a !== want) throw new StateSyncError(r.id, `kernel accepted ${a} drafts, but its drafts and target tokens agree on ${want}`);
  }

  /** slots / block_tables / draft locator of a decode-type kernel; padded rows get slot -1 (their state is never written). */
  private fillCommon(inp: Map<string, KernelInput>, batch: readonly RequestState[]): void {
    const slots = inp.get("slots")!;
    const bt = inp.get("block_tables");
    slots.fill(-1);
    for (let j = 0; j < batch.length; j++) {
      const r = batch[j];
      slots[j] = r.slot;
      if (bt) bt.set(r.table.pages, j * r.table.width);
      this.fillDraftLocator(inp, j, r);
    }
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
