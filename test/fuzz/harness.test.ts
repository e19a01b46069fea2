// The fuzz harness itself: a case that throws, or overruns the time bound, fails with what reproduces it.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fuzz, FuzzBug, runsOf, seedOf, SHARES } from "./harness.js";

describe("fuzz harness", () => {
  // A developer replaying one case (DFLASHC_FUZZ_REPLAY) narrows every fuzz() to that case; these
  // self-tests drive fuzz() with their own cases, so they run with the replay switched off.
  const replay = process.env.DFLASHC_FUZZ_REPLAY;
  beforeAll(() => {
    delete process.env.DFLASHC_FUZZ_REPLAY;
  });
  afterAll(() => {
    if (replay !== undefined) process.env.DFLASHC_FUZZ_REPLAY = replay;
  });

  it("splits the runs over the targets and gives each its own seed", () => {
    const targets = Object.keys(SHARES) as (keyof typeof SHARES)[];
    expect(Object.values(SHARES).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(new Set(targets.map(seedOf)).size).toBe(targets.length);
    if (process.env.DFLASHC_FUZZ_RUNS === undefined) expect(targets.reduce((n, t) => n + runsOf(t), 0)).toBeGreaterThanOrEqual(10_000);
  });

  it("reports a failing case with its seed and path", async () => {
    const failing = fuzz("safetensors", fc.integer({ min: 0, max: 100 }), (n) => {
      if (n > 50) throw new FuzzBug(`n=${n}`);
      return "ok";
    }, { runs: 200 });
    await expect(failing).rejects.toThrow(/DFLASHC_FUZZ_SEED=\d+ DFLASHC_FUZZ_REPLAY=safetensors:<the path below>[\s\S]*path: "[\d:]+"[\s\S]*n=51/);
  });

  it("fails a case that runs past the time bound", async () => {
    const slow = fuzz("stablehlo", fc.constant(0), () => {
      const until = performance.now() + Number(process.env.DFLASHC_FUZZ_CASE_MS ?? 2_000) + 50;
      while (performance.now() < until);
      return "ok";
    }, { runs: 1 });
    await expect(slow).rejects.toThrow(/above the \d+ ms bound/);
  });
});
