/**
 * The statistical experiment shared by the distribution tests: a tiny sampling decoder (vocab 16),
 * a fixed prompt, the exact joint distribution of the first DEPTH generated tokens under target-only
 * sampling (by enumeration), and a sampler that runs many seeded requests through the kernel graphs
 * (graph evaluator) in batches of 16 and counts the first DEPTH tokens each one generates.
 */
import type { DecoderPlan } from "../../compiler/ir/plan.js";
import { samplingParams, type SamplingParams } from "../../runtime/sampling.js";
import { randomWeights } from "../../runtime/weights/random.js";
import { probsReportingRun, SamplingDriver, type HostRule, type SampleRequest } from "./driver.js";
import { tinySamplingPlan } from "./helpers.js";
import { exactJoint } from "./reference.js";
import { planWeights } from "../../compiler/ir/weights.js";

export const PROMPT = [3, 1, 4, 1, 5, 9];
/** Tokens per sample whose joint distribution is tested. */
export const DEPTH = 3;
/** Significance level of every chi-square test here. */
export const ALPHA = 1e-3;
const BATCH = 16;

export interface Experiment {
  readonly plan: DecoderPlan;
  readonly weights: ReadonlyMap<string, Float32Array>;
  readonly params: SamplingParams;
  /** Exact P(first DEPTH tokens), keyed "t1,t2,t3". */
  readonly truth: Map<string, number>;
  /** The target's sampling distribution after each enumerated generated prefix (key "t1,t2" ...). */
  readonly conditionals: Map<string, Float64Array>;
}

export function experiment(params: Partial<SamplingParams>, weightSeed = 5): Experiment {
  const plan = tinySamplingPlan();
  const weights = randomWeights(planWeights(plan), weightSeed);
  const p = samplingParams(params);
  const { joint, conditionals } = exactJoint(weights, plan, PROMPT, p, DEPTH);
  return { plan, weights, params: p, truth: joint, conditionals };
}

/**
 * A deterministic draft policy that knows the target (from the enumeration): mostly the most probable
 * token, sometimes the second most probable or the least probable one (often outside the top-k/top-p
 * support), so every acceptance length and both accept and reject paths are common. Any deterministic
 * function of the context is a valid one-hot draft.
 */
export function oracleDrafts(e: Experiment, req: SampleRequest, k: number): number[] {
  const ctx = req.committed.slice(req.promptLength);
  const drafts: number[] = [];
  for (let j = 1; j < k; j++) {
    const dist = e.conditionals.get(ctx.join(","));
    let d = 0;
    if (dist) {
      const order = [...dist.keys()].sort((a, b) => dist[b] - dist[a] || a - b);
      const h = (ctx.reduce((s, t) => s + t, 0) + 7 * ctx.length + 3) % 5;
      d = h === 0 ? order[order.length - 1] : h === 1 ? order[1] : order[0];
    }
    drafts.push(d);
    ctx.push(d);
  }
  return drafts;
}

export type Sampler =
  | { readonly kind: "decode_step_sample" }
  | { readonly kind: "target_step_sample" }
  /** verify_sample on oracle drafts; `rule` replaces the kernel's acceptance (negative controls). */
  | { readonly kind: "oracle"; readonly rule?: HostRule };

export interface SampleResult {
  /** Samples per "t1,t2,t3". */
  readonly counts: Map<string, number>;
  /** Histogram of accepted lengths over the steps of requests still short of DEPTH tokens. */
  readonly accepted: number[];
}

/** `n` samples (a multiple of 16) of the first DEPTH tokens, request `i` using uniform stream `(seed, i)`. */
export function sampleFirstTokens(e: Experiment, sampler: Sampler, n: number, seed: number): SampleResult {
  const K = e.plan.blockSize;
  const driver: SamplingDriver = new SamplingDriver(e.plan, e.weights, probsReportingRun(e.plan, () => driver));
  const maxLen = PROMPT.length + DEPTH + K;
  // Every batch starts from the same prefilled state: prefill once, then reuse the cache tensors
  // (kernel calls never modify their inputs).
  driver.prefillAllButLast(driver.newRequests(PROMPT, BATCH, maxLen, e.params, seed));
  const prefilled = new Map(driver.caches);
  const counts = new Map<string, number>();
  const accepted = new Array<number>(K).fill(0);
  for (let b = 0; b < n / BATCH; b++) {
    driver.caches = new Map(prefilled);
    const reqs = driver.newRequests(PROMPT, BATCH, maxLen, e.params, seed, b * BATCH);
    const pending = () => reqs.map((q) => q.committed.length - q.promptLength < DEPTH);
    for (let live = pending(); live.some((x) => x); live = pending()) {
      const rec =
        sampler.kind === "oracle"
          ? driver.step("verify_sample", reqs, { rule: sampler.rule, blocks: reqs.map((q) => [q.committed.at(-1)!, ...oracleDrafts(e, q, K)]) })
          : driver.step(sampler.kind, reqs);
      rec.accepted.forEach((a, i) => live[i] && accepted[a]++);
    }
    for (const q of reqs) {
      const key = q.committed.slice(q.promptLength, q.promptLength + DEPTH).join(",");
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return { counts, accepted };
}

/** Smallest j whose prefix sum of `w` exceeds `u * sum(w)` (f64), the last j with w > 0 otherwise. */
function draw(w: ArrayLike<number>, u: number): number {
  let total = 0;
  for (let j = 0; j < w.length; j++) total += w[j];
  let acc = 0;
  let last = 0;
  for (let j = 0; j < w.length; j++) {
    if (w[j] > 0) last = j;
    acc += w[j];
    if (acc > u * total) return j;
  }
  return last;
}

const row = (probs: Float32Array, v: number, i: number) => probs.subarray(i * v, (i + 1) * v);

/**
 * Negative control 1: accept `d` with probability `p(d)` (right), but on a rejection draw the
 * correction from `p` itself instead of the residual `p - q` (wrong: `d` gets probability `p(d)(2 - p(d))`).
 */
export const resampleFromP: HostRule = (probs, v, block, u) => {
  const k = block.length;
  let a = 0;
  while (a < k - 1 && u[a] < row(probs, v, a)[block[a + 1]]) a++;
  return { accepted: a, tokens: [...block.slice(1, a + 1), draw(row(probs, v, a), u[k - 1])] };
};

/**
 * Negative control 2: greedy verification at temperature > 0 — accept `d` iff it is the target's most
 * probable token, then sample the next token from `p` (wrong: the mode is over-represented).
 */
export const greedyAcceptThenSample: HostRule = (probs, v, block, u) => {
  const k = block.length;
  const mode = (i: number) => {
    const r = row(probs, v, i);
    let best = 0;
    for (let j = 1; j < v; j++) if (r[j] > r[best]) best = j;
    return best;
  };
  let a = 0;
  while (a < k - 1 && block[a + 1] === mode(a)) a++;
  return { accepted: a, tokens: [...block.slice(1, a + 1), draw(row(probs, v, a), u[k - 1])] };
};

/**
 * "Accept iff the draft equals the target's sampled token": sample `t_i ~ p_i` with `u[i]` (the
 * bonus with `u[K-1]`), accept while `d(i+1) == t_i`, commit `t_a`. With a deterministic draft this
 * commits `t_0, t_1, ...`, each drawn from its own conditional: it is exact, only less efficient in
 * general (here it accepts exactly as often as rejection sampling does, `p(d)`).
 */
export const acceptIfEqualToSampled: HostRule = (probs, v, block, u) => {
  const k = block.length;
  const t = (i: number) => draw(row(probs, v, i), u[i]);
  let a = 0;
  while (a < k - 1 && block[a + 1] === t(a)) a++;
  return { accepted: a, tokens: [...block.slice(1, a + 1), t(a)] };
};

/**
 * Negative control 3, the form of "accept iff equal to the target's sampled token" that is wrong:
 * compare with `t_i ~ p_i` (drawn with `u[i]`), but on a mismatch commit a fresh draw from `p` (with
 * `u[K-1]`) instead of `t_i` itself — the same bias as `resampleFromP`.
 */
export const acceptIfEqualThenResample: HostRule = (probs, v, block, u) => {
  const k = block.length;
  let a = 0;
  while (a < k - 1 && block[a + 1] === draw(row(probs, v, a), u[a])) a++;
  return { accepted: a, tokens: [...block.slice(1, a + 1), draw(row(probs, v, a), u[k - 1])] };
};
