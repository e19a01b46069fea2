/**
 * Lossless on the real kernels, paged draft cache: greedy speculative output through the engine,
 * paging, padding and the reference backend (StableHLO interpreter) equals the naive autoregressive
 * model token for token. Sized for the CPU interpreter: few, mostly short prompts per case.
 */
import { describe, it } from "vitest";
import { randomWeights } from "../../runtime/weights/random.js";
import { compileTiny, expectLossless, randomRequests, tinyVariant } from "./helpers/reference.js";
import { planWeights } from "../../compiler/ir/weights.js";

describe("lossless through the reference backend (paged draft cache)", () => {
  it("K=2: four requests joining at different steps", async () => {
    const c = compileTiny(tinyVariant({ blockSize: 2, draftLayout: "paged" }));
    await expectLossless(c, randomWeights(planWeights(c.plan), 31), randomRequests(11, 4, [5, 1, 30, 12], 5));
  });

  it("K=4: a long prompt (180 tokens) joining a short one", async () => {
    const c = compileTiny(tinyVariant({ blockSize: 4, draftLayout: "paged" }));
    await expectLossless(c, randomWeights(planWeights(c.plan), 32), randomRequests(12, 2, [3, 180], 4));
  });

  it("K=10: a prompt chunked over several prefill calls", async () => {
    const c = compileTiny(tinyVariant({ blockSize: 10, draftLayout: "paged", maxTokens: 32 }));
    const res = await expectLossless(c, randomWeights(planWeights(c.plan), 33), randomRequests(13, 2, [66, 1], 5));
    if (res[0].stats.prefillCalls < 3) throw new Error(`expected a chunked prefill, got ${res[0].stats.prefillCalls} calls`);
  });

  it("K=16: six requests in a padded batch of 8", async () => {
    const c = compileTiny(tinyVariant({ blockSize: 16, draftLayout: "paged", maxRequests: 8 }));
    await expectLossless(c, randomWeights(planWeights(c.plan), 34), randomRequests(14, 6, [2, 8, 1, 5, 3, 9], 4));
  });
});
