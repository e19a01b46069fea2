// The two sampling graph ops: the evaluator and the StableHLO interpreter agree bit for bit (they
// follow one operation order), the evaluator matches an independent f64 sort-based reference, and
// the sharp edges (ties, off switches, temperature 0, the residual, the inverse CDF) behave as
// docs/kernels.md "Sampling" says.
import { describe, expect, it } from "vitest";
import { fromData, type GraphTensor } from "../../compiler/ir/graph-tensor.js";
import { evaluateKernel } from "../../compiler/ir/graph-eval.js";
import { SplitMix32 } from "../../runtime/weights/random.js";
import { referenceProbs } from "./reference.js";
import { runBoth, samplingOpsGraph } from "./helpers.js";

const f32 = (shape: number[], data: ArrayLike<number>) => fromData("f32", shape, data);
const i32 = (shape: number[], data: ArrayLike<number>) => fromData("i32", shape, data);

interface Case {
  logits: number[];
  temperature: number[];
  topK: number[];
  topP: number[];
  block: number[];
  uniforms: number[];
}

/** Random logits with deliberate ties, parameters from the edges of their ranges, uniforms incl. 0 and >= 1. */
function randomCase(rng: SplitMix32, r: number, k: number, v: number): Case {
  const pick = <T>(xs: readonly T[]) => xs[rng.int(xs.length)];
  const logits = Array.from({ length: r * k * v }, () => rng.normalish() * pick([0.5, 2, 8]));
  for (let i = 0; i < logits.length; i++) if (rng.uniform() < 0.2) logits[i] = logits[i - (i % v)]; // ties with the row's first
  return {
    logits,
    temperature: Array.from({ length: r }, () => pick([0, 0, 0.3, 0.7, 1, 1.5, 1e-3])),
    topK: Array.from({ length: r }, () => pick([0, 1, 2, 3, v - 1, v, v + 2, -1])),
    topP: Array.from({ length: r }, () => pick([1, 1, 0.95, 0.8, 0.5, 0.1, 0, 1.5])),
    block: Array.from({ length: r * k }, () => rng.int(v + 1) - (rng.uniform() < 0.05 ? v + 1 : 0)),
    uniforms: Array.from({ length: r * k }, () => pick([rng.uniform(), rng.uniform(), rng.uniform(), 0, 1, 0.99999994, 1.5])),
  };
}

function argsOf(c: Case, r: number, k: number, v: number): Map<string, GraphTensor> {
  return new Map([
    ["logits", f32([r, k, v], c.logits)],
    ["temperature", f32([r], c.temperature)],
    ["top_k", i32([r], c.topK)],
    ["top_p", f32([r], c.topP)],
    ["block", i32([r, k], c.block)],
    ["uniforms", f32([r, k], c.uniforms)],
  ]);
}

/** Evaluator only: probs, accepted and tokens of one case. */
function evaluate(c: Case, r: number, k: number, v: number) {
  const out = evaluateKernel(samplingOpsGraph(r, k, v), argsOf(c, r, k, v));
  return { probs: [...out.get("probs")!.data], accepted: [...out.get("accepted")!.data], tokens: [...out.get("tokens")!.data] };
}

describe("samplingProbs and acceptSample: evaluator vs interpreter", () => {
  for (const [r, k, v] of [[4, 4, 16], [3, 1, 7], [2, 3, 33], [2, 2, 1]] as const) {
    it(`bit-identical probabilities and identical tokens, R=${r} K=${k} V=${v}`, () => {
      const rng = new SplitMix32(1000 + r * 100 + k * 10 + v);
      const graph = samplingOpsGraph(r, k, v);
      for (let n = 0; n < 12; n++) {
        const { evaluator, interpreter } = runBoth(graph, argsOf(randomCase(rng, r, k, v), r, k, v));
        const bits = (t: GraphTensor) => [...new Int32Array((t.data as Float32Array).slice().buffer)];
        expect(bits(interpreter.get("probs")!)).toEqual(bits(evaluator.get("probs")!));
        expect([...interpreter.get("accepted")!.data]).toEqual([...evaluator.get("accepted")!.data]);
        expect([...interpreter.get("tokens")!.data]).toEqual([...evaluator.get("tokens")!.data]);
      }
    });
  }
});

describe("samplingProbs", () => {
  it("matches an f64 sort-based reference: same support, probabilities within 2e-6", () => {
    const rng = new SplitMix32(77);
    const v = 24;
    let rows = 0;
    for (let n = 0; n < 300; n++) {
      const logits = Array.from({ length: v }, () => rng.normalish() * 3);
      const params = { temperature: [0.25, 0.6, 1, 1.7][n % 4], topK: [0, 3, 8, 23][(n >> 2) % 4], topP: [1, 0.9, 0.5, 0.25][(n >> 4) % 4] };
      const c: Case = { logits, temperature: [params.temperature], topK: [params.topK], topP: [params.topP], block: [0], uniforms: [0.5] };
      const got = evaluate(c, 1, 1, v).probs;
      const want = referenceProbs(Float32Array.from(logits), params);
      expect(got.map((x) => x > 0)).toEqual([...want].map((x) => x > 0));
      got.forEach((x, j) => expect(Math.abs(x - want[j])).toBeLessThan(2e-6));
      rows++;
    }
    expect(rows).toBe(300);
  });

  const probsOf = (logits: number[], temperature: number, topK: number, topP: number) =>
    evaluate({ logits, temperature: [temperature], topK: [topK], topP: [topP], block: [0], uniforms: [0] }, 1, 1, logits.length).probs;

  it("temperature <= 0 (and NaN) is one-hot at the argmax, lowest index among ties, whatever top-k/top-p say", () => {
    expect(probsOf([1, 5, 5, 2], 0, 2, 0.3)).toEqual([0, 1, 0, 0]);
    expect(probsOf([1, 5, 5, 2], -1, 0, 1)).toEqual([0, 1, 0, 0]);
    expect(probsOf([9, 5, 5, 2], NaN, 0, 1)).toEqual([1, 0, 0, 0]);
  });

  it("top-k keeps every value tied at the k-th largest; k <= 0 or k >= V is off", () => {
    const keep = (p: number[]) => p.map((x) => (x > 0 ? 1 : 0));
    expect(keep(probsOf([1, 3, 3, 2], 1, 2, 1))).toEqual([0, 1, 1, 0]);
    expect(keep(probsOf([1, 3, 3, 2], 1, 1, 1))).toEqual([0, 1, 1, 0]);
    expect(keep(probsOf([1, 3, 2, 2], 1, 2, 1))).toEqual([0, 1, 1, 1]);
    expect(keep(probsOf([1, 3, 2, 0], 1, 3, 1))).toEqual([1, 1, 1, 0]);
    for (const k of [0, -2, 4, 9]) expect(keep(probsOf([1, 3, 2, 0], 1, k, 1))).toEqual([1, 1, 1, 1]);
  });

  it("top-p keeps the smallest most-probable set reaching p (strictly-more-probable mass < p); the mode always stays", () => {
    const logits = [Math.log(0.5), Math.log(0.3), Math.log(0.2)];
    const keep = (topP: number) => probsOf(logits, 1, 0, topP).map((x) => (x > 0 ? 1 : 0));
    expect(keep(0.45)).toEqual([1, 0, 0]);
    expect(keep(0.6)).toEqual([1, 1, 0]);
    expect(keep(0.85)).toEqual([1, 1, 1]);
    expect(keep(0)).toEqual([1, 0, 0]);
    const p = probsOf(logits, 1, 0, 0.6);
    expect(p[0] / p[1]).toBeCloseTo(5 / 3, 5);
    expect(p[0] + p[1]).toBeCloseTo(1, 6);
  });
});

describe("acceptSample", () => {
  /** Runs acceptSample on explicit probabilities: logits = log p at temperature 1 reproduce them to f32 precision. */
  const accept = (rows: number[][], block: number[], uniforms: number[]) => {
    const k = rows.length;
    const v = rows[0].length;
    const logits = rows.flat().map((p) => (p > 0 ? Math.log(p) : -1e30));
    return evaluate({ logits, temperature: [1], topK: [0], topP: [1], block, uniforms }, 1, k, v);
  };

  it("accepts d iff u < p(d); on a rejection draws from p without d; after K-1 acceptances draws the bonus from p", () => {
    const rows = [[0.1, 0.2, 0.3, 0.4], [0.25, 0.25, 0.25, 0.25], [0.7, 0.1, 0.1, 0.1]];
    // d1 = 2 accepted (0.29 < 0.3); d2 = 1 rejected (0.25 < 0.25 fails); residual [0.25, 0, 0.25, 0.25] at 0.5 → 2.
    expect(accept(rows, [9, 2, 1], [0.29, 0.25, 0.5])).toMatchObject({ accepted: [1], tokens: [2, 2, 0] });
    // Both accepted: the bonus is drawn from row 2 at 0.75 → prefix 0.7, 0.8 → token 1.
    expect(accept(rows, [9, 2, 1], [0.29, 0.2, 0.75])).toMatchObject({ accepted: [2], tokens: [2, 1, 1] });
    // A draft token outside the support is rejected even at u = 0; the residual is then p itself.
    const withZero = [[0.5, 0, 0.5], [1, 0, 0]];
    expect(accept(withZero, [0, 1], [0, 0.75])).toMatchObject({ accepted: [0], tokens: [2, 0] });
  });

  it("the inverse CDF hits each token with its probability on a uniform grid (to 2 grid steps)", () => {
    const p = [0.05, 0, 0.3, 0.15, 0.5];
    const m = 2048;
    const counts = new Array<number>(p.length).fill(0);
    for (let i = 0; i < m; i++) counts[accept([p], [7], [i / m]).tokens[0]]++;
    p.forEach((q, j) => expect(Math.abs(counts[j] / m - q)).toBeLessThanOrEqual(2 / m));
    expect(counts[1]).toBe(0);
  });

  it("at temperature 0 equals greedy verification (acceptGreedy, argmax) for any uniforms", () => {
    const rng = new SplitMix32(5);
    const [r, k, v] = [4, 5, 9];
    for (let n = 0; n < 50; n++) {
      const c = randomCase(rng, r, k, v);
      c.temperature = c.temperature.map(() => 0);
      const argmax = (row: number) => {
        let best = 0;
        for (let j = 1; j < v; j++) if (c.logits[row * v + j] > c.logits[row * v + best]) best = j;
        return best;
      };
      // Drafts that follow the argmax for a random prefix, so every accepted length occurs.
      for (let q = 0; q < r; q++) {
        const follow = rng.int(k);
        for (let i = 1; i < k; i++) if (i <= follow) c.block[q * k + i] = argmax(q * k + i - 1);
      }
      const got = evaluate(c, r, k, v);
      for (let q = 0; q < r; q++) {
        const t = Array.from({ length: k }, (_, i) => argmax(q * k + i));
        let a = 0;
        while (a + 1 < k && c.block[q * k + a + 1] === t[a]) a++;
        expect(got.accepted[q]).toBe(a);
        expect(got.tokens.slice(q * k, (q + 1) * k)).toEqual(t);
      }
    }
  });
});
