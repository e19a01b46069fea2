// Every optional field of the DSL, once: Llama with biases and llama3 RoPE scaling, a draft with its
// own dims, sliding layers, a paged draft cache, request buckets, sampling and hardware.
import { defineDecoder, dflashDraft, llama, pagedKV, pow2Buckets } from "dflashc";
import type { DecoderDeclaration, DraftLayerType, TpuChip } from "dflashc";

const chip: TpuChip = "tpu-v6e";
const layerTypes: readonly DraftLayerType[] = ["full_attention", "sliding_attention"];

export const decoder: DecoderDeclaration = defineDecoder({
  name: "every_option",
  target: llama({
    name: "llama_like",
    vocabSize: 1024,
    hiddenSize: 128,
    intermediateSize: 256,
    numLayers: 8,
    numHeads: 8,
    numKvHeads: 2,
    headDim: 16,
    ropeTheta: 500_000,
    rmsNormEps: 1e-5,
    maxPositions: 8192,
    dtype: "f32",
    tieWordEmbeddings: false,
    attentionBias: true,
    ropeScaling: { type: "llama3", factor: 8, lowFreqFactor: 1, highFreqFactor: 4, originalMaxPositions: 1024 },
  }),
  draft: dflashDraft({
    numLayers: 2,
    targetLayerIds: [1, 6],
    maskTokenId: 1000,
    intermediateSize: 256,
    numHeads: 8,
    numKvHeads: 4,
    headDim: 16,
    rmsNormEps: 1e-6,
    ropeTheta: 10_000,
    qkNorm: true,
    slidingWindow: 256,
    layerTypes,
  }),
  blockSize: 16,
  cache: {
    target: pagedKV({ pageSize: 32, numPages: 256 }),
    draft: pagedKV({ pageSize: 32, numPages: 256, maxContext: 2048 }),
  },
  batching: { maxRequests: 8, requests: pow2Buckets({ min: 1, max: 8 }), tokens: pow2Buckets({ min: 16, max: 1024 }) },
  verify: "sampling",
  hardware: { chip, chips: 4 },
});
