/**
 * Where a user's `import ... from "dflashc"` resolves for type-checking: this package's own DSL
 * sources, wherever the user's config file is.
 */
import { join } from "node:path";
import { packageRoot } from "../package-root.js";

/** The DSL's entry point that `dflashc` resolves to. */
export function dslEntry(): string {
  return join(packageRoot(), "dsl", "index.ts");
}
