/**
 * The naive ground truth: a plain forward pass of the target over a whole sequence (no paging, no
 * padding, no cache: full recompute for every new token), and the DFlash draft forward with its
 * context recomputed from scratch. Written from docs/kernels.md alone; it shares no code with the
 * graph evaluator or the lowerings, so agreeing with it means something.
 *
 * Numerics follow the contract: each op computes in double and rounds its result once to the model
 * dtype (f32, or bf16 through f32); logits stay f32.
 */
import type { DecoderPlan, ResolvedModel } from "../../compiler/ir/plan.js";

type Weights = ReadonlyMap<string, Float32Array>;
type Rows = number[][];

const buf = new Float32Array(1);
const bits = new Uint32Array(buf.buffer);
function toBf16(x: number): number {
  buf[0] = x;
  bits[0] = ((bits[0] + 0x7fff + ((bits[0] >>> 16) & 1)) & 0xffff0000) >>> 0;
  return buf[0];
}

/** The rounding of one op's result in this model's dtype. */
const rounder = (m: ResolvedModel) => (m.dtype === "bf16" ? toBf16 : Math.fround);

function w(weights: Weights, name: string): Float32Array {
  const t = weights.get(name);
  if (!t) throw new Error(`naive model: no weight ${name}`);
  return t;
}

function rmsNorm(rows: Rows, g: Float32Array, eps: number, r: (x: number) => number): Rows {
  return rows.map((x) => {
    const ms = x.reduce((s, v) => s + v * v, 0) / x.length;
    const inv = 1 / Math.sqrt(ms + eps);
    return x.map((v, j) => r(v * inv * g[j]));
  });
}

/** `x @ W^T (+ b)` with W `[out, in]`. */
function linear(rows: Rows, W: Float32Array, outDim: number, r: (x: number) => number, b?: Float32Array): Rows {
  return rows.map((x) => {
    const y: number[] = [];
    for (let o = 0; o < outDim; o++) {
      let acc = 0;
      for (let i = 0; i < x.length; i++) acc += x[i] * W[o * x.length + i];
      y.push(r(b ? acc + b[o] : acc));
    }
    return y;
  });
}

function invFreqs(m: ResolvedModel): number[] {
  const half = m.headDim / 2;
  return Array.from({ length: half }, (_, i) => {
    let f = Math.pow(m.ropeTheta, (-2 * i) / m.headDim);
    const s = m.ropeScaling;
    if (s) {
      const wavelen = (2 * Math.PI) / f;
      const lowWave = s.originalMaxPositions / s.lowFreqFactor;
      const highWave = s.originalMaxPositions / s.highFreqFactor;
      if (wavelen > lowWave) f = f / s.factor;
      else if (wavelen >= highWave) {
        const smooth = (s.originalMaxPositions / wavelen - s.lowFreqFactor) / (s.highFreqFactor - s.lowFreqFactor);
        f = (1 - smooth) * (f / s.factor) + smooth * f;
      }
    }
    return Math.fround(f);
  });
}

/** Per-head norm (optional) then rotate-half RoPE of one row `[heads*D]` at `pos`. */
function headPrep(x: number[], heads: number, m: ResolvedModel, pos: number, norm: Float32Array | null, r: (x: number) => number): number[] {
  const d = m.headDim;
  const half = d / 2;
  const inv = invFreqs(m);
  const out = [...x];
  for (let h = 0; h < heads; h++) {
    let head = out.slice(h * d, (h + 1) * d);
    if (norm) head = rmsNorm([head], norm, m.rmsNormEps, r)[0];
    for (let i = 0; i < half; i++) {
      const a = Math.fround(pos * inv[i]);
      const c = Math.cos(a);
      const s = Math.sin(a);
      out[h * d + i] = r(head[i] * c - head[i + half] * s);
      out[h * d + i + half] = r(head[i + half] * c + head[i] * s);
    }
  }
  return out;
}

/** Softmax attention of `q[heads*D]` over key/value rows (`[kvHeads*D]` each), GQA. */
function attend(q: number[], keys: Rows, values: Rows, m: ResolvedModel, r: (x: number) => number): number[] {
  const d = m.headDim;
  const rep = m.numHeads / m.numKvHeads;
  const out: number[] = [];
  for (let h = 0; h < m.numHeads; h++) {
    const kh = Math.floor(h / rep);
    const scores = keys.map((k) => {
      let s = 0;
      for (let j = 0; j < d; j++) s += q[h * d + j] * k[kh * d + j];
      return s / Math.sqrt(d);
    });
    const max = Math.max(...scores);
    const e = scores.map((s) => Math.exp(s - max));
    const total = e.reduce((a, b) => a + b, 0);
    for (let j = 0; j < d; j++) out.push(r(e.reduce((acc, p, s) => acc + (p / total) * values[s][kh * d + j], 0)));
  }
  return out;
}

function add(a: Rows, b: Rows, r: (x: number) => number): Rows {
  return a.map((x, i) => x.map((v, j) => r(v + b[i][j])));
}

interface LayerIO {
  readonly q: Rows;
  readonly k: Rows;
  readonly v: Rows;
}

/** Pre-norm q/k/v of a layer at `positions`. */
function qkv(x: Rows, m: ResolvedModel, weights: Weights, p: string, positions: readonly number[]): LayerIO {
  const r = rounder(m);
  const h = rmsNorm(x, w(weights, `${p}input_layernorm.weight`), m.rmsNormEps, r);
  const bias = (n: string) => (m.qkvBias ? w(weights, `${p}self_attn.${n}.bias`) : undefined);
  const q = linear(h, w(weights, `${p}self_attn.q_proj.weight`), m.numHeads * m.headDim, r, bias("q_proj"));
  const k = linear(h, w(weights, `${p}self_attn.k_proj.weight`), m.numKvHeads * m.headDim, r, bias("k_proj"));
  const v = linear(h, w(weights, `${p}self_attn.v_proj.weight`), m.numKvHeads * m.headDim, r, bias("v_proj"));
  const qn = m.qkNorm ? w(weights, `${p}self_attn.q_norm.weight`) : null;
  const kn = m.qkNorm ? w(weights, `${p}self_attn.k_norm.weight`) : null;
  return {
    q: q.map((row, i) => headPrep(row, m.numHeads, m, positions[i], qn, r)),
    k: k.map((row, i) => headPrep(row, m.numKvHeads, m, positions[i], kn, r)),
    v,
  };
}

/** o_proj + residual + MLP + residual. */
function finishLayer(x: Rows, attn: Rows, m: ResolvedModel, weights: Weights, p: string): Rows {
  const r = rounder(m);
  const o = linear(attn, w(weights, `${p}self_attn.o_proj.weight`), m.hiddenSize, r, m.oBias ? w(weights, `${p}self_attn.o_proj.bias`) : undefined);
  const h = add(x, o, r);
  const n2 = rmsNorm(h, w(weights, `${p}post_attention_layernorm.weight`), m.rmsNormEps, r);
  const gate = linear(n2, w(weights, `${p}mlp.gate_proj.weight`), m.intermediateSize, r);
  const up = linear(n2, w(weights, `${p}mlp.up_proj.weight`), m.intermediateSize, r);
  const act = gate.map((g, i) => g.map((v, j) => r((v / (1 + Math.exp(-v))) * up[i][j])));
  return add(h, linear(act, w(weights, `${p}mlp.down_proj.weight`), m.hiddenSize, r), r);
}

function embed(weights: Weights, m: ResolvedModel, tokens: readonly number[]): Rows {
  const e = w(weights, "target.model.embed_tokens.weight");
  return tokens.map((t) => Array.from(e.subarray(t * m.hiddenSize, (t + 1) * m.hiddenSize)));
}

function logitsOf(x: Rows, weights: Weights, m: ResolvedModel, normName: string): Rows {
  const head = weights.get("target.lm_head.weight") ?? w(weights, "target.model.embed_tokens.weight");
  return linear(rmsNorm(x, w(weights, normName), m.rmsNormEps, rounder(m)), head, m.vocabSize, Math.fround);
}

function argmax(row: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < row.length; i++) if (row[i] > row[best]) best = i;
  return best;
}

export interface NaiveTargetPass {
  /** Output of every layer, `[layer][position][H]`. */
  readonly layerOutputs: Rows[];
  /** K and V after k_norm and RoPE, `[layer][position][kvHeads*D]`. */
  readonly k: Rows[];
  readonly v: Rows[];
  /** f32 logits per position. */
  readonly logits: Rows;
}

/** The target over a whole sequence at positions `0..n-1`, causal. */
export function naiveTargetForward(weights: Weights, plan: DecoderPlan, tokens: readonly number[]): NaiveTargetPass {
  const m = plan.target;
  const positions = tokens.map((_, i) => i);
  let x = embed(weights, m, tokens);
  const layerOutputs: Rows[] = [];
  const ks: Rows[] = [];
  const vs: Rows[] = [];
  for (let l = 0; l < m.numLayers; l++) {
    const p = `target.model.layers.${l}.`;
    const { q, k, v } = qkv(x, m, weights, p, positions);
    const attn = q.map((row, i) => attend(row, k.slice(0, i + 1), v.slice(0, i + 1), m, rounder(m)));
    x = finishLayer(x, attn, m, weights, p);
    layerOutputs.push(x);
    ks.push(k);
    vs.push(v);
  }
  return { layerOutputs, k: ks, v: vs, logits: logitsOf(x, weights, m, "target.model.norm.weight") };
}

/** Greedy autoregressive decoding by full recompute: the `maxNew` tokens after `promptIds`. */
export function naiveGreedy(weights: Weights, plan: DecoderPlan, promptIds: readonly number[], maxNew: number): number[] {
  const seq = [...promptIds];
  const out: number[] = [];
  for (let i = 0; i < maxNew; i++) {
    const { logits } = naiveTargetForward(weights, plan, seq);
    const t = argmax(logits[logits.length - 1]);
    out.push(t);
    seq.push(t);
  }
  return out;
}

export interface NaiveDraftPass {
  /** The K-1 draft tokens (argmax at block positions 1..K-1). */
  readonly draftTokens: number[];
  /** f32 logits at block positions 1..K-1. */
  readonly logits: Rows;
  /** Draft context K/V rows, `[draftLayer][position 0..n-2][kvHeads*D]`. */
  readonly ctxK: Rows[];
  readonly ctxV: Rows[];
}

/** Draft context rows of positions `0..len-1` from the target's features (full recompute). */
export function naiveDraftContext(weights: Weights, plan: DecoderPlan, tokens: readonly number[]): { k: Rows[]; v: Rows[] } {
  const d = plan.draft!;
  const m = d.model;
  const r = rounder(m);
  if (tokens.length === 0) return { k: Array.from({ length: m.numLayers }, () => []), v: Array.from({ length: m.numLayers }, () => []) };
  const pass = naiveTargetForward(weights, plan, tokens);
  const feats = tokens.map((_, i) => d.targetLayerIds.flatMap((id) => pass.layerOutputs[id][i]));
  const ctx = rmsNorm(linear(feats, w(weights, "draft.fc.weight"), m.hiddenSize, r), w(weights, "draft.hidden_norm.weight"), m.rmsNormEps, r);
  const k: Rows[] = [];
  const v: Rows[] = [];
  for (let l = 0; l < m.numLayers; l++) {
    const p = `draft.layers.${l}.self_attn.`;
    const kk = linear(ctx, w(weights, `${p}k_proj.weight`), m.numKvHeads * m.headDim, r);
    k.push(kk.map((row, i) => headPrep(row, m.numKvHeads, m, i, m.qkNorm ? w(weights, `${p}k_norm.weight`) : null, r)));
    v.push(linear(ctx, w(weights, `${p}v_proj.weight`), m.numKvHeads * m.headDim, r));
  }
  return { k, v };
}

/** One DFlash draft for a request with `committed` tokens (n >= 1): context = positions 0..n-2. */
export function naiveDraft(weights: Weights, plan: DecoderPlan, committed: readonly number[]): NaiveDraftPass {
  const d = plan.draft!;
  const m = d.model;
  const K = plan.blockSize;
  const n = committed.length;
  const ctx = naiveDraftContext(weights, plan, committed.slice(0, n - 1));
  const block = [committed[n - 1], ...Array.from({ length: K - 1 }, () => d.maskTokenId)];
  const positions = block.map((_, i) => n - 1 + i);
  let x = embed(weights, m, block);
  for (let l = 0; l < m.numLayers; l++) {
    const p = `draft.layers.${l}.`;
    const { q, k, v } = qkv(x, m, weights, p, positions);
    const window = d.layerTypes[l] === "sliding_attention" ? d.slidingWindow : null;
    const attn = q.map((row, i) => {
      // Context rows p valid when p > blockPosition - window; all block rows visible (non-causal).
      const keep = ctx.k[l].map((_, c) => window === null || c > positions[i] - window);
      const keys = [...ctx.k[l].filter((_, c) => keep[c]), ...k];
      const values = [...ctx.v[l].filter((_, c) => keep[c]), ...v];
      return attend(row, keys, values, m, rounder(m));
    });
    x = finishLayer(x, attn, m, weights, p);
  }
  const logits = logitsOf(x.slice(1), weights, m, "draft.norm.weight");
  return { draftTokens: logits.map(argmax), logits, ctxK: ctx.k, ctxV: ctx.v };
}
