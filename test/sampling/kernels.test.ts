// The sampling kernels end to end (prefill of all prompt tokens but the last, then decode steps):
// the StableHLO interpreter and the graph evaluator give identical tokens from the same uniforms,
// f32 and bf16; temperature 0 through the sampling kernels is the greedy path, bit for bit; a
// request's tokens depend only on its seed and index, not on its batch.
import { describe, expect, it } from "vitest";
import { emitKernelText } from "../../compiler/stablehlo/emit.js";
import { parseModule } from "../../stablehlo/parser.js";
import { printModule } from "../../stablehlo/printer.js";
import { verifyModule } from "../../stablehlo/verifier.js";
import type { DecoderPlan } from "../../compiler/ir/plan.js";
import { buildPlan } from "../../compiler/plan/build-plan.js";
import { GREEDY, samplingParams } from "../../runtime/sampling.js";
import { randomWeights } from "../../runtime/weights/random.js";
import { naiveGreedy } from "../helpers/naive-model.js";
import { comparingRun, evaluatorRun, interpreterRun, type Mismatch } from "../helpers/random-decoding.js";
import { SamplingDriver, type SampleRequest } from "./driver.js";
import { tinySamplingPlan } from "./helpers.js";
import { planWeights } from "../../compiler/ir/weights.js";
import type { KernelName } from "../../contract/manifest.js";

const PROMPTS = [[3, 1, 4, 1, 5], [2, 7], [9]];
const PARAMS = [samplingParams({ temperature: 1, topK: 5 }), samplingParams({ temperature: 0.8, topP: 0.9 }), GREEDY];

function session(plan: DecoderPlan, run: ConstructorParameters<typeof SamplingDriver>[2], kernel: KernelName, steps: number, seed = 9): { driver: SamplingDriver; reqs: SampleRequest[] } {
  const driver = new SamplingDriver(plan, randomWeights(planWeights(plan), 3), run);
  const reqs = PROMPTS.map((prompt, i) => driver.newRequests(prompt, 1, 24, PARAMS[i], seed, i, i)[0]);
  driver.prefillAllButLast(reqs);
  for (let s = 0; s < steps; s++) driver.step(kernel, reqs);
  return { driver, reqs };
}

describe("sampling kernels: interpreter vs evaluator", () => {
  for (const [dtype, tol] of [["f32", 1e-5], ["bf16", 2e-2]] as const) {
    it(`decode_step_sample, verify_sample and target_step_sample give identical tokens (${dtype})`, () => {
      const plan = tinySamplingPlan(dtype);
      const mismatches: Mismatch[] = [];
      const both = comparingRun(evaluatorRun(plan), interpreterRun(plan), tol, mismatches);
      const { driver, reqs } = session(plan, both, "decode_step_sample", 3);
      const K = plan.blockSize;
      driver.step("verify_sample", reqs, { blocks: reqs.map((q) => [q.committed.at(-1)!, 1, 2, 3].slice(0, K)) });
      session(plan, both, "target_step_sample", 3);
      expect(mismatches).toEqual([]);
      expect(reqs.every((q) => q.committed.length >= q.promptLength + 4)).toBe(true);
    });
  }

  it("every sampling kernel of the tiny plan parses, verifies and re-prints identically", () => {
    const plan = tinySamplingPlan();
    const sigs = plan.kernels.filter((k) => k.kernel.endsWith("_sample") && k.bucket.requests === 2);
    expect(sigs.map((s) => s.kernel).sort()).toEqual(["decode_step_sample", "target_step_sample", "verify_sample"]);
    for (const sig of sigs) {
      const text = emitKernelText(plan, sig);
      const parsed = parseModule(text, `${sig.kernel}.${sig.bucketId}.mlir`);
      expect(verifyModule(parsed)).toEqual([]);
      expect(printModule(parsed)).toBe(text);
    }
  });
});

describe("temperature 0 through the sampling kernels is the greedy path", () => {
  for (const dtype of ["f32", "bf16"] as const) {
    it(`decode_step_sample == decode_step and target_step_sample == target_step, outputs and caches (${dtype})`, () => {
      const plan = tinySamplingPlan(dtype);
      const run = evaluatorRun(plan);
      for (const [greedy, sampled] of [["decode_step", "decode_step_sample"], ["target_step", "target_step_sample"]] as const) {
        const driver = new SamplingDriver(plan, randomWeights(planWeights(plan), 4), run);
        const reqs = PROMPTS.map((prompt, i) => driver.newRequests(prompt, 1, 24, GREEDY, 77, i, i)[0]);
        driver.prefillAllButLast(reqs);
        for (let s = 0; s < 4; s++) {
          const before = new Map(driver.caches);
          const committed = reqs.map((q) => [...q.committed]);
          const g = driver.step(greedy, reqs);
          const afterGreedy = new Map(driver.caches);
          driver.caches = before;
          reqs.forEach((q, i) => (q.committed = committed[i]));
          const t = driver.step(sampled, reqs);
          expect(t.accepted).toEqual(g.accepted);
          expect(t.targetTokens).toEqual(g.targetTokens);
          expect(t.block).toEqual(g.block);
          for (const [name, c] of afterGreedy) expect(driver.caches.get(name)!.data).toEqual(c.data);
        }
      }
    });
  }

  it("prefill-all-but-last then decode_step_sample at temperature 0 reproduces the naive greedy tokens", () => {
    const plan = tinySamplingPlan();
    const weights = randomWeights(planWeights(plan), 4);
    const driver = new SamplingDriver(plan, weights, evaluatorRun(plan));
    const reqs = PROMPTS.map((prompt, i) => driver.newRequests(prompt, 1, 24, GREEDY, 1, i, i)[0]);
    driver.prefillAllButLast(reqs);
    while (reqs.some((q) => q.committed.length < q.promptLength + 8)) driver.step("decode_step_sample", reqs);
    reqs.forEach((q) => expect(q.committed.slice(q.promptLength, q.promptLength + 8)).toEqual(naiveGreedy(weights, plan, q.committed.slice(0, q.promptLength), 8)));
  });
});

describe("same seed, same tokens", () => {
  it("a request's tokens depend on (seed, request index) only: alone in bucket 1 or with others in bucket 4", () => {
    const plan = tinySamplingPlan();
    const weights = randomWeights(planWeights(plan), 6);
    const run = evaluatorRun(plan);
    const params = samplingParams({ temperature: 1.2, topP: 0.95 });
    /** The request under test keeps stream (42, 7) and sits in host row `row` behind `companions` others. */
    const generate = (companions: number, row: number): number[] => {
      const driver = new SamplingDriver(plan, weights, run);
      const others = driver.newRequests([5, 6, 7], companions, 24, params, 42, 100, row + 1);
      const [target] = driver.newRequests([5, 6, 7], 1, 24, params, 42, 7, row);
      const all = [...others, target];
      driver.prefillAllButLast(all);
      while (target.committed.length < 3 + 10) driver.step("decode_step_sample", all);
      return target.committed.slice(3, 13);
    };
    const alone = generate(0, 0);
    expect(generate(2, 4)).toEqual(alone);
    expect(generate(3, 1)).toEqual(alone);
    expect(generate(0, 2)).toEqual(alone);
  });

  it("different seeds give different tokens", () => {
    const plan = tinySamplingPlan();
    const weights = randomWeights(planWeights(plan), 6);
    const tokens = (seed: number) => {
      const driver = new SamplingDriver(plan, weights, evaluatorRun(plan));
      const reqs = driver.newRequests([5, 6, 7], 4, 24, samplingParams({ temperature: 1 }), seed);
      driver.prefillAllButLast(reqs);
      for (let s = 0; s < 4; s++) driver.step("decode_step_sample", reqs);
      return reqs.map((q) => q.committed.slice(3));
    };
    expect(tokens(1)).toEqual(tokens(1));
    expect(tokens(1)).not.toEqual(tokens(2));
  });
});

describe("real-size sampling kernels", () => {
  it("Qwen3-8B + DFlash b16 (V = 151936): the smallest bucket of every sampling kernel parses, verifies and re-prints", async () => {
    const { default: qwen } = await import("../../examples/qwen3-8b-dflash.js");
    const plan = buildPlan({ ...qwen, verify: "sampling" });
    const r = plan.buckets.requests[0];
    for (const kernel of ["verify_sample", "decode_step_sample", "target_step_sample"] as const) {
      const sig = plan.kernels.find((k) => k.kernel === kernel && k.bucket.requests === r)!;
      expect(sig.args.find((a) => a.name === "uniforms")!.shape).toEqual([r, kernel === "target_step_sample" ? 1 : 16]);
      const text = emitKernelText(plan, sig);
      const parsed = parseModule(text, `${sig.kernel}.${sig.bucketId}.mlir`);
      expect(verifyModule(parsed)).toEqual([]);
      expect(printModule(parsed)).toBe(text);
    }
  });
});
