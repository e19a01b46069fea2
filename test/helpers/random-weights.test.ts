// Seeded random weights: the same numbers on every machine, one tensor per kernel weight argument,
// distributed as documented in runtime/weights/random.ts.
import { describe, expect, it } from "vitest";
import { randomTensor, randomTokens, randomWeights, SplitMix32 } from "../../runtime/weights/random.js";
import { roundBf16 } from "../../contract/bf16.js";
import { tinyBf16Plan, tinyLlamaPlan, tinyPlan } from "./naive-variants.js";
import { planWeights } from "../../compiler/ir/weights.js";
import { isWeightStack, weightMembers } from "../../contract/weight-stack.js";

const mean = (xs: Float32Array) => xs.reduce((a, b) => a + b, 0) / xs.length;
const std = (xs: Float32Array) => {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length);
};

describe("randomWeights", () => {
  it("splitmix32 produces the reference sequence (checked against an independent Python implementation)", () => {
    const r = new SplitMix32(0);
    expect([r.nextU32(), r.nextU32(), r.nextU32()]).toEqual([1684164658, 3653269916, 2939563536]);
  });

  it("has exactly one tensor per checkpoint tensor the plan's kernels take (each member of a stacked argument), of the right size", () => {
    for (const plan of [tinyPlan(), tinyLlamaPlan()]) {
      const w = randomWeights(planWeights(plan), 1);
      const weightArgs = plan.kernels.flatMap((k) => k.args.filter((a) => a.role === "weight"));
      const args = new Map(weightArgs.flatMap((a) => weightMembers(a).map((n) => [n, isWeightStack(a.name) ? a.shape.slice(1) : a.shape] as const)));
      expect([...w.keys()].sort()).toEqual([...args.keys()].sort());
      for (const [name, shape] of args) expect(w.get(name)!.length).toBe(shape.reduce((a, b) => a * b, 1));
    }
  });

  it("is deterministic per (seed, name) and differs between seeds", () => {
    const plan = tinyPlan();
    const a = randomWeights(planWeights(plan), 42);
    const b = randomWeights(planWeights(tinyPlan()), 42);
    const c = randomWeights(planWeights(plan), 43);
    for (const [name, t] of a) expect(b.get(name)).toEqual(t);
    expect(c.get("draft.fc.weight")).not.toEqual(a.get("draft.fc.weight"));
    // A tensor's values do not depend on which other tensors exist.
    expect(randomWeights(planWeights(tinyBf16Plan()), 42).get("target.model.norm.weight")).toEqual(a.get("target.model.norm.weight")!.map(roundBf16));
  });

  it("scales like the documented init", () => {
    const w = randomWeights(planWeights(tinyPlan()), 7);
    const q = w.get("target.model.layers.0.self_attn.q_proj.weight")!;
    expect(Math.abs(mean(q))).toBeLessThan(0.01);
    expect(std(q)).toBeCloseTo(1 / Math.sqrt(64), 2);
    expect(std(w.get("target.model.embed_tokens.weight")!)).toBeCloseTo(1, 1);
    const norm = w.get("target.model.layers.1.post_attention_layernorm.weight")!;
    expect(mean(norm)).toBeCloseTo(1, 1);
    expect(Math.max(...norm.map((v) => Math.abs(v - 1)))).toBeLessThanOrEqual(0.1 * 2 * Math.sqrt(3) + 1e-6);
  });

  it("rounds every value of a bf16 plan to bf16", () => {
    for (const t of randomWeights(planWeights(tinyBf16Plan()), 3).values()) expect(t.every((v) => roundBf16(v) === v)).toBe(true);
    expect(randomTensor(1, "x", [16], 1, "bf16").every((v) => roundBf16(v) === v)).toBe(true);
  });

  it("draws tokens in range, skipping excluded ids", () => {
    const t = randomTokens(5, "p", 500, 8, [3]);
    expect(t).toHaveLength(500);
    expect(t.every((x) => x >= 0 && x < 8 && x !== 3)).toBe(true);
    expect(new Set(t).size).toBe(7);
  });
});
