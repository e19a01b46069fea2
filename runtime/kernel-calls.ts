/**
 * Building and issuing kernel calls: the input buffers of every kernel bucket (allocated once,
 * reused), filling them from a batch of requests (prefill chunks, decode rows, the draft locator,
 * sampling inputs, a decode loop's stop ids and budgets), running the call on the backend and
 * checking what comes back (the output sizes, each row's accepted length against its drafts and
 * targets). The engine (runtime/engine.ts) decides what to run; this runs it.
 */
import type { Backend, KernelInput } from "./backend.js";
import { BucketError, type KernelTable } from "./buckets.js";
import { decodeLoopName, type Manifest, type ManifestKernel } from "../contract/manifest.js";
import { EngineError, type EngineOptions, type KernelCall } from "./engine-types.js";
import { type RequestState, StateSyncError } from "./request.js";
import type { PrefillChunk } from "./scheduler.js";
import { fillSamplingInputs, type SamplingRow } from "./sampling.js";

/**
 * A decode call's results: `accepted` and `target_tokens`, or `next_tokens` (accepted null) target-only;
 * a `decode_loop_c<C>` call's per-cycle `accepted[C, R]` and `tokens[C, R, K]` (cycle `c` of row `j` at
 * `c * rows + j`, -1 accepted: not run).
 */
export interface DecodeResult {
  readonly accepted: Int32Array | null;
  readonly tokens: Int32Array;
  /** Cycles the call ran at most (1 but for a decode loop). */
  readonly cycles: number;
  /** Rows of the call's request bucket. */
  readonly rows: number;
}

/** Issues the engine's kernel calls on one backend, from the buffers it owns. */
export class KernelCalls {
  private readonly buffers = new Map<ManifestKernel, Map<string, KernelInput>>();

  constructor(
    readonly manifest: Manifest,
    readonly backend: Backend,
    readonly kernels: KernelTable,
    readonly options: EngineOptions,
    readonly targetOnly: boolean,
    readonly blockSize: number,
    /** Width S of a decode loop's `stop_ids[R, S]` (0 without loops). */
    private readonly stopIdsPerRequest: number,
  ) {}

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
  launchPrefill(chunks: readonly PrefillChunk[], calls: KernelCall[]): Promise<Int32Array> {
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
  launchDecode(batch: readonly RequestState[], calls: KernelCall[], sampling: readonly SamplingRow[] | null): Promise<DecodeResult> {
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
   * Enqueues a `decode_loop_c<cycles>` call: the fused decode step's inputs, each request's stop ids
   * (-1 padded) and budget (tokens it may still commit as the host knows it; one step behind, that
   * overestimates, and the host drops what the device ran past a limit).
   */
  launchLoop(batch: readonly RequestState[], calls: KernelCall[], cycles: number): Promise<DecodeResult> {
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
}
