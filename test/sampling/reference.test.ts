// The statistics the distribution tests rely on: chi-square p-values at known quantiles, pooling, and
// the exact joint distribution summing to 1.
import { describe, expect, it } from "vitest";
import { chiSquare, exactJoint } from "./reference.js";
import { tinySamplingPlan } from "./helpers.js";
import { randomWeights } from "../../runtime/weights/random.js";
import { samplingParams } from "../../runtime/sampling.js";
import { planWeights } from "../../compiler/ir/weights.js";

/** Counts whose chi-square statistic against `truth` (n samples) is exactly `x`, on 2 cells. */
function twoCells(x: number, n = 10_000): { counts: Map<string, number>; truth: Map<string, number> } {
  // (o - n/2)^2 / (n/2) * 2 = x  →  o = n/2 + sqrt(x * n) / 2
  const o = n / 2 + Math.sqrt(x * n) / 2;
  return { counts: new Map([["a", o], ["b", n - o]]), truth: new Map([["a", 0.5], ["b", 0.5]]) };
}

describe("chiSquare", () => {
  it("gives the textbook upper-tail p-values", () => {
    const { counts, truth } = twoCells(3.841458820694124);
    const c = chiSquare(counts, truth);
    expect(c.df).toBe(1);
    expect(c.pValue).toBeCloseTo(0.05, 6);
    expect(chiSquare(twoCells(10.827566170662733).counts, truth).pValue).toBeCloseTo(0.001, 7);
  });

  it("matches chi-square(df) quantiles for many cells (series and continued-fraction branches)", () => {
    // Uniform truth over d+1 cells; put the whole statistic in one cell pair by construction is awkward,
    // so check the p-value function through a statistic built cell by cell: (df, x, p) from tables.
    for (const [df, x, p] of [[10, 18.307038053275146, 0.05], [63, 82.52872, 0.05], [72, 102.81657, 0.01], [4, 1.0636232167792, 0.9]] as const) {
      const cells = df + 1;
      const n = 1e6;
      const truth = new Map(Array.from({ length: cells }, (_, i) => [`${i}`, 1 / cells]));
      // Two cells deviate by ±delta: statistic = 2 * delta^2 / (n / cells).
      const delta = Math.sqrt((x * n) / cells / 2);
      const counts = new Map(Array.from({ length: cells }, (_, i) => [`${i}`, n / cells + (i === 0 ? delta : i === 1 ? -delta : 0)]));
      const c = chiSquare(counts, truth);
      expect(c.statistic).toBeCloseTo(x, 6);
      expect(c.pValue).toBeCloseTo(p, 4);
    }
  });

  it("pools small cells and treats an impossible outcome as a rejection", () => {
    const truth = new Map([["a", 0.999], ["b", 0.001]]);
    expect(chiSquare(new Map([["a", 100]]), truth).cells).toBe(2);
    expect(chiSquare(new Map([["a", 99], ["zzz", 1]]), truth).pValue).toBe(0);
  });
});

describe("exactJoint", () => {
  it("is a distribution over the first 3 tokens, supported on top-k paths", () => {
    const plan = tinySamplingPlan();
    const { joint } = exactJoint(randomWeights(planWeights(plan), 5), plan, [3, 1, 4], samplingParams({ temperature: 1, topK: 3 }), 3);
    expect([...joint.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(joint.size).toBeLessThanOrEqual(27);
    expect([...joint.keys()].every((k) => k.split(",").length === 3)).toBe(true);
  });
});
