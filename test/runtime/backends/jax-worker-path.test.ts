/**
 * The JAX worker's import path: the output folder holds a `jax/` folder, which must never stand in for
 * the installed JAX (a namespace package from the current directory would hide a missing JAX and turn
 * the worker's "no_jax" reply into an internal error). With JAX hidden, the worker must say so.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildManifest } from "../../../compiler/manifest.js";
import { JaxBackend, JaxBackendError } from "../../../runtime/backends/jax.js";
import { createEngine } from "../../../runtime/engine.js";
import { randomWeights } from "../../../runtime/weights/random.js";
import { PYTHON, pythonEnv, requirePython, tempDir, tinyPlan, writePackage } from "../../jax/helpers.js";

/** A sitecustomize that hides the installed jax/jaxlib (site-packages) but lets any other path entry provide them. */
const HIDE_JAX = `
import importlib.machinery, sys

class _HideInstalledJax:
    @classmethod
    def find_spec(cls, name, path=None, target=None):
        if path is not None or name not in ("jax", "jaxlib"):
            return None
        paths = [p for p in sys.path if "site-packages" not in p and "dist-packages" not in p]
        spec = importlib.machinery.PathFinder.find_spec(name, paths)
        if spec is None:
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return spec

sys.meta_path.insert(0, _HideInstalledJax)
`;
import { planWeights } from "../../../compiler/ir/weights.js";

describe("JAX worker import path", () => {
  it("without JAX, the worker answers no_jax: the output's own jax/ folder never stands in for it", async () => {
    requirePython();
    const plan = tinyPlan();
    const manifest = buildManifest(plan, "examples/tiny.ts", new Map());
    const out = tempDir("no-jax");
    writePackage(out, plan, manifest.contentHash);
    const hide = join(tempDir("hide-jax"), "site");
    mkdirSync(hide, { recursive: true });
    writeFileSync(join(hide, "sitecustomize.py"), HIDE_JAX);
    const backend = new JaxBackend({
      outDir: out,
      python: PYTHON,
      // "" and "." would put the current directory back on sys.path: the backend drops them.
      env: { PYTHONPATH: `:.:${hide}`, PYTHONPYCACHEPREFIX: pythonEnv().PYTHONPYCACHEPREFIX! },
      initTimeoutMs: 60_000,
    });
    const err = await createEngine(manifest, backend, randomWeights(planWeights(plan), 1)).catch((e: Error) => e);
    await backend.close();
    expect(err).toBeInstanceOf(JaxBackendError);
    expect((err as Error).message).toMatch(/no_jax[\s\S]*JAX is not importable/);
  }, 90_000);
});
