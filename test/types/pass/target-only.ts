// A target-only decoder (the baseline): no draft, no blockSize, no draft cache.
import { defineDecoder, pagedKV, pow2Buckets, qwen2 } from "dflashc";

export default defineDecoder({
  name: "qwen2_baseline",
  target: qwen2({
    name: "qwen2_5_0_5b",
    vocabSize: 151_936,
    hiddenSize: 896,
    intermediateSize: 4864,
    numLayers: 24,
    numHeads: 14,
    numKvHeads: 2,
    ropeTheta: 1_000_000,
    rmsNormEps: 1e-6,
    maxPositions: 32_768,
    dtype: "bf16",
    tieWordEmbeddings: true,
  }),
  cache: { target: pagedKV({ pageSize: 64, numPages: 512, maxContext: 4096 }) },
  batching: { maxRequests: 8, tokens: pow2Buckets({ min: 16, max: 2048 }) },
});
