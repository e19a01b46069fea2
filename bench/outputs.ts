/**
 * Kernel outputs for benches whose backends never compute: self-consistent (drafts and target tokens
 * agree on exactly `a` positions, as the engine checks), with `a` cycling through 0..K-1 over calls and
 * rows, so a step commits `a + 1` tokens per request as a real one does. A `decode_loop_c<C>` call
 * runs all C cycles for every row (cycle c of row j accepting `(j + p + c) % K`), as C decode_step
 * calls in a row would.
 */
import { decodeLoopCycles, type ManifestKernel } from "../contract/manifest.js";

export class SyntheticOutputs {
  private readonly byKernel = new Map<ManifestKernel, Map<string, Int32Array>[]>();
  private call = 0;

  constructor(private readonly K: number) {}

  /** The next call's outputs for `k` (shared arrays: the engine only reads them). */
  next(k: ManifestKernel): Map<string, Int32Array> {
    const out = this.patterns(k)[this.call % this.K];
    // A loop's cycles stand for that many decode_step calls: the next call continues where its last cycle ended.
    this.call += decodeLoopCycles(k.kernel) ?? 1;
    return out;
  }

  /** K output patterns per bucket, row j of pattern p accepting `a = (j + p) % K`. */
  private patterns(k: ManifestKernel): Map<string, Int32Array>[] {
    let ps = this.byKernel.get(k);
    if (ps) return ps;
    const R = k.bucket.requests;
    const K = this.K;
    ps = [];
    for (let p = 0; p < K; p++) {
      if (k.kernel === "prefill" || k.kernel === "target_step") {
        ps.push(new Map([["next_tokens", new Int32Array(R).fill(1)]]));
        continue;
      }
      const cycles = decodeLoopCycles(k.kernel);
      if (cycles !== null) {
        const accepted = new Int32Array(cycles * R);
        const tokens = new Int32Array(cycles * R * K);
        const drafts = new Int32Array(cycles * R * (K - 1));
        for (let c = 0; c < cycles; c++) {
          for (let j = 0; j < R; j++) {
            const a = (j + p + c) % K;
            accepted[c * R + j] = a;
            for (let i = 0; i < K; i++) tokens[(c * R + j) * K + i] = i < a ? 100 + i : 7;
            for (let i = 0; i < K - 1; i++) drafts[(c * R + j) * (K - 1) + i] = 100 + i;
          }
        }
        ps.push(new Map([["accepted", accepted], ["tokens", tokens], ["draft_tokens", drafts]]));
        continue;
      }
      const accepted = new Int32Array(R);
      const target = new Int32Array(R * K);
      const draft = new Int32Array(R * (K - 1));
      for (let j = 0; j < R; j++) {
        const a = (j + p) % K;
        accepted[j] = a;
        for (let i = 0; i < K - 1; i++) draft[j * (K - 1) + i] = 100 + i;
        for (let i = 0; i < K; i++) target[j * K + i] = i < a ? 100 + i : 7;
      }
      ps.push(new Map([["accepted", accepted], ["target_tokens", target], ["draft_tokens", draft]]));
    }
    this.byKernel.set(k, ps);
    return ps;
  }
}
