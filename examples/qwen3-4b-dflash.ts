// Qwen3-4B (tied embeddings) with its DFlash drafter (z-lab/Qwen3-4B-DFlash-b16), block size 16,
// on one TPU v6e chip.
import { defineDecoder, dflashDraft, pagedKV, pow2Buckets, qwen3, staticKV } from "dflashc";

const target = qwen3({
  name: "qwen3_4b",
  vocabSize: 151_936,
  hiddenSize: 2560,
  intermediateSize: 9728,
  numLayers: 36,
  numHeads: 32,
  numKvHeads: 8,
  headDim: 128,
  ropeTheta: 1_000_000,
  rmsNormEps: 1e-6,
  maxPositions: 40_960,
  dtype: "bf16",
  tieWordEmbeddings: true,
});

export default defineDecoder({
  name: "qwen3_4b_dflash_b16",
  target,
  draft: dflashDraft({ numLayers: 5, targetLayerIds: [1, 9, 17, 25, 33], maskTokenId: 151_669 }),
  blockSize: 16,
  cache: {
    target: pagedKV({ pageSize: 64, numPages: 1024 }),
    draft: staticKV({ maxContext: 8192 }),
  },
  batching: { maxRequests: 16, tokens: pow2Buckets({ min: 16, max: 4096 }) },
  verify: "greedy",
  hardware: { chip: "tpu-v6e", chips: 1 },
});
