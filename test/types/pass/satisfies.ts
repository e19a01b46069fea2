// Declarations may be assembled from typed pieces and checked with `satisfies`.
import { defineDecoder, dflashDraft, pow2Buckets, qwen3, staticKV, pagedKV } from "dflashc";
import type { BatchingDeclaration, CacheDeclaration, Qwen3Options } from "dflashc";

const dims = {
  name: "piece_target",
  vocabSize: 256,
  hiddenSize: 64,
  intermediateSize: 128,
  numLayers: 4,
  numHeads: 4,
  numKvHeads: 2,
  ropeTheta: 10_000,
  rmsNormEps: 1e-6,
  maxPositions: 1024,
  dtype: "f32",
} satisfies Qwen3Options;

const cache = { target: pagedKV({ pageSize: 16, numPages: 64 }), draft: staticKV({ maxContext: 512 }) } satisfies CacheDeclaration;
const batching: BatchingDeclaration = { maxRequests: 2, tokens: pow2Buckets({ min: 16, max: 64 }) };

export default defineDecoder({
  name: "pieces",
  target: qwen3({ ...dims, numLayers: 6 }),
  draft: dflashDraft({ numLayers: 1, maskTokenId: 0 }),
  blockSize: 8,
  cache,
  batching,
});
