/**
 * The engine one step ahead of the generated worker on CPU JAX: the engine enqueues step n+1 before
 * it reads step n, the backend writes both requests at once, and the worker dispatches n+1 before it
 * reads back n. Tokens must equal the naive greedy model's, with requests joining, stopping and
 * finishing at different steps (so some steps are dropped after a stop).
 */
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildManifest } from "../../compiler/manifest.js";
import { planWeights } from "../../compiler/ir/weights.js";
import type { DecoderPlan } from "../../compiler/ir/plan.js";
import type { Manifest, ManifestKernel } from "../../contract/manifest.js";
import type { Backend, KernelInput, Weights } from "../../runtime/backend.js";
import { JaxBackend } from "../../runtime/backends/jax.js";
import { Engine } from "../../runtime/engine.js";
import { randomWeights } from "../../runtime/weights/random.js";
import { naiveGreedy } from "../helpers/naive-model.js";
import { PYTHON, pythonEnv, requirePython, tempDir, tinyPlan, writePackage } from "./helpers.js";

/** Forwards to a backend and records how many calls were outstanding at once. */
class Overlap implements Backend {
  outstanding = 0;
  maxOutstanding = 0;
  constructor(private readonly inner: Backend) {}
  init(m: Manifest, w: Weights): Promise<void> {
    return this.inner.init(m, w);
  }
  async run(k: ManifestKernel, inputs: ReadonlyMap<string, KernelInput>): Promise<Map<string, Int32Array>> {
    this.maxOutstanding = Math.max(this.maxOutstanding, ++this.outstanding);
    try {
      return await this.inner.run(k, inputs);
    } finally {
      this.outstanding--;
    }
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}

describe("the host one step ahead of the JAX worker", () => {
  let outDir = "";
  let plan: DecoderPlan;
  let manifest: Manifest;

  beforeAll(() => {
    requirePython();
    plan = tinyPlan();
    manifest = buildManifest(plan, "examples/tiny.ts", new Map());
    outDir = tempDir("jax-pipeline");
    writePackage(outDir, plan, manifest.contentHash);
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it("decodes exactly the naive greedy tokens with calls in flight two at a time", async () => {
    const w = randomWeights(planWeights(plan), 4);
    const backend = new Overlap(
      new JaxBackend({ outDir, python: PYTHON, env: { PYTHONPYCACHEPREFIX: pythonEnv().PYTHONPYCACHEPREFIX!, DFLASHC_JAX_CACHE: "off", JAX_PLATFORMS: "cpu" }, timeoutMs: 300_000 }),
    );
    const engine = await Engine.create(manifest, backend, w);
    try {
      const prompts = [[5, 6, 7, 8], [11, 12], Array.from({ length: 20 }, (_, i) => (i * 7) % 250)];
      const truth = prompts.map((p) => naiveGreedy(w, plan, p, 14));
      const stop = truth[1][5];
      const res = await engine.generate([
        { promptIds: prompts[0], maxNewTokens: 14 },
        { promptIds: prompts[1], maxNewTokens: 14, stopTokenIds: [stop], arrivalStep: 1 },
        { promptIds: prompts[2], maxNewTokens: 9, arrivalStep: 2 },
      ]);
      expect(res[0].tokens).toEqual(truth[0]);
      expect(res[1].tokens).toEqual(truth[1].slice(0, truth[1].indexOf(stop) + 1));
      expect(res[2].tokens).toEqual(truth[2].slice(0, 9));
      expect(backend.maxOutstanding).toBeGreaterThanOrEqual(2);
    } finally {
      await engine.close();
    }
  }, 600_000);
});
