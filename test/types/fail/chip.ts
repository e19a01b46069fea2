// expect-error-code: TS2820
// A TPU generation dflashc has no HBM figure for.
import type { HardwareDeclaration } from "dflashc";

export const hardware: HardwareDeclaration = { chip: "tpu-v3", chips: 8 };
