// Sampling through the runtime: the engine on the reference backend (StableHLO interpreter) with
// per-request sampling parameters. Same seed, same tokens; the engine's tokens equal the kernel
// driver's (graph evaluator) from the same uniform streams; greedy rows stay exactly greedy; the state
// invariant holds every step (the engine asserts it).
import { describe, expect, it } from "vitest";
import { buildManifest, kernelFile } from "../../compiler/manifest.js";
import type { DecoderPlan } from "../../compiler/ir/plan.js";
import { emitKernelText } from "../../compiler/stablehlo/emit.js";
import { ReferenceBackend } from "../../runtime/backends/reference.js";
import { Engine, RequestError, type EngineOptions, type GenerateRequest, type StepEvent } from "../../runtime/engine.js";
import type { Manifest } from "../../contract/manifest.js";
import { samplingParams, type SamplingParams } from "../../runtime/sampling.js";
import { randomWeights } from "../../runtime/weights/random.js";
import { naiveGreedy } from "../helpers/naive-model.js";
import { evaluatorRun } from "../helpers/random-decoding.js";
import { compileTiny, tinyVariant } from "../runtime/helpers/reference.js";
import { SamplingDriver } from "./driver.js";
import { tinySamplingPlan } from "./helpers.js";
import { planWeights } from "../../compiler/ir/weights.js";

/** A manifest of `plan` and reference backends that render each module on first use (shared cache). */
function compiled(plan: DecoderPlan): { manifest: Manifest; backend: () => ReferenceBackend } {
  const manifest = buildManifest(plan, "test/sampling", new Map());
  const byFile = new Map(plan.kernels.map((k) => [kernelFile(k.kernel, k.bucketId), k]));
  const rendered = new Map<string, string>();
  const render = (file: string) => {
    if (!rendered.has(file)) {
      const sig = byFile.get(file);
      if (!sig) return undefined;
      rendered.set(file, emitKernelText(plan, sig));
    }
    return rendered.get(file);
  };
  return { manifest, backend: () => new ReferenceBackend({ render }) };
}

const plan = tinySamplingPlan();
const weights = randomWeights(planWeights(plan), 8);
const c = compiled(plan);

async function generate(reqs: readonly GenerateRequest[], options: EngineOptions = {}): Promise<{ tokens: number[][]; steps: StepEvent[] }> {
  const steps: StepEvent[] = [];
  const engine = await Engine.create(c.manifest, c.backend(), weights, { ...options, onStep: (e) => steps.push(e) });
  const res = await engine.generate(reqs);
  return { tokens: res.map((r) => r.tokens), steps };
}

const T1K5 = { temperature: 1, topK: 5 };
const T08P9 = { temperature: 0.8, topP: 0.9 };

const mixed: GenerateRequest[] = [
  { promptIds: [3, 1, 4, 1, 5], maxNewTokens: 7, sampling: T1K5 },
  { promptIds: [9], maxNewTokens: 6, sampling: T08P9, arrivalStep: 1 },
  { promptIds: [2, 7, 1], maxNewTokens: 6 },
  { promptIds: [8, 8], maxNewTokens: 5, sampling: { temperature: 1.3 }, seed: 99 },
];

describe("sampling through the engine (reference backend)", () => {
  it("same seed, same tokens; another seed, other tokens; sampling kernels and held-back last prompt tokens", async () => {
    const a = await generate(mixed, { seed: 7 });
    const b = await generate(mixed, { seed: 7 });
    const other = await generate(mixed, { seed: 8 });
    expect(b.tokens).toEqual(a.tokens);
    expect(other.tokens[0]).not.toEqual(a.tokens[0]);
    // Request 3 has its own seed: the engine default does not touch it.
    expect(other.tokens[3]).toEqual(a.tokens[3]);
    a.tokens.forEach((t, i) => expect(t).toHaveLength(mixed[i].maxNewTokens));
    const kernels = new Set(a.steps.flatMap((s) => s.calls.map((k) => k.kernel)));
    expect(kernels.has("decode_step_sample")).toBe(true);
    // A sampling request's prefill commits no token; the greedy one's commits its first token.
    const firsts = a.steps.flatMap((s) => s.prefilled);
    expect(firsts.filter((p) => p.id === "0" || p.id === "3").every((p) => p.firstToken === null)).toBe(true);
    expect(firsts.find((p) => p.id === "2")!.firstToken).toBe(a.tokens[2][0]);
    // The one-token prompt needs no prefill call at all.
    expect(firsts.filter((p) => p.id === "1").map((p) => p.rows)).toEqual([0]);
  });

  it("greedy requests in a sampling batch get exactly the naive greedy tokens", async () => {
    const { tokens } = await generate(mixed, { seed: 3 });
    expect(tokens[2]).toEqual(naiveGreedy(weights, plan, mixed[2].promptIds, 6));
    const { tokens: t0 } = await generate(mixed.map((q) => ({ ...q, sampling: { temperature: 0 } })));
    t0.forEach((t, i) => expect(t).toEqual(naiveGreedy(weights, plan, mixed[i].promptIds, mixed[i].maxNewTokens)));
  });

  it("equals the kernel driver (graph evaluator) fed the same (seed, request index) streams", async () => {
    const params: SamplingParams[] = [samplingParams(T1K5), samplingParams(T08P9), samplingParams({ temperature: 1.1, topK: 3, topP: 0.7 })];
    const prompts = [[3, 1, 4, 1, 5], [6, 2], [7, 7, 7]];
    const { tokens } = await generate(prompts.map((p, i) => ({ promptIds: p, maxNewTokens: 8, sampling: params[i] })), { seed: 21 });
    const driver = new SamplingDriver(plan, weights, evaluatorRun(plan));
    const reqs = prompts.map((p, i) => driver.newRequests(p, 1, 24, params[i], 21, i, i)[0]);
    driver.prefillAllButLast(reqs);
    while (reqs.some((q) => q.committed.length < q.promptLength + 8)) driver.step("decode_step_sample", reqs);
    reqs.forEach((q, i) => expect(tokens[i]).toEqual(q.committed.slice(q.promptLength, q.promptLength + 8)));
  });

  it("a request's tokens do not depend on the requests that share its steps", async () => {
    const x: GenerateRequest = { promptIds: [4, 4, 2], maxNewTokens: 9, sampling: T08P9 };
    const alone = await generate([x], { seed: 5 });
    const crowded = await generate([x, ...mixed.slice(0, 3).map((q) => ({ ...q, arrivalStep: 2 }))], { seed: 5 });
    expect(crowded.tokens[0]).toEqual(alone.tokens[0]);
  });

  it("target-only sampling (target_step_sample), and the split and forced-draft paths (verify_sample)", async () => {
    const reqs: GenerateRequest[] = [
      { promptIds: [3, 1, 4], maxNewTokens: 5, sampling: T1K5 },
      { promptIds: [5], maxNewTokens: 4, sampling: T08P9 },
    ];
    const targetOnly = await generate(reqs, { seed: 2, targetOnly: true });
    expect(targetOnly.steps.flatMap((s) => s.calls.map((k) => k.kernel))).toContain("target_step_sample");
    expect((await generate(reqs, { seed: 2, targetOnly: true })).tokens).toEqual(targetOnly.tokens);
    // The split path (draft, then verify_sample) commits exactly what the fused kernel does.
    const fused = await generate(reqs, { seed: 2 });
    const split = await generate(reqs, { seed: 2, decodePath: "split" });
    expect(split.tokens).toEqual(fused.tokens);
    expect(split.steps.flatMap((s) => s.calls.map((k) => k.kernel))).toContain("verify_sample");
    const forced = await generate(reqs, { seed: 2, drafts: ({ tokens }) => [tokens.at(-1)!, 1, 2].slice(0, plan.blockSize - 1) });
    forced.tokens.forEach((t, i) => expect(t).toHaveLength(reqs[i].maxNewTokens));
  });

  it("rejects bad sampling parameters, and sampling on a greedy-only decoder, as request errors", async () => {
    const bad: [Partial<SamplingParams>, RegExp][] = [
      [{ temperature: -1 }, /temperature/],
      [{ temperature: 1, topK: 1.5 }, /topK/],
      [{ temperature: 1, topP: 0 }, /topP/],
    ];
    for (const [s, msg] of bad) await expect(generate([{ promptIds: [1, 2], maxNewTokens: 2, sampling: s }])).rejects.toThrow(msg);
    await expect(generate([{ promptIds: [1, 2], maxNewTokens: 2, seed: -3 }])).rejects.toThrow(RequestError);
    const greedy = compileTiny(tinyVariant({ blockSize: 4 }));
    const engine = await Engine.create(greedy.manifest, greedy.backend(), randomWeights(planWeights(greedy.plan), 1));
    await expect(engine.generate([{ promptIds: [1, 2], maxNewTokens: 2, sampling: { temperature: 0.5 } }])).rejects.toThrow(/verify: "sampling"/);
  });
});
