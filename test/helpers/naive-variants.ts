/**
 * Variants of the tiny example for the numerics tests: bf16, a paged draft cache, the other target
 * families (Llama with llama3 RoPE and attention bias, Qwen2 with q/k/v bias), tied embeddings and a
 * sliding-window draft layer. Each is a real declaration through the real planner.
 */
import { dflashDraft, llama, pagedKV, qwen2 } from "../../dsl/builders.js";
import type { DecoderDeclaration } from "../../dsl/types.js";
import { buildPlan } from "../../compiler/plan/build-plan.js";
import type { DecoderPlan } from "../../compiler/ir/plan.js";
import tiny from "../../examples/tiny.js";
import type { ModelDType } from "../../contract/dtypes.js";

export const tinyDecl: DecoderDeclaration = tiny;

export function tinyPlan(): DecoderPlan {
  return buildPlan(tiny);
}

export function tinyBf16Plan(): DecoderPlan {
  return buildPlan({ ...tiny, name: "tiny_bf16", target: { ...tiny.target, dtype: "bf16" } });
}

export function tinyPagedDraftPlan(dtype: ModelDType = "f32"): DecoderPlan {
  return buildPlan({
    ...tiny,
    name: "tiny_paged_draft",
    target: { ...tiny.target, dtype },
    cache: { target: tiny.cache.target, draft: pagedKV({ pageSize: 8, numPages: 160, maxContext: 240 }) },
  });
}

const { family: _family, ...dims } = tiny.target;

/** A Llama target: llama3 RoPE scaling, attention bias, tied embeddings. */
export const tinyLlamaDecl: DecoderDeclaration = {
  ...tiny,
  name: "tiny_llama",
  target: llama({
    ...dims,
    name: "tiny_llama",
    ropeTheta: 500_000,
    attentionBias: true,
    tieWordEmbeddings: true,
    ropeScaling: { type: "llama3", factor: 8, lowFreqFactor: 1, highFreqFactor: 4, originalMaxPositions: 64 },
  }),
};

export function tinyLlamaPlan(): DecoderPlan {
  return buildPlan(tinyLlamaDecl);
}

/** A Qwen2 target: q/k/v bias. */
export const tinyQwen2Decl: DecoderDeclaration = { ...tiny, name: "tiny_qwen2", target: qwen2({ ...dims, name: "tiny_qwen2" }) };

export function tinyQwen2Plan(): DecoderPlan {
  return buildPlan(tinyQwen2Decl);
}

/** A 2-layer draft whose second layer attends through a sliding window of 6. */
export function tinySlidingPlan(): DecoderPlan {
  return buildPlan({
    ...tiny,
    name: "tiny_sliding",
    draft: dflashDraft({ numLayers: 2, targetLayerIds: [1], maskTokenId: 255, slidingWindow: 6, layerTypes: ["full_attention", "sliding_attention"] }),
  });
}
