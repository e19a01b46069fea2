// expect-error-code: TS2322
// "fp8" is not a dtype dflashc knows.
import { llama } from "dflashc";

export const target = llama({
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
  dtype: "fp8",
});
