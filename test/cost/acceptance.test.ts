// Expected tokens per step from each kind of acceptance profile, against hand-computed sums.
import { describe, expect, it } from "vitest";
import {
  AcceptanceFormatError,
  expectedTokensPerStep,
  measuredProfile,
  perPositionProfile,
  profileFromJson,
  rateProfile,
  tauProfile,
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

  it("a mean τ at K: the geometric rate that gives it, the same rate at every other K", () => {
    const p = tauProfile(5.42, 16);
    expect(expectedTokensPerStep(p, 16)).toBeCloseTo(5.42, 10);
    // τ(K) = (1 - r^K) / (1 - r) with the rate r that profile found.
    const r = p.survival(1);
    for (const k of [2, 8, 32, 1024]) expect(expectedTokensPerStep(p, k)).toBeCloseTo((1 - r ** k) / (1 - r), 10);
    expect(p.description).toMatch(/^mean tau 5\.42 at K=16 \(geometric, per-position rate 0\.\d{4}\)$/);
    // The ends: τ = 1 accepts nothing, τ = K accepts everything.
    expect(expectedTokensPerStep(tauProfile(1, 16), 64)).toBe(1);
    expect(expectedTokensPerStep(tauProfile(16, 16), 64)).toBe(64);
    expect(() => tauProfile(0.5, 16)).toThrow(RangeError);
    expect(() => tauProfile(17, 16)).toThrow(/tau must be in \[1, 16\]/);
  });

  it("file formats: rate, per-position, tau, lengths, bare array", () => {
    expect(expectedTokensPerStep(profileFromJson({ acceptanceRate: 0.5 }, 16), 3)).toBeCloseTo(1.75, 12);
    expect(expectedTokensPerStep(profileFromJson({ perPosition: [1, 0] }, 16), 8)).toBe(2);
    expect(expectedTokensPerStep(profileFromJson({ tau: 3 }, 8), 8)).toBeCloseTo(3, 10);
    expect(expectedTokensPerStep(profileFromJson([1, 2, 4, 4], 4), 4)).toBeCloseTo(2.75, 12);
    // Without a block size in the file, the config's K is the measuring K.
    expect(profileFromJson({ acceptanceLengths: [1, 2, 4, 4] }, 4).description).toBe("measured: 4 steps at K=4, mean τ 2.75");
    expect(profileFromJson({ blockSize: 8, acceptanceLengths: [1, 2, 4, 4] }, 4).description).toBe("measured: 4 steps at K=8, mean τ 2.75");
    expect(() => profileFromJson({ acceptanceLengths: [20] }, 16)).toThrow(AcceptanceFormatError);
    expect(() => profileFromJson({ tau: 20 }, 16)).toThrow(AcceptanceFormatError);
    expect(() => profileFromJson("x", 16)).toThrow(AcceptanceFormatError);
    expect(() => profileFromJson({ something: 1 }, 16)).toThrow(/no acceptance data/);
  });

  // The shape `dflashc run --json` prints (cli/commands/run.ts); the end-to-end test feeding a real run is
  // in test/cost/plan-command.test.ts.
  const stats = (acceptedLengths: number[]) => ({ steps: acceptedLengths.length, prefillCalls: 1, tau: 0, acceptedLengths, acceptance: [], preemptions: 0 });
  const runDoc = { ok: true, decoder: "d", backend: "reference", mode: "speculative", blockSize: 4, seconds: 1, requests: [{ id: "0", stats: stats([0, 1]) }, { id: "1", stats: stats([3, 3]) }] };

  it("run --json: every request's accepted lengths a, as τ = a + 1, at the run's block size", () => {
    // a = 0, 1, 3, 3 → τ = 1, 2, 4, 4: mean 2.75 at K0 = 4 (the config's K of 16 is not the measuring K).
    const p = profileFromJson(runDoc, 16);
    expect(p.description).toBe("measured: 4 steps at K=4, mean τ 2.75");
    expect(expectedTokensPerStep(p, 4)).toBeCloseTo(2.75, 12);
    // Wrapped as { ok, command: "run", ... }: the same.
    const { ok, ...rest } = runDoc;
    expect(profileFromJson({ ok, command: "run", ...rest }, 16).description).toBe("measured: 4 steps at K=4, mean τ 2.75");
  });

  it("run --json documents that measure nothing are refused with the reason", () => {
    expect(() => profileFromJson({ ...runDoc, mode: "target-only" }, 4)).toThrow(/target-only run/);
    expect(() => profileFromJson({ ...runDoc, ok: false }, 4)).toThrow(/the run failed/);
    expect(() => profileFromJson({ ok: false, diagnostics: [{ code: "usage", message: "x" }] }, 4)).toThrow(AcceptanceFormatError);
    expect(() => profileFromJson({ ...runDoc, requests: [{ id: "0", stats: stats([]) }] }, 4)).toThrow(/no decode steps/);
    expect(() => profileFromJson({ ...runDoc, requests: [{ id: "0" }] }, 4)).toThrow(/requests\[0\]\.stats\.acceptedLengths/);
    expect(() => profileFromJson({ ...runDoc, requests: [{ id: "0", stats: stats([4]) }] }, 4)).toThrow(/acceptance length 5 is outside 1\.\.4/);
  });
});
