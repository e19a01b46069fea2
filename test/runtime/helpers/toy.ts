/**
 * A toy "model" that implements the kernel contract on the host, for runtime tests that must run
 * hundreds of workloads in seconds. Its caches hold token ids instead of K/V vectors, and every read
 * goes through the block tables, draft slots and seq_lens the engine sent — so a wrong page, a shared
 * page, an inflated length, a clamped write or a desynced draft cache throws or changes the output:
 *
 * - target: next token = hash of every token of the prefix, read row by row from the pool;
 * - the device state `seq_state` (last committed token, committed - 1 per request slot) lives here
 *   like a cache: decode kernels read it through `slots` and write it back, prefill writes the rows
 *   of the requests it completes — so the engine never sends a last token or a length;
 * - draft: the target's own greedy continuation of the draft context (read from the draft cache and
 *   cross-checked against the target pool), each token corrupted with probability `draftErrorRate`
 *   (a deterministic hash of position and token: the same request drafts the same whatever its batch).
 */
import { buildPlan } from "../../../compiler/plan/build-plan.js";
import { buildManifest } from "../../../compiler/manifest.js";
import { defineDecoder, dflashDraft, pagedKV, pow2Buckets, qwen3, staticKV } from "../../../dsl/index.js";
import type { Backend, Weights } from "../../../runtime/backend.js";
import { assertInputsMatch } from "../../../runtime/buckets.js";
import type { Manifest, ManifestKernel } from "../../../contract/manifest.js";

export interface ToyDecoderOptions {
  blockSize?: number;
  draftLayout?: "static" | "paged";
  pageSize?: number;
  numPages?: number;
  draftPages?: number;
  maxContext?: number;
  maxRequests?: number;
  tokens?: { min: number; max: number };
  vocabSize?: number;
  targetOnly?: boolean;
}

/** A manifest for a tiny decoder (no artifacts: the toy backend does not read any). */
export function toyManifest(o: ToyDecoderOptions = {}): Manifest {
  const maxContext = o.maxContext ?? 240;
  const target = qwen3({
    name: "toy",
    vocabSize: o.vocabSize ?? 97,
    hiddenSize: 8,
    intermediateSize: 16,
    numLayers: 2,
    numHeads: 2,
    numKvHeads: 1,
    headDim: 4,
    ropeTheta: 10_000,
    rmsNormEps: 1e-6,
    maxPositions: 4096,
    dtype: "f32",
  });
  const decl = defineDecoder({
    name: "toy_decoder",
    target,
    ...(o.targetOnly ? {} : { draft: dflashDraft({ numLayers: 1, targetLayerIds: [0, 1], maskTokenId: (o.vocabSize ?? 97) - 1 }), blockSize: o.blockSize ?? 4 }),
    cache: {
      target: pagedKV({ pageSize: o.pageSize ?? 16, numPages: o.numPages ?? 64, maxContext }),
      ...(o.targetOnly
        ? {}
        : { draft: o.draftLayout === "paged" ? pagedKV({ pageSize: o.pageSize ?? 16, numPages: o.draftPages ?? o.numPages ?? 64, maxContext }) : staticKV({ maxContext }) }),
    },
    batching: { maxRequests: o.maxRequests ?? 4, tokens: pow2Buckets(o.tokens ?? { min: 16, max: 256 }) },
    verify: "greedy",
  });
  const plan = buildPlan(decl);
  return buildManifest(plan, "test/runtime/helpers/toy.ts", new Map());
}

/** The toy target's next token after `prefix` (the pure, naive reference). */
export function toyHashStep(h: number, tok: number): number {
  return (Math.imul(h, 1_000_003) + tok + 1) >>> 0;
}
export const TOY_H0 = 2_166_136_261;
export function toyNextFromHash(h: number, vocab: number): number {
  return (h >>> 7) % vocab;
}

/** Naive greedy decoding with the toy target: `n` tokens after `prompt`. */
export function toyGreedy(prompt: readonly number[], n: number, vocab: number): number[] {
  let h = TOY_H0;
  for (const t of prompt) h = toyHashStep(h, t);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = toyNextFromHash(h, vocab);
    out.push(t);
    h = toyHashStep(h, t);
  }
  return out;
}

function mix(a: number, b: number, c: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x27d4eb2f, 0xc2b2ae35) ^ Math.imul(c + 0x165667b1, 0x27d4eb2f);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 0;
}

export class ToyBackendError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ToyBackendError";
  }
}

export interface ToyCall {
  readonly kernel: ManifestKernel;
  /** Copies of the inputs. */
  readonly inputs: Map<string, Int32Array>;
  /** A decode kernel's lengths as read from the device state (recorded calls only). */
  seqLens: Int32Array | null;
}

export class ToyBackend implements Backend {
  manifest!: Manifest;
  private pool!: Int32Array;
  private draftRows!: Int32Array;
  /** `seq_state[slots, 2]`: what the device knows of each request slot. */
  state!: Int32Array;
  readonly calls: ToyCall[] = [];
  closed = false;

  constructor(
    readonly draftErrorRate = 0.3,
    readonly seed = 1,
    /** Keep a copy of every call's inputs (property tests inspect them). */
    readonly record = false,
  ) {}

  async init(manifest: Manifest, _weights: Weights): Promise<void> {
    this.manifest = manifest;
    const t = manifest.caches.target;
    this.pool = new Int32Array(t.numPages * t.pageSize).fill(-1);
    const d = manifest.caches.draft;
    if (d) this.draftRows = new Int32Array(d.kind === "static" ? d.slots * d.capacity : d.numPages * d.pageSize).fill(-1);
    this.state = new Int32Array((manifest.decoder.maxRequests + 1) * 2);
  }

  /** Row `slot` of the state, clamped like a gather (a padded row's slot -1 reads the never-written slot 0). */
  private readState(slot: number): [number, number] {
    const s = Math.min(Math.max(slot, 0), this.state.length / 2 - 1);
    return [this.state[2 * s], this.state[2 * s + 1]];
  }

  /** Writes row `slot`; an out-of-range slot is dropped, as a scatter drops it. */
  private writeState(slot: number, last: number, len: number): void {
    if (slot < 0 || slot >= this.state.length / 2) return;
    this.state[2 * slot] = last;
    this.state[2 * slot + 1] = len;
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private get vocab(): number {
    return this.manifest.decoder.vocabSize;
  }

  private targetRow(bt: Int32Array, r: number, pos: number, real: boolean, what: string): number {
    const t = this.manifest.caches.target;
    const P = t.pagesPerRequest;
    const ps = t.pageSize;
    if (pos >= P * ps) throw new ToyBackendError(`${what}: position ${pos} past the block table`);
    const page = bt[r * P + Math.floor(pos / ps)];
    if (real && page === 0) throw new ToyBackendError(`${what}: request row ${r} position ${pos} maps to the trash page`);
    if (page < 0 || page >= t.numPages) throw new ToyBackendError(`${what}: page ${page} out of range`);
    return page * ps + (pos % ps);
  }

  private readTarget(bt: Int32Array, r: number, pos: number, what: string): number {
    const v = this.pool[this.targetRow(bt, r, pos, true, what)];
    if (v < 0) throw new ToyBackendError(`${what}: request row ${r} reads unwritten target KV at position ${pos}`);
    return v;
  }

  /** Flat draft-cache row of `pos` for request row `r`, checking for a clamp. */
  private draftRow(inputs: ReadonlyMap<string, Int32Array>, r: number, pos: number, what: string): number {
    const d = this.manifest.caches.draft!;
    if (d.kind === "static") {
      const slot = inputs.get("draft_slots")![r];
      if (pos >= d.capacity) throw new ToyBackendError(`${what}: draft write at ${pos} would clamp (capacity ${d.capacity})`);
      return slot * d.capacity + pos;
    }
    const Pd = d.pagesPerRequest;
    const page = inputs.get("draft_block_tables")![r * Pd + Math.floor(pos / d.pageSize)];
    return page * d.pageSize + (pos % d.pageSize);
  }

  /** Prefix hash of positions `0..len-1` of request row `r`, read from the pool (and, with `inputs`, cross-checked against the draft cache). */
  private prefixHash(bt: Int32Array, r: number, len: number, what: string, inputs?: ReadonlyMap<string, Int32Array>): number {
    let h = TOY_H0;
    for (let p = 0; p < len; p++) {
      const tok = this.readTarget(bt, r, p, what);
      if (inputs) {
        const dv = this.draftRows[this.draftRow(inputs, r, p, what)];
        if (dv !== tok) throw new ToyBackendError(`${what}: request row ${r} draft context row ${p} holds ${dv}, the target pool ${tok} (caches out of sync)`);
      }
      h = toyHashStep(h, tok);
    }
    return h;
  }

  /** Drafts for a block after context hash `h` (b0 included in h): K-1 tokens. */
  private drafts(h: number, pos0: number, K: number): number[] {
    const out: number[] = [];
    for (let i = 1; i < K; i++) {
      let t = toyNextFromHash(h, this.vocab);
      const u = mix(this.seed, pos0 + i, t) / 2 ** 32;
      if (u < this.draftErrorRate) t = (t + 1 + (mix(this.seed + 1, pos0 + i, t) % (this.vocab - 1))) % this.vocab;
      out.push(t);
      h = toyHashStep(h, t);
    }
    return out;
  }

  async run(kernel: ManifestKernel, inputs: ReadonlyMap<string, Int32Array>): Promise<Map<string, Int32Array>> {
    if (!this.manifest.kernels.includes(kernel)) throw new ToyBackendError(`kernel ${kernel.kernel}.${kernel.bucketId} is not one of the manifest's`);
    assertInputsMatch(kernel, inputs);
    const call: ToyCall = { kernel, inputs: this.record ? new Map([...inputs].map(([k, v]) => [k, v.slice()])) : new Map(), seqLens: null };
    this.calls.push(call);
    const R = kernel.bucket.requests;
    const K = this.manifest.decoder.blockSize;
    const what = `${kernel.kernel}.${kernel.bucketId}`;
    const t = this.manifest.caches.target;
    const P = t.pagesPerRequest;
    const out = new Map<string, Int32Array>();
    const bt = inputs.get("block_tables");
    const isReal = (r: number) => bt![r * P] !== 0;

    if (kernel.kernel === "prefill") {
      const T = kernel.bucket.tokens!;
      const tokens = inputs.get("tokens")!;
      const rows = inputs.get("target_rows")!;
      const drows = inputs.get("draft_rows");
      for (let i = 0; i < T; i++) {
        this.pool[rows[i]] = tokens[i];
        if (drows) this.draftRows[drows[i]] = tokens[i];
      }
      const next = new Int32Array(R);
      const last = inputs.get("last_index")!;
      const positions = inputs.get("positions")!;
      for (let r = 0; r < R; r++) {
        if (!isReal(r)) continue;
        const pos = positions[last[r]];
        next[r] = toyNextFromHash(this.prefixHash(bt!, r, pos + 1, what), this.vocab);
      }
      const stateSlots = inputs.get("state_slots")!;
      const stateTokens = inputs.get("state_tokens")!;
      const stateLens = inputs.get("state_lens")!;
      for (let r = 0; r < R; r++) this.writeState(stateSlots[r], stateTokens[r] >= 0 ? stateTokens[r] : next[r], stateLens[r]);
      out.set("next_tokens", next);
      return out;
    }

    const slots = inputs.get("slots")!;
    const seq = new Int32Array(R);
    const last = new Int32Array(R);
    for (let r = 0; r < R; r++) [last[r], seq[r]] = this.readState(slots[r]);
    if (this.record) call.seqLens = seq.slice();
    if (kernel.kernel === "target_step") {
      const next = new Int32Array(R);
      for (let r = 0; r < R; r++) {
        const real = isReal(r);
        const row = this.targetRow(bt!, r, seq[r], real, what);
        this.pool[row] = last[r];
        if (real) next[r] = toyNextFromHash(this.prefixHash(bt!, r, seq[r] + 1, what), this.vocab);
        this.writeState(slots[r], next[r], seq[r] + 1);
      }
      out.set("next_tokens", next);
      return out;
    }

    const slotsOrTables = inputs.get("draft_slots") ?? inputs.get("draft_block_tables")!;
    const dc = this.manifest.caches.draft;
    const draftWidth = dc?.kind === "paged" ? dc.pagesPerRequest : 0;
    const realDraft = (r: number) => (inputs.has("draft_slots") ? slotsOrTables[r] !== 0 : slotsOrTables[r * draftWidth] !== 0);
    const draftTokens = new Int32Array(R * (K - 1));
    if (kernel.kernel === "draft" || kernel.kernel === "decode_step") {
      for (let r = 0; r < R; r++) {
        if (!realDraft(r)) {
          if (seq[r] !== 0) throw new ToyBackendError(`${what}: padded row ${r} has seq_len ${seq[r]}`);
          continue;
        }
        // The draft reads only its own cache; the target pool is read to check the two agree.
        let h = TOY_H0;
        for (let p = 0; p < seq[r]; p++) {
          const v = this.draftRows[this.draftRow(inputs, r, p, what)];
          if (v < 0) throw new ToyBackendError(`${what}: request row ${r} reads unwritten draft context at ${p}`);
          h = toyHashStep(h, v);
        }
        if (bt) this.prefixHash(bt, r, seq[r], what, inputs);
        draftTokens.set(this.drafts(toyHashStep(h, last[r]), seq[r], K), r * (K - 1));
      }
      if (kernel.kernel === "draft") {
        out.set("draft_tokens", draftTokens);
        return out;
      }
    }
    // verify (decode_step continues here with its own drafts)
    const block = new Int32Array(R * K);
    if (kernel.kernel === "verify") {
      block.set(inputs.get("block_tokens")!);
      for (let r = 0; r < R; r++) {
        if (isReal(r) && block[r * K] !== last[r]) throw new ToyBackendError(`${what}: row ${r} verifies a block from ${block[r * K]}, the device state's last token is ${last[r]}`);
      }
    } else {
      for (let r = 0; r < R; r++) {
        block[r * K] = last[r];
        block.set(draftTokens.subarray(r * (K - 1), (r + 1) * (K - 1)), r * K + 1);
      }
    }
    const accepted = new Int32Array(R);
    const target = new Int32Array(R * K);
    for (let r = 0; r < R; r++) {
      const real = isReal(r);
      if (!real && seq[r] !== 0) throw new ToyBackendError(`${what}: padded row ${r} has seq_len ${seq[r]}`);
      let h = real ? this.prefixHash(bt!, r, seq[r], what, inputs) : TOY_H0;
      for (let i = 0; i < K; i++) {
        const pos = seq[r] + i;
        this.pool[this.targetRow(bt!, r, pos, real, what)] = block[r * K + i];
        this.draftRows[this.draftRow(inputs, r, pos, what)] = block[r * K + i];
      }
      for (let i = 0; i < K; i++) {
        h = toyHashStep(h, block[r * K + i]);
        target[r * K + i] = toyNextFromHash(h, this.vocab);
      }
      let a = 0;
      while (a < K - 1 && block[r * K + a + 1] === target[r * K + a]) a++;
      accepted[r] = a;
      this.writeState(slots[r], target[r * K + a], seq[r] + a + 1);
    }
    out.set("accepted", accepted);
    out.set("target_tokens", target);
    if (kernel.kernel === "decode_step") out.set("draft_tokens", draftTokens);
    return out;
  }
}
