// Llama-3.1-8B-Instruct with the DFlash drafter trained on UltraChat (z-lab/LLaMA3.1-8B-Instruct-DFlash-UltraChat):
// block size 10, `llama3` RoPE scaling as in the checkpoint's config.json, on one TPU v5p chip.
import { defineDecoder, dflashDraft, llama, pagedKV, pow2Buckets, staticKV } from "dflashc";

const target = llama({
  name: "llama3_1_8b",
  vocabSize: 128_256,
  hiddenSize: 4096,
  intermediateSize: 14_336,
  numLayers: 32,
  numHeads: 32,
  numKvHeads: 8,
  headDim: 128,
  ropeTheta: 500_000,
  rmsNormEps: 1e-5,
  maxPositions: 131_072,
  dtype: "bf16",
  ropeScaling: { type: "llama3", factor: 8, lowFreqFactor: 1, highFreqFactor: 4, originalMaxPositions: 8192 },
});

export default defineDecoder({
  name: "llama3_1_8b_dflash_b10",
  target,
  // Layer ids follow the DFlash default for a 32-layer target; the mask is reserved special token 0.
  draft: dflashDraft({ numLayers: 5, targetLayerIds: [1, 8, 15, 22, 29], maskTokenId: 128_002 }),
  blockSize: 10,
  cache: {
    target: pagedKV({ pageSize: 64, numPages: 4096 }),
    draft: staticKV({ maxContext: 8192 }),
  },
  batching: { maxRequests: 64, tokens: pow2Buckets({ min: 16, max: 8192 }) },
  verify: "greedy",
  hardware: { chip: "tpu-v5p", chips: 1 },
});
