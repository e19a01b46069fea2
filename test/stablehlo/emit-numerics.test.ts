// The emitted StableHLO, run by the interpreter, against the graph evaluator (every result of every
// call, caches included) and the naive model (tokens, acceptance, every valid cache row), over a whole
// decoding session of the tiny example: every kernel in two buckets, f32 and bf16.
import { describe, expect, it } from "vitest";
import type { DecoderPlan } from "../../compiler/ir/plan.js";
import { randomWeights } from "../../runtime/weights/random.js";
import { runNaiveScenario, speculativeGreedy } from "../helpers/naive-scenario.js";
import { naiveGreedy } from "../helpers/naive-model.js";
import { randomTokens } from "../../runtime/weights/random.js";
import { tinyBf16Plan, tinyPlan } from "../helpers/naive-variants.js";
import { comparingRun, evaluatorRun, interpreterRun, type Mismatch } from "../helpers/random-decoding.js";
import { planWeights } from "../../compiler/ir/weights.js";

/** Runs the scenario with interpreter and evaluator side by side; returns both reports. */
function interpreterScenario(plan: DecoderPlan, tol: number, draft = true) {
  const mismatches: Mismatch[] = [];
  const errors: number[] = [];
  const calls = new Map<string, number[]>();
  const run = comparingRun(interpreterRun(plan, calls), evaluatorRun(plan), tol, mismatches, errors);
  const report = runNaiveScenario(plan, randomWeights(planWeights(plan), 5), run, { tol, draft });
  return { report, mismatches, maxVsEvaluator: Math.max(0, ...errors), kernels: [...calls.keys()] };
}

describe("interpreter(emitted StableHLO) vs graph evaluator vs naive model", () => {
  it("tiny f32: every kernel in two buckets, errors within 1e-5, tokens and acceptance identical", () => {
    const { report, mismatches, maxVsEvaluator, kernels } = interpreterScenario(tinyPlan(), 1e-5);
    expect(mismatches).toEqual([]);
    expect(report.failures).toEqual([]);
    expect(maxVsEvaluator).toBeLessThanOrEqual(1e-5);
    expect(report.maxRelErr).toBeLessThanOrEqual(1e-5);
    expect([...report.accepted].sort()).toEqual([0, 1, 2, 3]);
    for (const k of ["prefill", "draft", "verify", "decode_step", "target_step"]) {
      expect(kernels.filter((id) => id.startsWith(`${k}.`)).length).toBeGreaterThanOrEqual(2);
    }
  });

  it("tiny bf16: errors within 2e-2, tokens and acceptance identical", () => {
    const { report, mismatches, maxVsEvaluator } = interpreterScenario(tinyBf16Plan(), 2e-2);
    expect(mismatches).toEqual([]);
    expect(report.failures).toEqual([]);
    expect(maxVsEvaluator).toBeLessThanOrEqual(2e-2);
    expect(report.maxRelErr).toBeLessThanOrEqual(2e-2);
    expect([...report.accepted].sort()).toEqual([0, 1, 2, 3]);
  });
});

it("speculative greedy decoding through the interpreter equals the naive model's greedy output", () => {
  const plan = tinyPlan();
  const weights = randomWeights(planWeights(plan), 21);
  const prompt = randomTokens(21, "prompt", 6, plan.target.vocabSize, [plan.draft!.maskTokenId]);
  const { tokens } = speculativeGreedy(plan, weights, interpreterRun(plan), prompt, 12);
  expect(tokens).toEqual(naiveGreedy(weights, plan, prompt, 12));
});
