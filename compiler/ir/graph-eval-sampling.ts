/**
 * Reference implementations of the sampling ops (`samplingProbs`, `acceptSample`), docs/kernels.md
 * "Sampling". They follow the StableHLO lowering (compiler/stablehlo/lower/sampling.ts) operation by
 * operation: every f32 result is rounded to f32, every sum is a sequential f32 sum in index order over
 * the whole row (masked entries add an exact 0), and the bisections run the same fixed number of steps
 * on the same integers. So the evaluator and the interpreter give bit-identical probabilities and the
 * same tokens, not merely close ones.
 */
import type { GType } from "./graph.js";
import { zeros, type GraphTensor } from "./graph-tensor.js";

/** Bits of f32 1.0: every probability (and every `exp(z - max)`) has a non-negative key `<=` this. */
export const ONE_BITS = 0x3f800000;
/** Bisection steps over the keys `[0, ONE_BITS]` (`2^30 > ONE_BITS`). */
export const KEY_STEPS = 30;
/** The largest f32 below 1: uniforms are clamped to `[0, U_MAX]` before use. */
export const U_MAX = 1 - 2 ** -24;

const fr = Math.fround;

/** Bisection steps over the indices `[0, V-1]`. */
export function indexSteps(v: number): number {
  return v <= 1 ? 0 : Math.ceil(Math.log2(v));
}

/** Sequential f32 sum of `w[off + j]` over `j < v` where `take(j)`. */
function maskedSum(w: Float32Array, off: number, v: number, take: (j: number) => boolean): number {
  let acc = 0;
  for (let j = 0; j < v; j++) acc = fr(acc + (take(j) ? w[off + j] : 0));
  return acc;
}

/**
 * The smallest key `tau` in `[0, ONE_BITS]` with `sum_j w[j] * [bits[j] > tau] < limit` (`KEY_STEPS`
 * steps of bisection; `w` is 1 for top-k counting, the probabilities for top-p).
 */
function smallestKey(bits: Int32Array, w: Float32Array | null, off: number, v: number, limit: number): number {
  let lo = 0;
  let hi = ONE_BITS;
  for (let s = 0; s < KEY_STEPS; s++) {
    const mid = Math.trunc((lo + hi) / 2);
    let acc = 0;
    for (let j = 0; j < v; j++) acc = fr(acc + (bits[off + j] > mid ? (w ? w[off + j] : 1) : 0));
    if (acc < limit) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Index of the largest of `x[off..off+v)`, lowest index among equal maxima (as `argmax`). */
function argmaxRow(x: Float32Array, off: number, v: number): number {
  let best = 0;
  for (let j = 1; j < v; j++) if (x[off + j] > x[off + best]) best = j;
  return best;
}

/** `samplingProbs`: logits `[R, Q, V]`, temperature/topK/topP `[R]` → probabilities `[R, Q, V]`. */
export function evalSamplingProbs([logits, temperature, topK, topP]: readonly GraphTensor[], out: GType): GraphTensor {
  const [r, q, v] = logits.shape;
  const l = logits.data as Float32Array;
  const res = zeros(out);
  const p = res.data as Float32Array;
  const e = new Float32Array(v);
  const eBits = new Int32Array(e.buffer);
  const p1 = new Float32Array(v);
  const pBits = new Int32Array(p1.buffer);
  for (let row = 0; row < r * q; row++) {
    const req = Math.floor(row / q);
    const off = row * v;
    const t = (temperature.data as Float32Array)[req];
    if (!(t > 0)) {
      p[off + argmaxRow(l, off, v)] = 1;
      continue;
    }
    let m = -Infinity;
    for (let j = 0; j < v; j++) m = Math.max(m, l[off + j]);
    for (let j = 0; j < v; j++) e[j] = fr(Math.exp(fr(fr(l[off + j] - m) / t)));
    // top-k: keep the values >= the k-th largest (ties at the threshold are kept).
    const k = (topK.data as Int32Array)[req];
    if (k > 0 && k < v) {
      const tau = smallestKey(eBits, null, 0, v, fr(k));
      for (let j = 0; j < v; j++) if (!(eBits[j] >= tau)) e[j] = 0;
    }
    const s1 = maskedSum(e, 0, v, () => true);
    for (let j = 0; j < v; j++) p1[j] = fr(e[j] / s1);
    // top-p: keep j when the mass of the tokens strictly more probable than j is < top_p.
    const tp = (topP.data as Float32Array)[req];
    if (tp < 1) {
      let maxBits = 0;
      for (let j = 0; j < v; j++) maxBits = Math.max(maxBits, pBits[j]);
      const tau = Math.min(smallestKey(pBits, p1, 0, v, tp), maxBits);
      for (let j = 0; j < v; j++) if (!(pBits[j] >= tau)) p1[j] = 0;
    }
    const s2 = maskedSum(p1, 0, v, () => true);
    for (let j = 0; j < v; j++) p[off + j] = fr(p1[j] / s2);
  }
  return res;
}

/**
 * Inverse CDF of row `w[off..off+v)` at `u`: the smallest `j` whose prefix sum exceeds `u * total`
 * (`indexSteps(v)` steps of bisection; `v - 1` when none does).
 */
function inverseCdf(w: Float32Array, off: number, v: number, u: number): number {
  const target = fr(u * maskedSum(w, off, v, () => true));
  let lo = 0;
  let hi = v - 1;
  for (let s = 0; s < indexSteps(v); s++) {
    const mid = Math.trunc((lo + hi) / 2);
    if (maskedSum(w, off, v, (j) => j <= mid) > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** `acceptSample`: block `[R, K]`, probs `[R, K, V]`, uniforms `[R, K]` → accepted `[R]`, tokens `[R, K]`. */
export function evalAcceptSample([block, probs, uniforms]: readonly GraphTensor[], [accOut, tokOut]: readonly GType[]): GraphTensor[] {
  const [r, k, v] = probs.shape;
  const b = block.data as Int32Array;
  const p = probs.data as Float32Array;
  const accepted = zeros(accOut);
  const tokens = zeros(tokOut);
  const w = new Float32Array(v);
  const clampU = (x: number) => Math.min(Math.max(x, 0), fr(U_MAX));
  for (let i = 0; i < r; i++) {
    const u = (j: number) => clampU((uniforms.data as Float32Array)[i * k + j]);
    // next[j]: the draft token row j proposes (block[j+1]); none (-1) for the last row.
    const next = (j: number) => (j < k - 1 ? b[i * k + j + 1] : -1);
    let a = k - 1;
    for (let j = 0; j < k; j++) {
      let pd = 0;
      for (let x = 0; x < v; x++) pd = Math.max(pd, x === next(j) ? p[(i * k + j) * v + x] : 0);
      if (!(u(j) < pd)) {
        a = Math.min(a, j);
        break;
      }
    }
    accepted.data[i] = a;
    for (let j = 0; j < k; j++) {
      const off = (i * k + j) * v;
      let tok: number;
      if (j < a) tok = next(j);
      else if (j === a) {
        for (let x = 0; x < v; x++) w[x] = x === next(j) ? 0 : p[off + x];
        tok = inverseCdf(w, 0, v, u(k - 1));
      } else tok = argmaxRow(p, off, v);
      tokens.data[i * k + j] = tok;
    }
  }
  return [accepted, tokens];
}
