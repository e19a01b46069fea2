// A stack of identical layers is emitted once and looped over: the compiler's output (StableHLO, the
// manifest, the JAX package, the runtime module) hardly grows with the target's layer count.
import { expect, it } from "vitest";
import { compilePlan } from "../../compiler/compile.js";
import { buildPlan } from "../../compiler/plan/build-plan.js";
import qwen3_8b from "../../examples/qwen3-8b-dflash.js";

/** Every output file of the 8B example with `numLayers` target layers, in bytes. */
function outputBytes(numLayers: number): number {
  const plan = buildPlan({ ...qwen3_8b, target: { ...qwen3_8b.target, numLayers } });
  expect(plan.target.numLayers).toBe(numLayers);
  const files = compilePlan(plan, { source: "examples/qwen3-8b-dflash.ts", emit: new Set(["stablehlo", "jax", "runtime"]) });
  return [...files.values()].reduce((n, text) => n + Buffer.byteLength(text), 0);
}

it("the 8B example's output with 144 target layers is within 1.2x of its output with 36", () => {
  const l36 = outputBytes(36);
  const l144 = outputBytes(144);
  expect(l144).toBeGreaterThan(l36);
  expect(l144 / l36).toBeLessThan(1.2);
});
