/**
 * The engine: the host loop that drives a backend through the manifest's kernels. Every step it
 * schedules (continuous batching), pads every input to a bucket of the manifest, runs at most one
 * prefill call and one decode call, applies `a + 1` to every request, and asserts the state-sync
 * invariant for every live request.
 *
 * Decode paths: `decode_step` (draft + verify fused, the normal path), `split` (the `draft` kernel,
 * then `verify`), forced drafts (the host supplies the drafts, `verify` checks them: tests reach every
 * accepted length this way), and target-only (`target_step`, one token per step: the baseline).
 *
 * Sampling (temperature > 0, a decoder compiled with verify "sampling"): a step whose batch holds a
 * sampling request runs the `_sample` twin of its kernel for the whole batch (greedy rows pass
 * temperature 0 and get exactly the greedy tokens), with per-request uniforms from the stream
 * `(seed, request index)` (runtime/sampling.ts). A sampling request is prefilled without its last
 * prompt token, which its first decode step samples from (docs/kernels.md, "Sampling").
 */
import { assertWeights, type Backend, type KernelInput, type Weights } from "./backend.js";
import { BucketError, KernelTable } from "./buckets.js";
import type { KernelName, Manifest, ManifestKernel } from "../contract/manifest.js";
import { type FinishReason, type RequestState, type RequestStats, StateSyncError } from "./request.js";
import { Scheduler, type PrefillChunk } from "./scheduler.js";
import { fillSamplingInputs, isSampling, samplingParams, SamplingError, UniformStream, type SamplingParams, type SamplingRow } from "./sampling.js";

export interface GenerateRequest {
  /** Defaults to the request's index in the `generate` call. */
  readonly id?: string;
  readonly promptIds: readonly number[];
  readonly maxNewTokens: number;
  /** Generation stops after any of these (the stop token is returned). */
  readonly stopTokenIds?: readonly number[];
  /** Engine step at which the request arrives (default 0): later arrivals join a running batch. */
  readonly arrivalStep?: number;
  /** Sampling parameters (default: the engine's `sampling`; greedy when neither says). */
  readonly sampling?: Partial<SamplingParams>;
  /** Seed of this request's uniforms (default: the engine's `seed`, else 0); its stream is `(seed, index in the call)`. */
  readonly seed?: number;
  /**
   * Asked after every step that committed tokens to this request, with every token generated so far
   * (possibly past a limit inside the last step; the result is cut): true ends the request now, finish
   * reason `stop`. A stop string found in the decoded text, a client that went away.
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

/** Steps in a row without a kernel call before the loop calls it a bug instead of spinning. */
const MAX_IDLE_STEPS = 64;

export class Engine {
  readonly kernels: KernelTable;
  readonly blockSize: number;
  readonly targetOnly: boolean;
  private readonly buffers = new Map<ManifestKernel, Map<string, KernelInput>>();
  private busy = false;

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
  }

  /** Initializes the backend with the weights (checked against the manifest first). */
  static async create(manifest: Manifest, backend: Backend, weights: Weights, options: EngineOptions = {}): Promise<Engine> {
    assertWeights(manifest, weights);
    const engine = new this(manifest, backend, options);
    await backend.init(manifest, weights);
    return engine;
  }

  async close(): Promise<void> {
    await this.backend.close();
  }

  /** The sampling kernel this engine's decode path uses. */
  private get sampleKernel(): KernelName {
    return this.targetOnly ? "target_step_sample" : this.options.drafts || this.options.decodePath === "split" ? "verify_sample" : "decode_step_sample";
  }

  /** Each request's parameters (checked) and uniform stream. */
  private samplingRows(reqs: readonly GenerateRequest[]): SamplingRow[] {
    return reqs.map((q, i) => {
      const id = q.id ?? String(i);
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
      return { params, stream: new UniformStream(seed, i) };
    });
  }

  private validate(reqs: readonly GenerateRequest[]): void {
    const d = this.manifest.decoder;
    const ids = new Set<string>();
    reqs.forEach((q, i) => {
      const id = q.id ?? String(i);
      if (ids.has(id)) throw new RequestError(`duplicate request id ${id}`);
      ids.add(id);
      if (q.promptIds.length === 0) throw new RequestError(`request ${id}: empty prompt`);
      if (q.promptIds.length >= d.maxContext) {
        throw new RequestError(`request ${id}: prompt of ${q.promptIds.length} tokens; maxContext ${d.maxContext} leaves no room to generate`);
      }
      for (const t of q.promptIds) {
        if (!Number.isInteger(t) || t < 0 || t >= d.vocabSize) throw new RequestError(`request ${id}: token ${t} outside the vocabulary 0..${d.vocabSize - 1}`);
      }
      if (!Number.isInteger(q.maxNewTokens) || q.maxNewTokens < 0) throw new RequestError(`request ${id}: maxNewTokens ${q.maxNewTokens} must be a non-negative integer`);
    });
  }

  async generate(requests: readonly GenerateRequest[]): Promise<GenerateResult[]> {
    if (this.busy) throw new EngineError("generate() is already running on this engine");
    this.busy = true;
    try {
      return await this.loop(requests);
    } finally {
      this.busy = false;
    }
  }

  private async loop(requests: readonly GenerateRequest[]): Promise<GenerateResult[]> {
    this.validate(requests);
    const d = this.manifest.decoder;
    const K = this.targetOnly ? 1 : this.blockSize;
    const maxAdmitted = Math.min(d.maxRequests, this.kernels.maxDecodeRequests);
    const prefillTokens = this.kernels.maxPrefillTokens;
    const sched = new Scheduler({
      targetCache: this.manifest.caches.target,
      draftCache: this.manifest.caches.draft,
      maxAdmitted,
      decodeWidth: K,
      maxContext: d.maxContext,
      prefillTokens,
      prefillRequests: Math.min(maxAdmitted, this.kernels.maxPrefillRequests(prefillTokens)),
    });
    const states = requests.map((q, i) =>
      sched.newRequest(q.id ?? String(i), q.promptIds, q.maxNewTokens, new Set(q.stopTokenIds ?? []), !this.targetOnly, this.blockSize),
    );
    const sampling = new Map(this.samplingRows(requests).map((row, i) => [states[i], row]));
    const stopWhen = new Map(states.flatMap((r, i) => (requests[i].stopWhen ? [[r, requests[i].stopWhen!] as const] : [])));
    for (const [r, row] of sampling) if (isSampling(row.params)) r.holdLastToken();
    const order = states.map((_, i) => i).sort((a, b) => (requests[a].arrivalStep ?? 0) - (requests[b].arrivalStep ?? 0));
    let nextArrival = 0;
    let step = 0;
    let idleSteps = 0;
    let done = 0;
    for (const r of states) {
      if (r.maxNewTokens === 0) {
        sched.finishUnsubmitted(r, "length");
        done++;
      }
    }
    while (done < states.length) {
      while (nextArrival < order.length && (requests[order[nextArrival]].arrivalStep ?? 0) <= step) {
        const r = states[order[nextArrival++]];
        if (r.phase !== "finished") sched.submit(r);
      }
      if (sched.idle) {
        // Nothing to run until the next arrival: jump there.
        step = requests[order[nextArrival]].arrivalStep ?? 0;
        continue;
      }
      // The step's report (takePreempted / takeFinished below) covers exactly this step: nothing
      // between the previous step's take and here (submit, idle) preempts or finishes.
      const batch = sched.scheduleDecode();
      const chunks = sched.schedulePrefill();
      const calls: KernelCall[] = [];
      const event = this.options.onStep
        ? { decoded: [] as StepEvent["decoded"][number][], prefilled: [] as StepEvent["prefilled"][number][] }
        : null;
      const finish = (r: RequestState, reason: FinishReason) => sched.finish(r, reason);
      // The finish check of the engine's own limits, then the caller's stopWhen.
      const check = (r: RequestState, from: number) => {
        const reason = r.finishCheck(d.maxContext, from) ?? (stopWhen.get(r)?.(r.tokens.slice(r.prompt.length)) ? "stop" : null);
        if (reason) finish(r, reason);
      };

      if (chunks.length > 0) {
        // A sampling request with a one-token prompt has nothing to prefill: its chunk has no rows.
        const sent = chunks.filter((c) => c.rows > 0);
        const next = sent.length > 0 ? await this.runPrefill(sent, calls) : null;
        for (let j = 0; j < chunks.length; j++) {
          const c = chunks[j];
          const before = c.req.tokens.length;
          const s = sent.indexOf(c);
          c.req.applyPrefill(c.rows, c.completes && next && s >= 0 ? next[s] : null);
          event?.prefilled.push({ id: c.req.id, rows: c.rows, firstToken: c.req.tokens.length > before ? c.req.tokens[before] : null });
          if (c.req.phase === "decoding") check(c.req, before);
        }
      }
      if (batch.length > 0) {
        const before = batch.map((r) => r.tokens.length);
        await this.runDecode(batch, calls, batch.some((r) => r.sampling) ? batch.map((r) => sampling.get(r)!) : null);
        for (let j = 0; j < batch.length; j++) {
          const r = batch[j];
          event?.decoded.push({ id: r.id, accepted: r.tokens.length - before[j] - 1, tokens: r.tokens.slice(before[j]) });
          check(r, before[j]);
        }
      }
      // The invariant, for every live request, after every step.
      for (const r of sched.admitted) r.assertSynced();
      for (const r of sched.waiting) r.assertSynced();

      const preempted = sched.takePreempted();
      const finished = sched.takeFinished();
      done += finished.length;
      if (event) {
        this.options.onStep!({
          step,
          calls,
          decoded: event.decoded,
          prefilled: event.prefilled,
          preempted: preempted.map((r) => r.id),
          finished: finished.map((r) => ({ id: r.id, reason: r.finishReason! })),
        });
      }
      idleSteps = calls.length === 0 ? idleSteps + 1 : 0;
      if (idleSteps > MAX_IDLE_STEPS) throw new EngineError(`the scheduler made no progress for ${MAX_IDLE_STEPS} steps (a bug)`);
      step++;
    }
    if (sched.pool.usedCount !== 0) throw new EngineError(`${sched.pool.usedCount} target pages still held after every request finished (leak)`);
    if (sched.draft?.kind === "paged" && sched.draft.pool.usedCount !== 0) throw new EngineError(`${sched.draft.pool.usedCount} draft pages leaked`);
    if (sched.draft?.kind === "static" && sched.draft.slots.freeCount !== sched.draft.slots.slots - 1) throw new EngineError("draft slots leaked");
    return states.map((r) => ({ id: r.id, tokens: r.output(d.maxContext), finishReason: r.finishReason!, stats: r.stats() }));
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

  private async runPrefill(chunks: readonly PrefillChunk[], calls: KernelCall[]): Promise<Int32Array> {
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
    const draftCache = this.manifest.caches.draft;
    let row = 0;
    for (let j = 0; j < chunks.length; j++) {
      const { req, start, rows } = chunks[j];
      const P = req.table.width;
      blockTables.set(req.table.pages, j * P);
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
      lastIndex[j] = row - 1;
    }
    const out = await this.call(k, inp, calls, chunks.length, total);
    return out.get("next_tokens")!;
  }

  /** `sampling`: the batch's rows when any of them samples (the `_sample` kernels run), else null. */
  private async runDecode(batch: readonly RequestState[], calls: KernelCall[], sampling: readonly SamplingRow[] | null): Promise<void> {
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
      const next = (await this.call(k, inp, calls, n)).get("next_tokens")!;
      for (let j = 0; j < n; j++) this.applyTarget(batch[j], next[j]);
      return;
    }
    let drafts: Int32Array | null = null;
    if (this.options.drafts) {
      drafts = new Int32Array(n * (K - 1));
      for (let j = 0; j < n; j++) {
        const r = batch[j];
        const dr = this.options.drafts({ id: r.id, tokens: r.tokens, blockSize: K });
        if (dr.length !== K - 1) throw new EngineError(`draft provider returned ${dr.length} drafts for ${r.id}, expected ${K - 1}`);
        drafts.set(Array.from(dr), j * (K - 1));
      }
    } else if (this.options.decodePath === "split") {
      const k = this.kernels.decodeKernel("draft", n);
      const inp = this.inputs(k, n);
      this.fillCommon(inp, batch);
      drafts = (await this.call(k, inp, calls, n)).get("draft_tokens")!.slice(0, n * (K - 1));
    }
    let accepted: Int32Array;
    let target: Int32Array;
    if (drafts) {
      const k = kernel("verify");
      const inp = this.inputs(k, n);
      this.fillCommon(inp, batch);
      fillSampling(inp, K);
      const block = inp.get("block_tokens")!;
      for (let j = 0; j < n; j++) {
        block[j * K] = batch[j].tokens[batch[j].tokens.length - 1];
        block.set(drafts.subarray(j * (K - 1), (j + 1) * (K - 1)), j * K + 1);
      }
      const out = await this.call(k, inp, calls, n);
      accepted = out.get("accepted")!;
      target = out.get("target_tokens")!;
      for (let j = 0; j < n; j++) this.checkAcceptance(batch[j], accepted[j], drafts, j * (K - 1), target, j * K);
    } else {
      const k = kernel("decode_step");
      const inp = this.inputs(k, n);
      this.fillCommon(inp, batch);
      fillSampling(inp, K);
      const out = await this.call(k, inp, calls, n);
      accepted = out.get("accepted")!;
      target = out.get("target_tokens")!;
      const dt = out.get("draft_tokens")!;
      for (let j = 0; j < n; j++) this.checkAcceptance(batch[j], accepted[j], dt, j * (K - 1), target, j * K);
    }
    for (let j = 0; j < n; j++) this.applyDecode(batch[j], accepted[j], target, j * K);
  }

  /** The kernel's `a` must be the length of the leading agreement of its drafts and targets. */
  private checkAcceptance(r: RequestState, a: number, drafts: ArrayLike<number>, dOff: number, target: ArrayLike<number>, tOff: number): void {
    const K = this.blockSize;
    let want = 0;
    while (want < K - 1 && drafts[dOff + want] === target[tOff + want]) want++;
    if (a !== want) throw new StateSyncError(r.id, `kernel accepted ${a} drafts, but its drafts and target tokens agree on ${want}`);
  }

  /** last_tokens / seq_lens / block_tables / draft locator of a decode-type kernel, padded rows left 0. */
  private fillCommon(inp: Map<string, KernelInput>, batch: readonly RequestState[]): void {
    const last = inp.get("last_tokens");
    const seq = inp.get("seq_lens")!;
    const bt = inp.get("block_tables");
    for (let j = 0; j < batch.length; j++) {
      const r = batch[j];
      if (last) last[j] = r.tokens[r.tokens.length - 1];
      seq[j] = r.kvLen;
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
