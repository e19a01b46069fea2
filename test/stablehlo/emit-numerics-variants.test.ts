// Interpreter vs evaluator vs naive for the other layouts and families: a paged draft cache (f32,
// bf16), a sliding-window draft layer, Llama (llama3 RoPE, attention bias, tied embeddings) and Qwen2
// (q/k/v bias) through prefill and target_step; and the static draft cache's clamping edge.
import { describe, expect, it } from "vitest";
import type { DecoderPlan } from "../../compiler/ir/plan.js";
import { zeros, fromData } from "../../compiler/ir/graph-tensor.js";
import { randomTokens, randomWeights } from "../../runtime/weights/random.js";
import { runNaiveScenario } from "../helpers/naive-scenario.js";
import { tinyLlamaPlan, tinyPagedDraftPlan, tinyPlan, tinyQwen2Plan, tinySlidingPlan } from "../helpers/naive-variants.js";
import { comparingRun, evaluatorRun, findSig, interpreterRun, type Mismatch } from "../helpers/random-decoding.js";
import { planWeights } from "../../compiler/ir/weights.js";
import { kernelWeightData } from "../../contract/weight-stack.js";

function check(plan: DecoderPlan, tol: number, draft = true): void {
  const mismatches: Mismatch[] = [];
  const run = comparingRun(interpreterRun(plan), evaluatorRun(plan), tol, mismatches);
  const report = runNaiveScenario(plan, randomWeights(planWeights(plan), 9), run, { tol, draft });
  expect(mismatches).toEqual([]);
  expect(report.failures).toEqual([]);
  expect(report.maxRelErr).toBeLessThanOrEqual(tol);
}

describe("interpreter vs evaluator vs naive: variants", () => {
  it("paged draft cache, f32", () => check(tinyPagedDraftPlan("f32"), 1e-5));
  it("paged draft cache, bf16", () => check(tinyPagedDraftPlan("bf16"), 2e-2));
  it("a sliding-window draft layer", () => check(tinySlidingPlan(), 1e-5));
  it("llama target: llama3 RoPE, attention bias, tied embeddings (prefill, target_step)", () => check(tinyLlamaPlan(), 1e-5, false));
  it("qwen2 target: q/k/v bias (prefill, target_step)", () => check(tinyQwen2Plan(), 1e-5, false));

  it("a verify at the static draft cache's capacity edge clamps identically in both (the runtime must never get here)", () => {
    const plan = tinyPlan();
    const sig = findSig(plan, "verify", 1);
    const cap = plan.caches.draft!.kind === "static" ? plan.caches.draft!.capacity : 0;
    const weights = randomWeights(planWeights(plan), 3);
    const args = new Map(
      sig.args.map((a) => {
        if (a.role === "weight") return [a.name, fromData("f32", a.shape, kernelWeightData(a, (n) => weights.get(n)))];
        const block = randomTokens(3, "edge", plan.blockSize, plan.target.vocabSize);
        // Slot 1's device state: last token block[0], length cap - 2.
        if (a.name === "seq_state") return [a.name, fromData("i32", a.shape, Array.from({ length: a.shape[0] * 2 }, (_, i) => (i === 2 ? block[0] : i === 3 ? cap - 2 : 0)))];
        if (a.role === "cache") return [a.name, zeros({ shape: a.shape, dtype: "f32" })];
        const values: Record<string, number[]> = {
          block_tokens: block,
          slots: [1],
          block_tables: Array.from({ length: plan.caches.target.pagesPerRequest }, (_, i) => i + 1),
          draft_slots: [1],
        };
        return [a.name, fromData("i32", a.shape, values[a.name])];
      }),
    );
    const mismatches: Mismatch[] = [];
    const out = comparingRun(interpreterRun(plan), evaluatorRun(plan), 1e-5, mismatches)(sig, args);
    expect(mismatches).toEqual([]);
    // The block's K rows landed clamped at capacity - K, not at capacity - 2.
    const k = out.get("draft_k")!.data as Float32Array;
    const [, slots, , h, d] = plan.caches.draft!.shape;
    const row = (p: number) => k.slice(((0 * slots + 1) * cap + p) * h * d, ((0 * slots + 1) * cap + p + 1) * h * d);
    expect(row(cap - plan.blockSize).some((v) => v !== 0)).toBe(true);
    expect(row(cap - plan.blockSize - 1).every((v) => v === 0)).toBe(true);
  });
});
