// Expected tokens per step from each kind of acceptance profile, against hand-computed sums.
import { describe, expect, it } from "vitest";
import {
  AcceptanceFormatError,
  expectedTokensPerStep,
  measuredProfile,
  perPositionProfile,
  profileFromJson,
  rateProfile,
} from "../../compiler/cost/acceptance.js";

describe("acceptance profiles", () => {
  it("a per-position rate p: τ(K) = 1 + p + p² + ... + p^(K-1)", () => {
    const p = rateProfile(0.8);
    expect(expectedTokensPerStep(p, 1)).toBe(1);
    expect(expectedTokensPerStep(p, 2)).toBeCloseTo(1.8, 12);
    expect(expectedTokensPerStep(p, 4)).toBeCloseTo(1 + 0.8 + 0.64 + 0.512, 12); // 2.952
    // Geometric sum: 1 + 0.8·(1 - 0.8^15)/0.2 = 4.8592...
    expect(expectedTokensPerStep(p, 16)).toBeCloseTo(1 + (0.8 * (1 - 0.8 ** 15)) / 0.2, 12);
    expect(expectedTokensPerStep(rateProfile(1), 16)).toBe(16);
    expect(() => rateProfile(1.5)).toThrow(RangeError);
  });

  it("per-position conditional rates, the last one repeating", () => {
    const p = perPositionProfile([0.9, 0.5]);
    // S = 0.9, 0.45, 0.225, ...
    expect(expectedTokensPerStep(p, 4)).toBeCloseTo(1 + 0.9 + 0.45 + 0.225, 12);
  });

  it("measured acceptance lengths: the empirical survival below K0, the last conditional rate beyond", () => {
    // τ values at K0 = 4 (a = τ-1 in 0..3): a = 0, 1, 3, 3 → S(1) = 3/4, S(2) = 2/4, S(3) = 2/4.
    const p = measuredProfile([1, 2, 4, 4], 4);
    expect(expectedTokensPerStep(p, 4)).toBeCloseTo(1 + 0.75 + 0.5 + 0.5, 12); // = the mean τ, 2.75
    // Beyond K0-1 = 3 the conditional rate S(3)/S(2) = 1 repeats: S(4) = S(5) = 0.5.
    expect(expectedTokensPerStep(p, 6)).toBeCloseTo(2.75 + 0.5 + 0.5, 12);
    // The mean of measured τ equals τ(K0) exactly.
    const lengths = [3, 7, 16, 1, 5, 9, 16, 2];
    expect(expectedTokensPerStep(measuredProfile(lengths, 16), 16)).toBeCloseTo(lengths.reduce((a, b) => a + b) / lengths.length, 12);
    expect(() => measuredProfile([17], 16)).toThrow(/outside 1\.\.16/);
  });

  it("file formats: rate, per-position, lengths, run --json output, bare array", () => {
    expect(expectedTokensPerStep(profileFromJson({ acceptanceRate: 0.5 }, 16), 3)).toBeCloseTo(1.75, 12);
    expect(expectedTokensPerStep(profileFromJson({ perPosition: [1, 0] }, 16), 8)).toBe(2);
    const runJson = { blockSize: 4, results: [{ stats: { acceptanceLengths: [1, 2] } }, { stats: { acceptanceLengths: [4, 4] } }] };
    expect(expectedTokensPerStep(profileFromJson(runJson, 16), 4)).toBeCloseTo(2.75, 12);
    expect(expectedTokensPerStep(profileFromJson([1, 2, 4, 4], 4), 4)).toBeCloseTo(2.75, 12);
    // Without a block size in the file, the config's K is the measuring K.
    expect(profileFromJson({ acceptanceLengths: [1, 2, 4, 4] }, 4).description).toBe("measured: 4 steps at K=4, mean τ 2.75");
    expect(() => profileFromJson({ results: [] }, 16)).toThrow(AcceptanceFormatError);
    expect(() => profileFromJson({ results: [{ stats: { acceptanceLengths: [2], blockSize: 4 } }, { stats: { acceptanceLengths: [2], blockSize: 8 } }] }, 16)).toThrow(/different block sizes/);
    expect(() => profileFromJson({ acceptanceLengths: [20] }, 16)).toThrow(AcceptanceFormatError);
    expect(() => profileFromJson("x", 16)).toThrow(AcceptanceFormatError);
  });
});
