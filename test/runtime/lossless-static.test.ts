/**
 * Lossless on the real kernels, static draft cache: greedy speculative output through the engine,
 * paging, padding and the reference backend (StableHLO interpreter) equals the naive autoregressive
 * model token for token. Sized for the CPU interpreter: few, mostly short prompts per case.
 */
import { describe, it } from "vitest";
import { randomWeights } from "../../runtime/weights/random.js";
import { compileTiny, expectLossless, randomRequests, tinyVariant } from "./helpers/reference.js";
import { planWeights } from "../../compiler/ir/weights.js";

describe("lossless through the reference backend (static draft cache)", () => {
  it("K=2: three requests joining at different steps", async () => {
    const c = compileTiny(tinyVariant({ blockSize: 2 }));
    await expectLossless(c, randomWeights(planWeights(c.plan), 21), randomRequests(1, 3, [1, 9, 23], 6));
  });

  it("K=4: one long prompt (200 tokens) beside a short one", async () => {
    const c = compileTiny(tinyVariant({ blockSize: 4 }));
    await expectLossless(c, randomWeights(planWeights(c.plan), 22), randomRequests(2, 2, [200, 2], 4));
  });

  it("K=10: a prompt chunked over several prefill calls", async () => {
    const c = compileTiny(tinyVariant({ blockSize: 10, maxTokens: 32 }));
    const res = await expectLossless(c, randomWeights(planWeights(c.plan), 23), randomRequests(3, 2, [70, 5], 5));
    if (res[0].stats.prefillCalls < 3) throw new Error(`expected a chunked prefill, got ${res[0].stats.prefillCalls} calls`);
  });

  it("K=16: eight requests in a padded batch of 8", async () => {
    const c = compileTiny(tinyVariant({ blockSize: 16, maxRequests: 8 }));
    await expectLossless(c, randomWeights(planWeights(c.plan), 24), randomRequests(4, 8, [1, 3, 6, 2, 11, 4, 1, 7], 4));
  });
});
