// expect-error-code: TS2345
// pow2Buckets needs both ends.
import { pow2Buckets } from "dflashc";

export const tokens = pow2Buckets({ min: 16 });
