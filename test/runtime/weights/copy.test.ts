// copy:SEED weights (runtime/weights/copy.ts): on every decoder the runtime supports, the hand-built
// drafter follows the boosted target's cycles (tau above 2 where random weights give about 1) and
// decoding stays lossless against the naive full-recompute model.
import { describe, expect, it } from "vitest";
import { dflashDraft } from "../../../dsl/builders.js";
import type { DecoderDeclaration } from "../../../dsl/types.js";
import tiny from "../../../examples/tiny.js";
import { copyWeights, CopyWeightsError } from "../../../runtime/weights/copy.js";
import { loadWeights, parseWeightSource, WeightSourceError } from "../../../runtime/weights/source.js";
import { randomWeights } from "../../../runtime/weights/random.js";
import type { GenerateRequest, GenerateResult } from "../../../runtime/engine.js";
import { compileTiny, expectLossless, tinyVariant } from "../helpers/reference.js";
import { tinyLlamaDecl, tinyQwen2Decl } from "../../helpers/naive-variants.js";

const VARIANTS: Record<string, DecoderDeclaration> = {
  "tiny (static draft cache, q/k norm, separate LM head)": tiny,
  "paged draft cache": tinyVariant({ draftLayout: "paged" }),
  bf16: tinyVariant({ dtype: "bf16" }),
  "block size 8": tinyVariant({ blockSize: 8 }),
  "no q/k norm in the drafter": { ...tiny, name: "tiny_no_qk_norm", draft: dflashDraft({ numLayers: 1, targetLayerIds: [0, 1], maskTokenId: 255, qkNorm: false }) },
  "llama: tied embeddings, attention bias, llama3 RoPE scaling": tinyLlamaDecl,
  "qwen2: q/k/v bias": tinyQwen2Decl,
  "two draft layers, the second sliding, a middle target layer": {
    ...tiny,
    name: "tiny_sliding",
    draft: dflashDraft({ numLayers: 2, targetLayerIds: [0], maskTokenId: 255, slidingWindow: 6, layerTypes: ["sliding_attention", "full_attention"] }),
  },
  "paged target and draft caches, bf16, no q/k norm": {
    ...tinyVariant({ draftLayout: "paged", dtype: "bf16" }),
    name: "tiny_paged_bf16_plain",
    draft: dflashDraft({ numLayers: 1, targetLayerIds: [1], maskTokenId: 255, qkNorm: false }),
  },
};

const PROMPTS: GenerateRequest[] = [
  { id: "a", promptIds: [17, 4, 99, 23, 8], maxNewTokens: 16 },
  { id: "b", promptIds: [200, 3], maxNewTokens: 16 },
  { id: "c", promptIds: [5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24], maxNewTokens: 16, arrivalStep: 2 },
];

/** Tokens per decode step over all requests. */
function overallTau(results: readonly GenerateResult[]): number {
  const steps = results.reduce((n, r) => n + r.stats.steps, 0);
  const tokens = results.reduce((n, r) => n + r.stats.tau * r.stats.steps, 0);
  return tokens / steps;
}

describe("copy:SEED weights", () => {
  for (const [what, decl] of Object.entries(VARIANTS)) {
    it(`${what}: lossless, tau > 2`, async () => {
      const c = compileTiny(decl);
      const results = await expectLossless(c, copyWeights(c.manifest, 0), PROMPTS);
      expect(overallTau(results)).toBeGreaterThan(2);
    });
  }

  it("on the tiny example, other seeds: tau > 1.5 each and > 2 on average, where random:SEED gives about 1", async () => {
    const c = compileTiny(tiny);
    const taus: number[] = [];
    for (const seed of [1, 2, 3, 4]) taus.push(overallTau(await expectLossless(c, copyWeights(c.manifest, seed), PROMPTS)));
    // A prompt may first fall into one of the random target's own loops, so one seed alone may do less.
    for (const tau of taus) expect(tau).toBeGreaterThan(1.5);
    expect(taus.reduce((a, b) => a + b, 0) / taus.length).toBeGreaterThan(2);
    expect(overallTau(await expectLossless(c, randomWeights(c.manifest.weights, 0), PROMPTS))).toBeLessThan(1.2);
  });

  it("is parsed as a weight source, deterministic, and finite", () => {
    expect(parseWeightSource("copy:7")).toEqual({ kind: "copy", seed: 7 });
    expect(() => parseWeightSource("copy:x")).toThrow(/copy:SEED takes an integer seed/);
    expect(() => parseWeightSource("copy")).toThrow(/expected random:SEED, copy:SEED or a checkpoint folder/);
    const c = compileTiny(tiny);
    const a = loadWeights({ kind: "copy", seed: 3 }, c.manifest);
    const b = loadWeights({ kind: "copy", seed: 3 }, c.manifest);
    expect([...a.keys()]).toEqual(c.manifest.weights.map((w) => w.name));
    for (const [name, t] of a) {
      expect([...t], name).toEqual([...b.get(name)!]);
      expect(t.every(Number.isFinite), name).toBe(true);
    }
  });

  it("refuses a decoder without a draft, and one whose drafter cannot reach back far enough, by name", () => {
    const { draft: _d, blockSize: _k, ...targetOnly } = tiny;
    const c = compileTiny({ ...targetOnly, name: "tiny_target_only", cache: { target: tiny.cache.target } });
    expect(() => copyWeights(c.manifest, 0)).toThrow(CopyWeightsError);
    expect(() => loadWeights({ kind: "copy", seed: 0 }, c.manifest)).toThrow(WeightSourceError);
    expect(() => loadWeights({ kind: "copy", seed: 0 }, c.manifest)).toThrow(/tiny_target_only has none: use random:SEED/);
    const narrow = compileTiny({
      ...tiny,
      name: "tiny_narrow",
      draft: dflashDraft({ numLayers: 1, targetLayerIds: [1], maskTokenId: 255, slidingWindow: 4, layerTypes: ["sliding_attention"] }),
    });
    expect(() => copyWeights(narrow.manifest, 0)).toThrow(/sliding window of at most 4/);
  });
});
