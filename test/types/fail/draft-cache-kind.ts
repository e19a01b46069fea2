// expect-error-code: TS2322
// A draft cache kind that does not exist ("ring").
import type { CacheDeclaration } from "dflashc";
import { pagedKV } from "dflashc";

export const cache: CacheDeclaration = {
  target: pagedKV({ pageSize: 16, numPages: 64 }),
  draft: { kind: "ring", maxContext: 256 },
};
