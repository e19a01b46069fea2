// expect-error-code: TS2739
// The target's KV cache is always paged: a static cache is not accepted there.
import type { CacheDeclaration } from "dflashc";
import { staticKV } from "dflashc";

export const cache: CacheDeclaration = { target: staticKV({ maxContext: 256 }) };
