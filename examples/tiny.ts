// A decoder small enough for the CPU interpreter: Qwen3-style, vocab 256, hidden 64, 2 layers, and a
// 1-layer DFlash draft fed by both target layers. Same code paths as the 8B examples. Its tokenizer is
// the byte-level one (vocab 256: one id per UTF-8 byte), so `run --prompt "text"` works on the CPU.
import { defineDecoder, dflashDraft, pagedKV, pow2Buckets, qwen3, staticKV } from "dflashc";

const target = qwen3({
  name: "tiny_qwen3",
  vocabSize: 256,
  hiddenSize: 64,
  intermediateSize: 128,
  numLayers: 2,
  numHeads: 4,
  numKvHeads: 2,
  headDim: 16,
  ropeTheta: 10_000,
  rmsNormEps: 1e-6,
  maxPositions: 1024,
  dtype: "f32",
});

export default defineDecoder({
  name: "tiny_dflash",
  target,
  draft: dflashDraft({ numLayers: 1, targetLayerIds: [0, 1], maskTokenId: 255 }),
  blockSize: 4,
  cache: {
    target: pagedKV({ pageSize: 16, numPages: 64 }),
    draft: staticKV({ maxContext: 240 }),
  },
  batching: { maxRequests: 4, tokens: pow2Buckets({ min: 16, max: 256 }) },
  verify: "greedy",
  tokenizer: "byte",
});
