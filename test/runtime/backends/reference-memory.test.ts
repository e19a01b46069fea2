/**
 * The reference backend's working set grows linearly with the model: a kernel updates its layer-stacked
 * caches once per layer, and the backend frees each intermediate cache after its last use (keeping them
 * all made a call hold L copies of an L-layer cache: memory quadratic in numLayers). Measured with the
 * backend's deterministic byte counter, not timing or RSS.
 */
import { describe, expect, it } from "vitest";
import { Engine } from "../../../runtime/engine.js";
import { randomWeights } from "../../../runtime/weights/random.js";
import { compileTiny, tinyVariant } from "../helpers/reference.js";
import { planWeights } from "../../../compiler/ir/weights.js";

function layers(n: number) {
  const base = tinyVariant({ blockSize: 4 });
  return compileTiny({
    ...base,
    name: `tiny_l${n}`,
    target: { ...base.target, numLayers: n },
    draft: { ...base.draft!, targetLayerIds: [0, n - 1] },
  });
}

async function measure(n: number): Promise<{ peak: number; resident: number; tokens: number[] }> {
  const c = layers(n);
  const weights = randomWeights(planWeights(c.plan), 3);
  const backend = c.backend();
  const engine = await Engine.create(c.manifest, backend, weights);
  const [r] = await engine.generate([{ promptIds: [5, 6, 7], maxNewTokens: 6 }]);
  // Weights and caches as the interpreter holds them (f32 storage).
  let resident = 0;
  const seen = new Set<string>();
  for (const k of c.manifest.kernels) {
    for (const a of k.args) {
      if ((a.role === "weight" || a.role === "cache") && !seen.has(a.name)) {
        seen.add(a.name);
        resident += a.shape.reduce((x, y) => x * y, 1) * 4;
      }
    }
  }
  return { peak: backend.peakCallBytes, resident, tokens: r.tokens };
}

describe("reference backend memory", () => {
  it("a call's working set is linear in numLayers (4x the layers: at most ~4x the bytes)", async () => {
    const small = await measure(4);
    const large = await measure(16);
    expect(small.tokens).toHaveLength(6);
    expect(large.tokens).toHaveLength(6);
    expect(small.peak).toBeGreaterThan(0);
    // Weights and caches are linear; the transient copies must not add a factor of numLayers.
    expect(large.peak / small.peak).toBeLessThan(4.5);
    // At most a few copies of the caches beside the weights.
    expect(large.peak).toBeLessThan(3 * large.resident);
  }, 120_000);
});
