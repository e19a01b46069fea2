// expect-error-code: TS2561
// A misspelt key (`numHead` for `numHeads`) is an excess property TypeScript suggests a fix for.
import { qwen3 } from "dflashc";

export const target = qwen3({
  name: "t",
  vocabSize: 256,
  hiddenSize: 64,
  intermediateSize: 128,
  numLayers: 2,
  numHead: 4,
  numKvHeads: 2,
  ropeTheta: 10_000,
  rmsNormEps: 1e-6,
  maxPositions: 1024,
  dtype: "f32",
});
