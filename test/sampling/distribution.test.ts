// Speculative sampling is exact in distribution: over many seeded runs through the kernel graphs, the
// first 3 generated tokens follow the target-only sampling distribution, computed exactly by
// enumeration over the naive model (chi-square, significance 0.001, small cells pooled).
import { describe, expect, it } from "vitest";
import { ALPHA, DEPTH, experiment, sampleFirstTokens } from "./stat-setup.js";
import { chiSquare } from "./reference.js";

const N = 8192;

describe("sampling kernels match the exact target distribution of the first 3 tokens", () => {
  const topK = experiment({ temperature: 1, topK: 4 });

  it("decode_step_sample (real DFlash draft), temperature 1, top-k 4", () => {
    const { counts, accepted } = sampleFirstTokens(topK, { kind: "decode_step_sample" }, N, 101);
    const chi = chiSquare(counts, topK.truth);
    console.log(`decode_step_sample: chi2 ${chi.statistic.toFixed(1)} df ${chi.df} p ${chi.pValue.toPrecision(3)} TV ${chi.tv.toFixed(4)}; accepted lengths ${accepted}`);
    expect(chi.pValue).toBeGreaterThan(ALPHA);
    expect(accepted[1] + accepted[2] + accepted[3]).toBeGreaterThan(0);
  });

  it("target_step_sample (target-only sampling), temperature 1, top-k 4", () => {
    const { counts } = sampleFirstTokens(topK, { kind: "target_step_sample" }, N, 202);
    const chi = chiSquare(counts, topK.truth);
    console.log(`target_step_sample: chi2 ${chi.statistic.toFixed(1)} df ${chi.df} p ${chi.pValue.toPrecision(3)} TV ${chi.tv.toFixed(4)}`);
    expect(chi.pValue).toBeGreaterThan(ALPHA);
  });

  it("verify_sample on oracle drafts (every accepted length), temperature 0.7, top-k 6, top-p 0.8", () => {
    const e = experiment({ temperature: 0.7, topK: 6, topP: 0.8 });
    const { counts, accepted } = sampleFirstTokens(e, { kind: "oracle" }, N, 303);
    const chi = chiSquare(counts, e.truth);
    console.log(`verify_sample (oracle drafts): chi2 ${chi.statistic.toFixed(1)} df ${chi.df} p ${chi.pValue.toPrecision(3)} TV ${chi.tv.toFixed(4)}; accepted lengths ${accepted}`);
    expect(chi.pValue).toBeGreaterThan(ALPHA);
    expect(accepted.every((c) => c > 100)).toBe(true);
    expect([...counts.keys()].every((k) => k.split(",").length === DEPTH && e.truth.has(k))).toBe(true);
  });
});
