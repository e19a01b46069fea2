// The distribution test has the power to catch a wrong acceptance rule: the same experiment (oracle
// drafts through verify_sample's forward pass, significance 0.001) with the kernel's decision replaced
// by a host rule. Three wrong rules must be rejected: resampling the correction from p instead of the
// residual, greedy verification at temperature > 0, and "accept iff equal to the target's sampled
// token, else resample". Committing the compared sample itself on a mismatch is exact for a
// deterministic draft (each committed token is a draw from its own conditional), so the test must
// accept that one.
import { describe, expect, it } from "vitest";
import { acceptIfEqualThenResample, acceptIfEqualToSampled, ALPHA, experiment, greedyAcceptThenSample, resampleFromP, sampleFirstTokens } from "./stat-setup.js";
import { chiSquare } from "./reference.js";

const N = 4096;
const e = experiment({ temperature: 0.7, topK: 6, topP: 0.8 });

describe("negative controls of the distribution test", () => {
  it("rejects 'on a rejection, resample from p' (the residual ignored)", () => {
    const chi = chiSquare(sampleFirstTokens(e, { kind: "oracle", rule: resampleFromP }, N, 404).counts, e.truth);
    console.log(`resample-from-p: chi2 ${chi.statistic.toFixed(1)} df ${chi.df} p ${chi.pValue.toPrecision(3)} TV ${chi.tv.toFixed(4)}`);
    expect(chi.pValue).toBeLessThan(ALPHA);
  });

  it("rejects greedy verification at temperature > 0 (accept iff the draft is the target's argmax, then sample)", () => {
    const chi = chiSquare(sampleFirstTokens(e, { kind: "oracle", rule: greedyAcceptThenSample }, N, 505).counts, e.truth);
    console.log(`greedy-accept-then-sample: chi2 ${chi.statistic.toFixed(1)} df ${chi.df} p ${chi.pValue.toPrecision(3)} TV ${chi.tv.toFixed(4)}`);
    expect(chi.pValue).toBeLessThan(ALPHA);
  });

  it("rejects 'accept iff the draft equals the target's sampled token, else resample from p'", () => {
    const chi = chiSquare(sampleFirstTokens(e, { kind: "oracle", rule: acceptIfEqualThenResample }, N, 707).counts, e.truth);
    console.log(`accept-if-equal-then-resample: chi2 ${chi.statistic.toFixed(1)} df ${chi.df} p ${chi.pValue.toPrecision(3)} TV ${chi.tv.toFixed(4)}`);
    expect(chi.pValue).toBeLessThan(ALPHA);
  });

  it("accepts 'accept iff the draft equals the target's sampled token, commit that sample' (exact for a one-hot draft)", () => {
    const chi = chiSquare(sampleFirstTokens(e, { kind: "oracle", rule: acceptIfEqualToSampled }, N, 606).counts, e.truth);
    console.log(`accept-if-equal-to-sampled: chi2 ${chi.statistic.toFixed(1)} df ${chi.df} p ${chi.pValue.toPrecision(3)} TV ${chi.tv.toFixed(4)}`);
    expect(chi.pValue).toBeGreaterThan(ALPHA);
  });
});
