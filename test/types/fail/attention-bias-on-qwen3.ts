// expect-error-code: TS2353
// attentionBias is a Llama option; Qwen3 has no attention biases.
import { qwen3 } from "dflashc";

export const target = qwen3({
  name: "t",
  vocabSize: 256,
  hiddenSize: 64,
  intermediateSize: 128,
  numLayers: 2,
  numHeads: 4,
  numKvHeads: 2,
  ropeTheta: 10_000,
  rmsNormEps: 1e-6,
  maxPositions: 1024,
  dtype: "f32",
  attentionBias: true,
});
