// expect-error-code: TS2322
// "beam" is not a verification mode.
import type { VerifyMode } from "dflashc";

export const verify: VerifyMode = "beam";
