/**
 * Where this package lives on disk, so that a user's `import ... from "dflashc"` type-checks against
 * this package's own DSL sources wherever the user's config file is.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let cached: string | undefined;

/** The folder holding dflashc's package.json (found from this module's own location, src or dist). */
export function packageRoot(): string {
  if (cached !== undefined) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && existsSync(join(dir, "dsl", "index.ts"))) {
      const name = (JSON.parse(readFileSync(manifest, "utf8")) as { name?: unknown }).name;
      if (name === "dflashc") return (cached = dir);
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`dflashc: cannot find the package root above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

/** The DSL's entry point that `dflashc` resolves to. */
export function dslEntry(): string {
  return join(packageRoot(), "dsl", "index.ts");
}
