// The kernel graphs, run by the graph evaluator, against the naive model over a whole decoding session.
import { describe, expect, it } from "vitest";
import { randomWeights } from "../../runtime/weights/random.js";
import { evaluatorRun } from "../helpers/random-decoding.js";
import { runNaiveScenario, speculativeGreedy } from "../helpers/naive-scenario.js";
import { naiveGreedy } from "../helpers/naive-model.js";
import { randomTokens } from "../../runtime/weights/random.js";
import { tinyBf16Plan, tinyLlamaPlan, tinyPagedDraftPlan, tinyPlan, tinyQwen2Plan, tinySlidingPlan } from "../helpers/naive-variants.js";
import type { DecoderPlan } from "../../compiler/ir/plan.js";
import { planWeights } from "../../compiler/ir/weights.js";

const cases: [string, () => DecoderPlan, number][] = [
  ["tiny f32, static draft cache", tinyPlan, 1e-5],
  ["tiny bf16, static draft cache", tinyBf16Plan, 2e-2],
  ["tiny f32, paged draft cache", () => tinyPagedDraftPlan("f32"), 1e-5],
  ["tiny bf16, paged draft cache", () => tinyPagedDraftPlan("bf16"), 2e-2],
  ["llama target, llama3 RoPE, attention bias, tied embeddings", tinyLlamaPlan, 1e-5],
  ["qwen2 target (q/k/v bias)", tinyQwen2Plan, 1e-5],
  ["2-layer draft with a sliding-window layer", tinySlidingPlan, 1e-5],
];

describe("kernel graphs (evaluator) vs the naive model", () => {
  for (const [name, plan, tol] of cases) {
    it(name, () => {
      const p = plan();
      const report = runNaiveScenario(p, randomWeights(planWeights(p), 11), evaluatorRun(p), { tol });
      expect(report.failures).toEqual([]);
      expect(report.checks).toBeGreaterThan(40);
      expect(report.maxRelErr).toBeLessThanOrEqual(tol);
      expect([...report.accepted].sort()).toEqual(expect.arrayContaining([0, 1, 2, 3]));
    });
  }
});

describe("speculative greedy decoding through the kernel graphs", () => {
  for (const [name, plan] of [["f32", tinyPlan], ["bf16", tinyBf16Plan], ["f32 paged draft", () => tinyPagedDraftPlan("f32")]] as const) {
    it(`equals the naive model's greedy output (${name})`, () => {
      const p = plan();
      const weights = randomWeights(planWeights(p), 21);
      const prompt = randomTokens(21, "prompt", 6, p.target.vocabSize, [p.draft!.maskTokenId]);
      const { tokens, accepted } = speculativeGreedy(p, weights, evaluatorRun(p), prompt, 16);
      expect(tokens).toEqual(naiveGreedy(weights, p, prompt, 16));
      expect(accepted.every((a) => a >= 0 && a < p.blockSize)).toBe(true);
    });
  }
});
