/**
 * decode_loop_c4 on CPU JAX: the generated package's `lax.while_loop` over decode cycles, driven by
 * the engine one step ahead of the worker. Tokens must equal the naive greedy model's, with a stop
 * token and budgets ending requests inside a loop and a request joining later.
 */
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildManifest } from "../../compiler/manifest.js";
import { planWeights } from "../../compiler/ir/weights.js";
import type { DecoderPlan } from "../../compiler/ir/plan.js";
import type { Manifest } from "../../contract/manifest.js";
import { JaxBackend } from "../../runtime/backends/jax.js";
import { Engine } from "../../runtime/engine.js";
import { randomWeights } from "../../runtime/weights/random.js";
import { naiveGreedy } from "../helpers/naive-model.js";
import { PYTHON, pythonEnv, requirePython, tempDir, tinyPlan, writePackage } from "./helpers.js";

describe("decode_loop_c4 on the JAX worker", () => {
  let outDir = "";
  let plan: DecoderPlan;
  let manifest: Manifest;

  beforeAll(() => {
    requirePython();
    plan = tinyPlan({ name: "tiny_cycles", cyclesPerDispatch: [1, 4] });
    manifest = buildManifest(plan, "examples/tiny.ts", new Map());
    outDir = tempDir("jax-cycles");
    writePackage(outDir, plan, manifest.contentHash);
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it("decodes exactly the naive greedy tokens, four cycles per call", async () => {
    const w = randomWeights(planWeights(plan), 6);
    const backend = new JaxBackend({ outDir, python: PYTHON, env: { PYTHONPYCACHEPREFIX: pythonEnv().PYTHONPYCACHEPREFIX!, DFLASHC_JAX_CACHE: "off", JAX_PLATFORMS: "cpu" }, timeoutMs: 300_000 });
    const kernels: string[] = [];
    const engine = await Engine.create(manifest, backend, w, { onStep: (e) => kernels.push(...e.calls.map((c) => c.kernel)) });
    try {
      const prompts = [[5, 6, 7, 8], [11, 12], Array.from({ length: 20 }, (_, i) => (i * 7) % 250)];
      const truth = prompts.map((p) => naiveGreedy(w, plan, p, 15));
      const stop = truth[1][6];
      const res = await engine.generate([
        { promptIds: prompts[0], maxNewTokens: 15 },
        { promptIds: prompts[1], maxNewTokens: 15, stopTokenIds: [stop] },
        { promptIds: prompts[2], maxNewTokens: 7, arrivalStep: 1 },
      ]);
      expect(res[0].tokens).toEqual(truth[0]);
      expect(res[1].tokens).toEqual(truth[1].slice(0, truth[1].indexOf(stop) + 1));
      expect(res[2].tokens).toEqual(truth[2].slice(0, 7));
      expect(kernels).toContain("decode_loop_c4");
    } finally {
      await engine.close();
    }
  }, 600_000);
});
