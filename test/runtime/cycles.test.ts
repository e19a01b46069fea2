/**
 * Several draft → verify → commit cycles per decode call (cyclesPerDispatch [1, 4]): greedy output
 * through the engine and the reference backend (StableHLO interpreter) equals the naive model token
 * for token, with stop tokens and budgets ending requests mid-loop, padded batches, requests joining,
 * one step behind or drained, and near maxContext, where the engine falls back to one cycle.
 */
import { describe, expect, it } from "vitest";
import { randomWeights } from "../../runtime/weights/random.js";
import { compileTiny, randomRequests, tinyVariant, type TinyVariant } from "./helpers/reference.js";
import { planWeights } from "../../compiler/ir/weights.js";
import { Engine, type EngineOptions, type GenerateRequest, type StepEvent } from "../../runtime/engine.js";
import { naiveGreedy } from "../helpers/naive-model.js";
import type { Weights } from "../../runtime/backend.js";
import type { Compiled } from "./helpers/reference.js";

const withCycles = (v: TinyVariant, cycles: number[]) => compileTiny({ ...tinyVariant(v), cyclesPerDispatch: cycles });

/** The naive greedy output of a request, cut after its first stop token. */
function expected(c: Compiled, weights: Weights, q: GenerateRequest): number[] {
  const out = naiveGreedy(weights, c.plan, q.promptIds, q.maxNewTokens);
  const stop = out.findIndex((t) => q.stopTokenIds?.includes(t));
  return stop >= 0 ? out.slice(0, stop + 1) : out;
}

async function run(c: Compiled, weights: Weights, reqs: readonly GenerateRequest[], options: EngineOptions = {}) {
  const steps: StepEvent[] = [];
  const engine = await Engine.create(c.manifest, c.backend(), weights, { ...options, onStep: (e) => steps.push(e) });
  const streamed = new Map<string, number[]>();
  const results = await Promise.all(reqs.map((q) => engine.submit(q, { onTokens: (t) => streamed.set(q.id!, [...(streamed.get(q.id!) ?? []), ...t]) }).result));
  const metrics = engine.metrics();
  await engine.close();
  const kernels = steps.flatMap((s) => s.calls.map((k) => k.kernel));
  return { results, streamed, kernels, metrics };
}

/** Requests with a stop token reached mid-output (request 0) and budgets that end inside a loop. */
function scenario(c: Compiled, weights: Weights): GenerateRequest[] {
  const reqs = randomRequests(41, 3, [5, 12, 2], 13).map((q, i) => ({ ...q, maxNewTokens: [13, 7, 10][i] }));
  const first = naiveGreedy(weights, c.plan, reqs[0].promptIds, 13);
  return reqs.map((q, i) => (i === 0 ? { ...q, stopTokenIds: [first[6]] } : q));
}

describe("cyclesPerDispatch [1, 4] through the reference backend", () => {
  for (const [name, variant, options] of [
    ["static draft cache, one step behind", {}, {}],
    ["paged draft cache, drained", { draftLayout: "paged" }, { pipeline: false }],
    ["static draft cache, K=2, drained", { blockSize: 2 }, { pipeline: false }],
  ] as const) {
    it(`${name}: equals the naive model, stop tokens and budgets inside a loop`, async () => {
      const c = withCycles(variant, [1, 4]);
      const weights = randomWeights(planWeights(c.plan), 31);
      const reqs = scenario(c, weights);
      const { results, streamed, kernels } = await run(c, weights, reqs, options);
      reqs.forEach((q, i) => {
        expect(results[i].tokens, q.id).toEqual(expected(c, weights, q));
        expect(streamed.get(q.id!), q.id).toEqual(results[i].tokens);
      });
      expect(results[0].finishReason).toBe("stop");
      expect(results[0].tokens.length).toBeLessThan(13);
      expect(kernels).toContain("decode_loop_c4");
    });
  }

  it("a stopWhen stop (the host's, unknown to the device) ends the request inside a loop; later cycles are dropped", async () => {
    const c = withCycles({}, [1, 4]);
    const weights = randomWeights(planWeights(c.plan), 34);
    const [q] = randomRequests(44, 1, [7], 20);
    const truth = naiveGreedy(weights, c.plan, q.promptIds, 20);
    const { results, kernels } = await run(c, weights, [{ ...q, stopWhen: (g) => g.length >= 6 }], { pipeline: false });
    // The result ends at the step boundary where stopWhen first said true: a prefix of the truth, at least 6 long.
    expect(results[0].finishReason).toBe("stop");
    expect(results[0].tokens).toEqual(truth.slice(0, results[0].tokens.length));
    expect(results[0].tokens.length).toBeGreaterThanOrEqual(6);
    expect(results[0].tokens.length).toBeLessThan(6 + c.plan.blockSize);
    expect(kernels).toContain("decode_loop_c4");
  });

  it("a request with more stop ids than the kernel's stop_ids row runs one cycle per call, and stays lossless", async () => {
    const c = withCycles({}, [1, 4]);
    const weights = randomWeights(planWeights(c.plan), 35);
    const [q] = randomRequests(45, 1, [5], 12);
    const truth = naiveGreedy(weights, c.plan, q.promptIds, 12);
    // Nine stop ids (the kernel takes eight), one of them generated at index 9.
    const stopTokenIds = [...new Set([truth[9], 250, 251, 252, 253, 254, 249, 248, 247])].filter((t) => t === truth[9] || !truth.includes(t));
    expect(stopTokenIds.length).toBe(9);
    const { results, kernels } = await run(c, weights, [{ ...q, stopTokenIds }], { pipeline: false });
    expect(results[0].tokens).toEqual(truth.slice(0, truth.indexOf(truth[9]) + 1));
    expect(kernels).not.toContain("decode_loop_c4");
    expect(kernels).toContain("decode_step");
  });

  it("falls back to one cycle when C*K positions do not fit the context, and stays lossless", async () => {
    // Block tables of ceil((40 + 4) / 16) = 3 pages: 48 positions, so past 32 committed no 4 cycles fit.
    const c = withCycles({ maxContext: 40 }, [1, 4]);
    const weights = randomWeights(planWeights(c.plan), 32);
    const reqs = randomRequests(42, 2, [9, 4], 40);
    const { results, kernels } = await run(c, weights, reqs, { pipeline: false });
    reqs.forEach((q, i) => expect(results[i].tokens, q.id).toEqual(expected(c, weights, { ...q, maxNewTokens: 40 - q.promptIds.length })));
    expect(results.map((r) => r.finishReason)).toEqual(["max_context", "max_context"]);
    expect(kernels).toContain("decode_loop_c4");
    expect(kernels).toContain("decode_step");
  });

  it("runs fewer decode calls than one cycle per call, for the same tokens", async () => {
    const c = withCycles({}, [1, 4]);
    const weights = randomWeights(planWeights(c.plan), 33);
    const reqs = randomRequests(43, 2, [3, 6], 24).map((q) => ({ ...q, arrivalStep: 0 }));
    const loop = await run(c, weights, reqs, { pipeline: false });
    const single = await run(c, weights, reqs, { pipeline: false, cyclesPerDispatch: 1 });
    expect(loop.results.map((r) => r.tokens)).toEqual(single.results.map((r) => r.tokens));
    expect(single.kernels).not.toContain("decode_loop_c4");
    const decodeCalls = (ks: string[]) => ks.filter((k) => k !== "prefill").length;
    expect(decodeCalls(loop.kernels) * 2).toBeLessThan(decodeCalls(single.kernels));
  });
});
