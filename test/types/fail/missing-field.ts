// expect-error-code: TS2345
// vocabSize is required.
import { qwen3 } from "dflashc";

export const target = qwen3({
  name: "t",
  hiddenSize: 64,
  intermediateSize: 128,
  numLayers: 2,
  numHeads: 4,
  numKvHeads: 2,
  ropeTheta: 10_000,
  rmsNormEps: 1e-6,
  maxPositions: 1024,
  dtype: "f32",
});
