// expect-error-code: TS2322
// Only the llama3 RoPE scaling is supported; "yarn" is not a RopeScaling.
import type { RopeScaling } from "dflashc";

export const scaling: RopeScaling = { type: "yarn", factor: 4, lowFreqFactor: 1, highFreqFactor: 4, originalMaxPositions: 8192 };
