// The memory plan per chip: breakdown, pages and requests that fit, against hand-computed bytes.
import { describe, expect, it } from "vitest";
import qwen3_8b from "../../examples/qwen3-8b-dflash.js";
import { defineDecoder } from "../../dsl/builders.js";
import { buildPlan } from "../../compiler/plan/build-plan.js";
import { HBM_BYTES, memoryBreakdown, pagesThatFit, requestsThatFit, targetPageBytes, draftBytesPerRequest } from "../../compiler/plan/memory.js";

describe("memory plan", () => {
  const plan = buildPlan(qwen3_8b);

  it("HBM per chip is the datasheet's", () => {
    expect(HBM_BYTES["tpu-v5p"]).toBe(95e9);
    expect(HBM_BYTES["tpu-v4"]).toBe(32 * 1024 ** 3);
  });

  it("Qwen3-8B: target page and draft slot sizes", () => {
    // A page: 36 layers · 64 slots · (K,V) · 8 heads · 128 · 2 bytes = 4.5 MiB.
    expect(targetPageBytes(plan)).toBe(36 * 64 * 2 * 8 * 128 * 2);
    // A static draft slot: (K,V) · 5 layers · capacity 8192 + 16 rounded up to 128 rows = 8320 · 8 · 128 · 2 bytes = 162.5 MiB.
    expect(plan.caches.draft).toMatchObject({ kind: "static", capacity: 8320 });
    expect(draftBytesPerRequest(plan)).toBe(2 * 5 * 8320 * 8 * 128 * 2);
    // Target KV pool: 4096 pages.
    expect(plan.memory.targetKvBytes).toBe(4096 * targetPageBytes(plan));
  });

  it("pages and requests that fit beside weights, activations and trash page/slot", () => {
    const m = plan.memory;
    const b = memoryBreakdown(plan);
    expect(b.total).toBe(m.perChipBytes);
    expect(b.free).toBe(95e9 - m.perChipBytes);
    const fixed = m.weightBytes + m.draftKvBytes + m.activationBytes;
    expect(pagesThatFit(plan)).toBe(Math.floor((95e9 - fixed) / targetPageBytes(plan)));
    // Per request: ceil((8192 + 16) / 64) = 129 pages and one draft slot.
    const perRequest = 129 * targetPageBytes(plan) + draftBytesPerRequest(plan);
    const trash = targetPageBytes(plan) + draftBytesPerRequest(plan);
    expect(requestsThatFit(plan)).toBe(Math.floor((95e9 - m.weightBytes - trash - m.activationBytes) / perRequest));
    expect(requestsThatFit(plan)).toBeLessThan(plan.maxRequests); // 64 full-length requests do not fit one v5p
  });

  it("sharding over chips divides weights and caches, not activations; no hardware: no fit numbers", () => {
    const four = buildPlan(defineDecoder({ ...qwen3_8b, hardware: { chip: "tpu-v5p", chips: 4 } }));
    expect(memoryBreakdown(four).weights).toBe(Math.ceil(plan.memory.weightBytes / 4));
    expect(requestsThatFit(four)!).toBeGreaterThan(4 * requestsThatFit(plan)!);
    const none = buildPlan(defineDecoder({ ...qwen3_8b, hardware: undefined }));
    expect([pagesThatFit(none), requestsThatFit(none), memoryBreakdown(none).free]).toEqual([null, null, null]);
  });
});
