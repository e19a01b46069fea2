/**
 * Ground truth for the sampling tests, independent of the kernels: the sampling distribution computed
 * in f64 by sorting (the kernels bisect over f32 bit patterns), the exact distribution of the first
 * tokens of target-only sampling by enumeration over the naive model, and a chi-square test.
 */
import type { DecoderPlan } from "../../compiler/ir/plan.js";
import type { SamplingParams } from "../../runtime/sampling.js";
import { naiveTargetForward } from "../helpers/naive-model.js";

/** docs/kernels.md "The sampling distribution", in f64 with sorts; temperature 0 is one-hot at the argmax. */
export function referenceProbs(logits: ArrayLike<number>, p: SamplingParams): Float64Array {
  const v = logits.length;
  const out = new Float64Array(v);
  const l = Array.from(logits);
  if (!(p.temperature > 0)) {
    let best = 0;
    for (let j = 1; j < v; j++) if (l[j] > l[best]) best = j;
    out[best] = 1;
    return out;
  }
  const m = Math.max(...l);
  const e = l.map((x) => Math.exp((x - m) / p.temperature));
  if (p.topK > 0 && p.topK < v) {
    const kth = [...e].sort((a, b) => b - a)[p.topK - 1];
    for (let j = 0; j < v; j++) if (e[j] < kth) e[j] = 0;
  }
  const s = e.reduce((a, b) => a + b, 0);
  const p1 = e.map((x) => x / s);
  if (p.topP < 1) {
    const keep = p1.map((x) => p1.reduce((acc, y) => acc + (y > x ? y : 0), 0) < p.topP);
    for (let j = 0; j < v; j++) if (!keep[j]) p1[j] = 0;
  }
  const s2 = p1.reduce((a, b) => a + b, 0);
  for (let j = 0; j < v; j++) out[j] = p1[j] / s2;
  return out;
}

/** The target's sampling distribution of the token after `context` (naive full-recompute forward). */
export function nextTokenProbs(weights: ReadonlyMap<string, Float32Array>, plan: DecoderPlan, context: readonly number[], p: SamplingParams): Float64Array {
  const { logits } = naiveTargetForward(weights, plan, context);
  return referenceProbs(logits[logits.length - 1], p);
}

/**
 * The exact joint distribution of the first `depth` tokens that target-only sampling generates after
 * `prompt`, keyed by the tokens joined with ",": the product of the conditionals along each path, one
 * naive forward per enumerated context. Also returns each context's conditional distribution (key: the
 * generated tokens so far), for oracle drafts.
 */
export function exactJoint(
  weights: ReadonlyMap<string, Float32Array>,
  plan: DecoderPlan,
  prompt: readonly number[],
  p: SamplingParams,
  depth: number,
): { joint: Map<string, number>; conditionals: Map<string, Float64Array> } {
  const joint = new Map<string, number>();
  const conditionals = new Map<string, Float64Array>();
  const walk = (gen: number[], prob: number): void => {
    const dist = nextTokenProbs(weights, plan, [...prompt, ...gen], p);
    conditionals.set(gen.join(","), dist);
    dist.forEach((q, t) => {
      if (q === 0) return;
      if (gen.length + 1 === depth) joint.set([...gen, t].join(","), prob * q);
      else walk([...gen, t], prob * q);
    });
  };
  walk([], 1);
  return { joint, conditionals };
}

/** log Γ(x), Lanczos (g = 7, n = 9). */
function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
    -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = c[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Upper regularized incomplete gamma Q(a, x) (series below a+1, continued fraction above). */
function gammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  const lg = logGamma(a);
  if (x < a + 1) {
    let sum = 1 / a;
    let term = sum;
    for (let n = 1; n < 10_000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-15) break;
    }
    return 1 - sum * Math.exp(-x + a * Math.log(x) - lg);
  }
  let b = x + 1 - a;
  let c = 1 / 1e-300;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < 1e-300) d = 1e-300;
    c = b + an / c;
    if (Math.abs(c) < 1e-300) c = 1e-300;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return Math.exp(-x + a * Math.log(x) - lg) * h;
}

export interface ChiSquare {
  readonly statistic: number;
  readonly df: number;
  /** P(X >= statistic) for X ~ chi-square(df). */
  readonly pValue: number;
  /** Total-variation distance between the empirical and the exact distribution. */
  readonly tv: number;
  readonly cells: number;
}

/**
 * Pearson's chi-square of observed `counts` (n samples) against exact probabilities `truth`. Cells
 * whose expected count is below `minExpected` are pooled into one cell. An outcome the truth gives
 * probability 0 makes the statistic infinite (p-value 0): the sampler left the support.
 */
export function chiSquare(counts: ReadonlyMap<string, number>, truth: ReadonlyMap<string, number>, minExpected = 5): ChiSquare {
  const n = [...counts.values()].reduce((a, b) => a + b, 0);
  let statistic = 0;
  let cells = 0;
  let pooledObs = 0;
  let pooledExp = 0;
  let tv = 0;
  for (const [key, q] of truth) {
    const obs = counts.get(key) ?? 0;
    tv += Math.abs(obs / n - q);
    const exp = q * n;
    if (exp < minExpected) {
      pooledObs += obs;
      pooledExp += exp;
      continue;
    }
    statistic += (obs - exp) ** 2 / exp;
    cells++;
  }
  let impossible = 0;
  for (const [key, obs] of counts) {
    if (!truth.has(key)) {
      impossible += obs;
      tv += obs / n;
    }
  }
  if (pooledExp > 0) {
    statistic += (pooledObs - pooledExp) ** 2 / pooledExp;
    cells++;
  }
  if (impossible > 0) statistic = Infinity;
  const df = cells - 1;
  return { statistic, df, pValue: Number.isFinite(statistic) ? gammaQ(df / 2, statistic / 2) : 0, tv: tv / 2, cells };
}
