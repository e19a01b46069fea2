// expect-error-code: TS2322
// A model family that does not exist.
import type { TargetModel } from "dflashc";
import { qwen3 } from "dflashc";

const base = qwen3({
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
});

export const target: TargetModel = { ...base, family: "gpt2" };
