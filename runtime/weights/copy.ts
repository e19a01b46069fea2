/**
 * `copy:SEED` weights: a random-seeded target with a few rows boosted so that its greedy output falls
 * into a cycle of P tokens, and a drafter built by hand that follows such cycles, so a demo shows
 * speculation paying off (τ well above 1) without a trained checkpoint. Lossless decoding does not
 * depend on any of this: the target is whatever these weights make it, and verification keeps it so.
 *
 * Construction (H hidden size, D the drafter's head size, K the block size, γ/β constants below):
 * - Target. Residual channel `c0 = D` is a constant marker: every embedding row holds `γ` there, and
 *   every layer's `o_proj`/`down_proj` row `c0` (and `o_proj` bias) is zero, so every layer's output
 *   has exactly `γ` in `c0` at every position. Cycle tokens `s_0..s_{P-1}` get a large component on
 *   channel `k` (`k < P <= D`) of their embedding row, and the LM head row of `s_{k+1}` reads channel
 *   `k`: once the target emits a cycle token it keeps walking the cycle, and the boosted head rows make
 *   it enter the cycle soon from anywhere; P = K-1. With tied embeddings one matrix cannot map `s_k` to
 *   another token, so P = 1: a few tokens, boosted by ± on a few channels, each loop on themselves.
 * - Drafter. The sequence then repeats with period P, so the token at block position `i` equals the
 *   one P positions earlier, which the target's feature at distance `Δ = P+1` before it predicts.
 *   `fc` copies the last selected target layer's channels `0..D-1` and, scaled up by β, the marker.
 *   Layer `L*` (the first whose attention window reaches Δ) attends by position alone: its key reads
 *   only the marker (so it is the same vector at every context row; block rows, whose `c0` the input
 *   norm zeroes, get a zero key), its query reads one channel of the mask token's embedding, and the
 *   two are phased so RoPE makes the score peak at exactly `Δ` (see `phasePattern`). `v_proj`/`o_proj`
 *   pass the attended feature's channels `0..D-1` back into the residual, scaled so they dominate; the
 *   MLPs and every other layer add nothing. The drafter's final norm and the shared LM head then read
 *   the target's own prediction from P positions back.
 */
import { roundBf16 } from "../../contract/bf16.js";
import type { Manifest } from "../../contract/manifest.js";
import { ropeInvFreq, type RopeScalingParams } from "../../contract/rope.js";
import { randomWeights, streamFor } from "./random.js";

export class CopyWeightsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CopyWeightsError";
  }
}

/** What the construction reads from the manifest's resolved plan. */
interface CopyGeometry {
  readonly hidden: number;
  readonly vocab: number;
  readonly targetLayers: number;
  readonly tied: boolean;
  readonly oBias: boolean;
  readonly blockSize: number;
  readonly maxContext: number;
  readonly maskTokenId: number;
  readonly targetLayerIds: readonly number[];
  readonly draftLayers: number;
  readonly numHeads: number;
  readonly numKvHeads: number;
  readonly headDim: number;
  readonly qkNorm: boolean;
  readonly rmsNormEps: number;
  readonly ropeTheta: number;
  readonly ropeScaling: RopeScalingParams | null;
  readonly layerWindows: readonly (number | null)[];
}

/** The score gap (softmax logits) between the copied row and the best other row. */
const SCORE_GAP = 24;
/** The marker channel's value in every embedding row. */
const GAMMA = 1;
/** `fc`'s gain on the marker: it dominates the context rows, so their norm (and the key) barely depends on content. */
const BETA = 1000;
/** How much larger the copied feature is than the feature itself, in the drafter's residual. */
const COPY_GAIN = 4;

/** The plan fields `copy:SEED` needs; a manifest without them (or without a draft) is refused by name. */
function geometryOf(manifest: Manifest): CopyGeometry {
  if (!manifest.decoder.hasDraft || manifest.decoder.maskTokenId === null) {
    throw new CopyWeightsError(`weights copy:SEED build a drafter, and ${manifest.name} has none: use random:SEED`);
  }
  const plan = manifest.plan as { target?: Record<string, unknown>; draft?: { model?: Record<string, unknown>; [k: string]: unknown } } | null;
  const t = plan?.target;
  const d = plan?.draft;
  const m = d?.model;
  if (!t || !d || !m) throw new CopyWeightsError(`weights copy:SEED: the manifest of ${manifest.name} has no resolved plan (recompile it)`);
  const num = (o: Record<string, unknown>, k: string): number => {
    const v = o[k];
    if (typeof v !== "number" || !Number.isFinite(v)) throw new CopyWeightsError(`weights copy:SEED: the manifest's plan lacks ${k} (recompile it)`);
    return v;
  };
  const layerTypes = Array.isArray(d.layerTypes) ? (d.layerTypes as unknown[]) : [];
  const window = typeof d.slidingWindow === "number" ? d.slidingWindow : null;
  const scaling = m.ropeScaling as RopeScalingParams | null | undefined;
  return {
    hidden: num(t, "hiddenSize"),
    vocab: num(t, "vocabSize"),
    targetLayers: num(t, "numLayers"),
    tied: t.tieWordEmbeddings === true,
    oBias: t.oBias === true,
    blockSize: manifest.decoder.blockSize,
    maxContext: manifest.decoder.maxContext,
    maskTokenId: manifest.decoder.maskTokenId,
    targetLayerIds: Array.isArray(d.targetLayerIds) ? (d.targetLayerIds as number[]) : [],
    draftLayers: num(m, "numLayers"),
    numHeads: num(m, "numHeads"),
    numKvHeads: num(m, "numKvHeads"),
    headDim: num(m, "headDim"),
    qkNorm: m.qkNorm === true,
    rmsNormEps: num(m, "rmsNormEps"),
    ropeTheta: num(m, "ropeTheta"),
    ropeScaling: scaling ?? null,
    layerWindows: layerTypes.map((lt) => (lt === "sliding_attention" ? window : null)),
  };
}

/**
 * Query and key head vectors (RMS 1 each) whose RoPE'd dot product, as a function of the distance
 * `Δ` between query and key positions, is `sqrt(D) * Σ_j w_j cos((Δ - target) θ_j)`: largest at
 * `Δ = target`. The weights `w_j` (a geometric profile over frequency pairs, the best of a few) make
 * the smallest drop from that peak over the distances that occur (`gap`, a fraction of the peak) large.
 */
function phasePattern(freqs: readonly number[], target: number, minDelta: number, maxDelta: number): { q: number[]; k: number[]; gap: number } {
  const half = freqs.length;
  let best: { w: number[]; gap: number } | null = null;
  for (const rho of [1, 0.85, 0.7, 0.55, 0.4]) {
    const raw = freqs.map((_, j) => Math.pow(rho, j));
    const total = raw.reduce((a, b) => a + b, 0);
    const w = raw.map((x) => x / total);
    let gap = Infinity;
    for (let delta = minDelta; delta <= maxDelta; delta++) {
      if (delta === target) continue;
      let drop = 0;
      for (let j = 0; j < half; j++) drop += w[j] * (1 - Math.cos((delta - target) * freqs[j]));
      gap = Math.min(gap, drop);
    }
    if (best === null || gap > best.gap) best = { w, gap };
  }
  const D = 2 * half;
  const q = new Array<number>(D).fill(0);
  const k = new Array<number>(D).fill(0);
  for (let j = 0; j < half; j++) {
    const r = Math.sqrt(D * best!.w[j]);
    q[j] = r;
    k[j] = r * Math.cos(target * freqs[j]);
    k[j + half] = r * Math.sin(target * freqs[j]);
  }
  return { q, k, gap: best!.gap };
}

function tensor(weights: Map<string, Float32Array>, name: string): Float32Array {
  const t = weights.get(name);
  if (!t) throw new CopyWeightsError(`weights copy:SEED: the manifest has no weight ${name}`);
  return t;
}

/** RMSNorm of `x` (unit gain) at channel `c`: what an input norm with weight 1 makes of it. */
function normalizedAt(x: Float32Array, c: number, eps: number): number {
  let ms = 0;
  for (const v of x) ms += v * v;
  return x[c] / Math.sqrt(ms / x.length + eps);
}

/** The manifest's weights under `copy:SEED` (see the file comment), keyed by kernel argument name. */
export function copyWeights(manifest: Manifest, seed: number): Map<string, Float32Array> {
  const g = geometryOf(manifest);
  const H = g.hidden;
  const D = g.headDim;
  const K = g.blockSize;
  const P = g.tied ? 1 : Math.max(1, K - 1);
  const delta = P + 1;
  if (H < D + 2) throw new CopyWeightsError(`weights copy:SEED need a hidden size of at least the draft head size + 2 (${D + 2}); ${manifest.name} has ${H}`);
  if (P > D) throw new CopyWeightsError(`weights copy:SEED need block size - 1 (${P}) <= the draft head size (${D})`);
  if (g.vocab < P + 2) throw new CopyWeightsError(`weights copy:SEED need a vocabulary of at least ${P + 2} tokens`);
  const copyLayer = g.layerWindows.length === 0 ? 0 : g.layerWindows.findIndex((w) => w === null || w > delta);
  if (copyLayer < 0 || copyLayer >= g.draftLayers) {
    throw new CopyWeightsError(`weights copy:SEED need a draft layer whose attention reaches ${delta} positions back; every layer of ${manifest.name} has a sliding window of at most ${delta}`);
  }
  if (g.targetLayerIds.length === 0) throw new CopyWeightsError(`weights copy:SEED: the manifest's plan lacks targetLayerIds (recompile it)`);

  const w = randomWeights(manifest.weights, seed);
  const marker = D;
  const embed = tensor(w, "target.model.embed_tokens.weight");
  const head = g.tied ? embed : tensor(w, "target.lm_head.weight");

  // Target: the marker channel, constant through every layer.
  for (let t = 0; t < g.vocab; t++) embed[t * H + marker] = GAMMA;
  for (let l = 0; l < g.targetLayers; l++) {
    const p = `target.model.layers.${l}.`;
    const o = tensor(w, `${p}self_attn.o_proj.weight`);
    const oCols = o.length / H;
    o.fill(0, marker * oCols, (marker + 1) * oCols);
    if (g.oBias) tensor(w, `${p}self_attn.o_proj.bias`)[marker] = 0;
    const down = tensor(w, `${p}mlp.down_proj.weight`);
    const dCols = down.length / H;
    down.fill(0, marker * dCols, (marker + 1) * dCols);
  }

  // Target, separate LM head: the cycle s_0 -> s_1 -> ... -> s_{P-1} -> s_0 on channels 0..P-1.
  // Tied embeddings: one matrix scores a state's own token highest (random tied models repeat their
  // last token), so instead 2m tokens loop on themselves (P = 1), token 2c at +boost and 2c+1 at
  // -boost on channel c: a random state's largest |channel c| then usually beats its own token's
  // score, and the target settles on one of them. Loop tokens avoid the mask token.
  const loops = g.tied ? Math.min(4, D) : P;
  const rng = streamFor(seed, "copy:cycle");
  const tokens: number[] = [];
  while (tokens.length < (g.tied ? 2 * loops : P)) {
    const t = rng.int(g.vocab);
    if (t !== g.maskTokenId && !tokens.includes(t)) tokens.push(t);
  }
  const boost = (g.tied ? 16 : 4) * Math.sqrt(H);
  // The random LM head's logits have std about sqrt(H) * std(head row) (random.ts: max(0.02 sqrt(H), 1));
  // a boosted row's logit gets 5x that std on a random state (so the target enters the cycle within a
  // few tokens) and about 5 sqrt(H) times it on a cycle token's state (so it never leaves).
  const headBoost = 5 * Math.max(0.02 * Math.sqrt(H), 1);
  for (let k = 0; k < loops; k++) {
    if (g.tied) {
      embed[tokens[2 * k] * H + k] += boost;
      embed[tokens[2 * k + 1] * H + k] -= boost;
    } else {
      embed[tokens[k] * H + k] += boost;
      head[tokens[(k + 1) % P] * H + k] += headBoost;
    }
  }

  // Drafter: everything zero, norms one, then the copy path.
  for (const [name, t] of w) {
    if (!name.startsWith("draft.")) continue;
    t.fill(/norm\.weight$/.test(name) ? 1 : 0);
  }
  const last = Math.max(...g.targetLayerIds);
  const lastSlot = g.targetLayerIds.indexOf(last);
  const fc = tensor(w, "draft.fc.weight");
  const fcCols = g.targetLayerIds.length * H;
  fc[marker * fcCols + lastSlot * H + marker] = BETA;
  for (let j = 0; j < D; j++) fc[j * fcCols + lastSlot * H + j] = 1;

  const p = `draft.layers.${copyLayer}.`;
  tensor(w, `${p}input_layernorm.weight`)[marker] = 0;
  const mask = embed.subarray(g.maskTokenId * H, (g.maskTokenId + 1) * H);
  // The query reads the mask embedding's largest channel outside the copied ones and the marker.
  let qChannel = D + 1;
  for (let c = D + 1; c < H; c++) if (Math.abs(mask[c]) > Math.abs(mask[qChannel])) qChannel = c;
  const maskAtQ = normalizedAt(mask, qChannel, g.rmsNormEps);
  if (Math.abs(maskAtQ) < 1e-3) throw new CopyWeightsError(`weights copy:SEED: the mask token's embedding is zero outside its first ${D + 1} channels`);

  // The kernels' own RoPE frequencies, so the phases below are the ones the drafter sees.
  const freqs = [...ropeInvFreq(g.ropeTheta, g.headDim, g.ropeScaling)];
  // Context rows sit Δ = i+1 .. maxContext+K behind block position i; only Δ = P+1 should win.
  const pattern = phasePattern(freqs, delta, 2, g.maxContext + K);
  const scale = Math.sqrt(SCORE_GAP / (Math.sqrt(D) * pattern.gap));
  const q = tensor(w, `${p}self_attn.q_proj.weight`);
  const k = tensor(w, `${p}self_attn.k_proj.weight`);
  const v = tensor(w, `${p}self_attn.v_proj.weight`);
  // Context rows: the norm of fc's output is dominated by the marker, so it reads about sqrt(H) there.
  const ctxMarker = Math.sqrt(H);
  for (let j = 0; j < D; j++) {
    // Divided by the mask's value there (sign included) so the mask rows' query is the pattern itself.
    q[j * H + qChannel] = (g.qkNorm ? pattern.q[j] : scale * pattern.q[j]) / maskAtQ;
    k[j * H + marker] = g.qkNorm ? pattern.k[j] : (scale * pattern.k[j]) / ctxMarker;
    v[j * H + j] = 1;
  }
  if (g.qkNorm) {
    tensor(w, `${p}self_attn.q_norm.weight`).fill(scale);
    tensor(w, `${p}self_attn.k_norm.weight`).fill(scale);
  }
  // The attended context row holds its feature's channels divided by about BETA*GAMMA/sqrt(H).
  const o = tensor(w, `${p}self_attn.o_proj.weight`);
  const oCols = g.numHeads * D;
  for (let j = 0; j < D; j++) o[j * oCols + j] = (COPY_GAIN * BETA * GAMMA) / ctxMarker;

  if (manifest.decoder.dtype === "bf16") for (const t of w.values()) for (let i = 0; i < t.length; i++) t[i] = roundBf16(t[i]);
  return w;
}
