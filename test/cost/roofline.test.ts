// The roofline terms against hand-computed values on a small model with round dims, then the
// shape of the model on the real Qwen3-8B example (where verify stops being flat in K).
// The calibration itself (fit, published points, physical sanity) is test/cost/calibration.test.ts.
import { describe, expect, it } from "vitest";
import qwen3_8b from "../../examples/qwen3-8b-dflash.js";
import { chipSpec, ridgePoint, TPU_CHIPS } from "../../compiler/cost/hardware.js";
import { withCalibration } from "../../compiler/cost/calibration.js";
import {
  baselineStep,
  draftContextWork,
  draftSpan,
  draftWork,
  linearParamsPerLayer,
  phaseCost,
  speculativeStep,
  targetForwardWork,
} from "../../compiler/cost/roofline.js";
import type { ResolvedDraft, ResolvedModel } from "../../compiler/ir/plan.js";
import { buildPlan } from "../../compiler/plan/build-plan.js";

// H=1024, I=4096, 2 layers, 8 query heads and 2 KV heads of 128, vocab 1000, bf16.
const model: ResolvedModel = {
  family: "qwen3", name: "m", vocabSize: 1000, hiddenSize: 1024, intermediateSize: 4096, numLayers: 2,
  numHeads: 8, numKvHeads: 2, headDim: 128, ropeTheta: 1e6, rmsNormEps: 1e-6, maxPositions: 4096, dtype: "bf16",
  tieWordEmbeddings: false, qkvBias: false, oBias: false, qkNorm: true, ropeScaling: null,
};
// One draft layer fed by 2 target layers.
const draft: ResolvedDraft = { model: { ...model, numLayers: 1 }, targetLayerIds: [0, 1], maskTokenId: 999, layerTypes: ["full_attention"], slidingWindow: null };
const v5p = { spec: chipSpec("tpu-v5p"), chips: 1 };
// The datasheet roofline alone: full peak and bandwidth, no overheads.
const bare = { spec: withCalibration(chipSpec("tpu-v5p"), { hbmFraction: 1, flopFraction: 1, stepOverheadS: 0, draftOverheadS: 0 }), chips: 1 };

describe("hardware table (docs/hardware.md)", () => {
  it("holds the datasheet numbers", () => {
    expect(TPU_CHIPS["tpu-v5p"]).toMatchObject({ hbmBytes: 95e9, peakBf16Flops: 459e12, hbmBandwidth: 2765e9 });
    expect(TPU_CHIPS["tpu-v4"]).toMatchObject({ hbmBytes: 32 * 1024 ** 3, peakBf16Flops: 275e12, hbmBandwidth: 1200e9 });
    expect(TPU_CHIPS["tpu-v5e"]).toMatchObject({ hbmBytes: 16e9, peakBf16Flops: 197e12, hbmBandwidth: 819e9 });
    expect(TPU_CHIPS["tpu-v6e"]).toMatchObject({ hbmBytes: 32e9, peakBf16Flops: 918e12, hbmBandwidth: 1640e9 });
    // v5p: 459e12 / 2765e9 = 166.0 FLOP per byte.
    expect(ridgePoint(chipSpec("tpu-v5p"))).toBeCloseTo(166.0, 1);
  });
});

describe("roofline terms, by hand", () => {
  it("linear weights per layer", () => {
    // q: 1024·1024, k and v: 2·1024·256, o: 1024·1024, gate/up/down: 3·1024·4096
    expect(linearParamsPerLayer(model)).toBe(1_048_576 + 524_288 + 1_048_576 + 12_582_912); // 15_204_352
  });

  it("target forward, B=1, K=4, L=100", () => {
    const w = targetForwardWork(model, 1, 4, 100);
    const weights = 2 * 15_204_352 + 1000 * 1024; // two layers + LM head = 31_432_704
    const flops = 2 * 4 * weights + /* attention: layers·4·rows·keys·heads·D */ 2 * 4 * 4 * 104 * 8 * 128;
    expect(flops).toBe(251_461_632 + 3_407_872);
    expect(w.flops).toBe(flops);
    const kvRow = 2 * 2 * 2 * 128; // layers · (K,V) · kvHeads · D = 1024 elements per token
    const bytes =
      2 * weights + // every weight once, bf16
      2 * 1 * 100 * kvRow + // KV of 100 cached rows read
      2 * 4 * kvRow + // KV of the 4 new rows written
      2 * 4 * (1024 + 2 * 2 * 1024) + // embedding row gathered; each layer reads and writes a hidden row
      4 * 1000 * 8; // f32 logits written and read back by the argmax
    expect(bytes).toBe(62_865_408 + 204_800 + 8192 + 40_960 + 32_000);
    expect(w.bytes).toBe(bytes);
    const c = phaseCost(w, bare);
    expect(c.computeS).toBeCloseTo(flops / 459e12, 15);
    expect(c.memoryS).toBeCloseTo(63_151_360 / 2765e9, 15); // 22.84 µs
    expect(c.timeS).toBe(c.memoryS);
    expect(c.bound).toBe("memory");
    // Calibrated: the achieved shares of peak and bandwidth divide them.
    const cal = phaseCost(w, v5p);
    expect(cal.computeS).toBeCloseTo(flops / (459e12 * 0.75), 15);
    expect(cal.memoryS).toBeCloseTo(63_151_360 / (2765e9 * 0.8), 15);
  });

  it("target forward turns compute-bound when B·K rows pass the ridge point", () => {
    // B=64, K=64: 4096 rows · 2 · 31.4M = 257 GFLOP against 63 MB of weights: far above 166 FLOP/byte.
    const c = phaseCost(targetForwardWork(model, 64, 64, 100), bare);
    expect(c.bound).toBe("compute");
    expect(c.timeS).toBeCloseTo(c.flops / 459e12, 12);
  });

  it("draft-context update inside verify, B=2, K=4", () => {
    const w = draftContextWork(draft, 2, 4);
    const weights = 2 * 1024 * 1024 + 1 * 2 * 1024 * 256; // fc: (F·H)→H, plus k_proj and v_proj of the draft layer
    expect(w.flops).toBe(2 * 8 * weights);
    expect(w.bytes).toBe(2 * weights + 2 * 8 * 2 * 1024 + 2 * 8 * 1 * 2 * 256); // weights, features read, cache rows written
  });

  it("draft kernel, B=1, K=4, over a span of 128 cache rows", () => {
    const w = draftWork(draft, 1, 4, 128);
    const lin = 15_204_352;
    const head = 1000 * 1024;
    // Attention over the whole span (valid or not) + the K block rows; LM head on K-1 = 3 rows.
    expect(w.flops).toBe(2 * 4 * lin + 2 * 3 * head + 1 * 4 * 4 * 132 * 8 * 128);
    expect(w.bytes).toBe(2 * (lin + head) + 2 * 128 * 512 + 2 * 4 * (1024 + 2 * 1024) + 3 * 1000 * 8);
  });

  it("the draft's span is the static slot's capacity or the block table's pages, whatever the context", () => {
    const plan = buildPlan(qwen3_8b); // static draft cache, maxContext 8192
    expect(draftSpan(plan, 16)).toBe(8320);
    expect(draftSpan(plan, 128)).toBe(8320);
    expect(draftSpan(plan, 129)).toBe(8448);
    const paged = { ...plan, caches: { ...plan.caches, draft: { ...plan.caches.target } } };
    expect(draftSpan(paged, 16)).toBe(Math.ceil((8192 + 16) / 64) * 64);
  });

  it("a step is draft + verify + the step and draft overheads; the baseline is one target row + the step overhead", () => {
    const s = speculativeStep(model, draft, 128, 4, 1, 100, v5p);
    const verify = phaseCost(
      { flops: targetForwardWork(model, 1, 4, 100).flops + draftContextWork(draft, 1, 4).flops, bytes: targetForwardWork(model, 1, 4, 100).bytes + draftContextWork(draft, 1, 4).bytes },
      v5p,
    );
    expect(s.verify.timeS).toBeCloseTo(verify.timeS, 15);
    expect(s.draft.timeS).toBeCloseTo(phaseCost(draftWork(draft, 1, 4, 128), v5p).timeS, 15);
    expect(s.stepS).toBeCloseTo(s.draft.timeS + verify.timeS + 3.39e-3 + 4.38e-3, 15);
    const b = baselineStep(model, 1, 100, v5p);
    expect(b.stepS).toBeCloseTo(phaseCost(targetForwardWork(model, 1, 1, 100), v5p).timeS + 3.39e-3, 15);
  });

  it("chips split FLOPs and bytes evenly", () => {
    const w = targetForwardWork(model, 1, 4, 100);
    expect(phaseCost(w, { ...v5p, chips: 4 }).timeS).toBeCloseTo(phaseCost(w, v5p).timeS / 4, 15);
  });
});

describe("the Qwen3-8B example on one v5p at the datasheet figures (docs/cost-model.md, K-flat)", () => {
  const plan = buildPlan(qwen3_8b);
  const verifyAt = (k: number) => speculativeStep(plan.target, plan.draft!, draftSpan(plan, k), k, 1, 4096, bare).verify;

  it("verify is memory-bound and flat (within 2%) from K=2 to K=128", () => {
    for (const k of [2, 16, 64, 128]) expect(verifyAt(k).bound).toBe("memory");
    expect(verifyAt(128).timeS / verifyAt(16).timeS).toBeLessThan(1.02);
  });

  it("verify is compute-bound from K=256 on and costs about 7x the K=16 step at K=1024", () => {
    expect(verifyAt(256).bound).toBe("compute");
    // Weights ≈ 7.6 G linear+head params → 2 · 1024 · 7.6e9 ≈ 15.5 TFLOP at K=1024 → ≈ 34 ms of MXU time
    // plus attention, against ≈ 5.8 ms of weight and KV reads at K=16.
    const ratio = verifyAt(1024).timeS / verifyAt(16).timeS;
    expect(ratio).toBeGreaterThan(6.5);
    expect(ratio).toBeLessThan(7.5);
  });
});
