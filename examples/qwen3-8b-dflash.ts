// Qwen3-8B served with its DFlash drafter (z-lab/Qwen3-8B-DFlash-b16): 5 draft layers fed by target
// layers 1, 9, 17, 25, 33, block size 16, on one TPU v5p chip.
import { defineDecoder, dflashDraft, pagedKV, pow2Buckets, qwen3, staticKV } from "dflashc";

const target = qwen3({
  name: "qwen3_8b",
  vocabSize: 151_936,
  hiddenSize: 4096,
  intermediateSize: 12_288,
  numLayers: 36,
  numHeads: 32,
  numKvHeads: 8,
  headDim: 128,
  ropeTheta: 1_000_000,
  rmsNormEps: 1e-6,
  maxPositions: 40_960,
  dtype: "bf16",
});

export default defineDecoder({
  name: "qwen3_8b_dflash_b16",
  target,
  draft: dflashDraft({ numLayers: 5, targetLayerIds: [1, 9, 17, 25, 33], maskTokenId: 151_669 }),
  blockSize: 16,
  cache: {
    target: pagedKV({ pageSize: 64, numPages: 4096 }),
    draft: staticKV({ maxContext: 8192 }),
  },
  batching: { maxRequests: 64, tokens: pow2Buckets({ min: 16, max: 8192 }) },
  verify: "greedy",
  hardware: { chip: "tpu-v5p", chips: 1 },
});
