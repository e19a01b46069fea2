/**
 * The dflashc package's root folder, found from this file whether it runs from source (tsx, vitest)
 * or from the build in dist/: templates, the DSL sources and the examples are found from here.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let cached: string | undefined;

export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, "utf8")) as { name?: string }).name === "dflashc") return (cached = dir);
    const up = dirname(dir);
    if (up === dir) throw new Error("internal error: cannot find the dflashc package root above " + fileURLToPath(import.meta.url));
    dir = up;
  }
}
