/**
 * Memory estimate per chip: weights, the target KV pool, the draft cache and the live activations of
 * the largest bucket. Weights and caches are sharded over the chips (tensor parallel over heads/MLP);
 * activations are counted whole on every chip, a deliberate overestimate.
 */
import type { HardwareDeclaration, TpuChip } from "../../dsl/types.js";
import { TPU_CHIPS } from "../cost/hardware.js";
import type { DecoderPlan, MemoryEstimate } from "../ir/plan.js";
import type { KernelSig, PagedCache } from "../../contract/manifest.js";

export const GiB = 1024 ** 3;

/**
 * HBM per chip, from the public Cloud TPU datasheets (compiler/cost/hardware.ts, docs/hardware.md), in
 * the datasheet's own unit: v4 32 GiB; v5e 16 GB, v5p 95 GB, v6e 32 GB (decimal, the conservative reading).
 */
export const HBM_BYTES: Readonly<Record<TpuChip, number>> = {
  "tpu-v4": TPU_CHIPS["tpu-v4"].hbmBytes,
  "tpu-v5e": TPU_CHIPS["tpu-v5e"].hbmBytes,
  "tpu-v5p": TPU_CHIPS["tpu-v5p"].hbmBytes,
  "tpu-v6e": TPU_CHIPS["tpu-v6e"].hbmBytes,
};

export function dtypeBytes(dtype: string): number {
  return dtype === "bf16" ? 2 : 4;
}

const bytesOf = (shape: readonly number[], dtype: string) => shape.reduce((a, b) => a * b, 1) * dtypeBytes(dtype);

/**
 * Live activations of one kernel call, roughly: hidden-sized rows per token, the logits that are
 * actually computed, attention scores (prefill attends within its chunk, decode over its context) and
 * the per-request context gathered from the page pool.
 */
function activationBytes(k: KernelSig, plan: Pick<DecoderPlan, "target" | "blockSize" | "caches">): number {
  const m = plan.target;
  const prefill = k.bucket.tokens !== undefined;
  const rows = k.bucket.tokens ?? k.bucket.requests * plan.blockSize;
  const ctx = plan.caches.target.pagesPerRequest * plan.caches.target.pageSize;
  const hiddenRows = rows * (4 * m.hiddenSize + 3 * m.intermediateSize) * 4;
  const logits = (prefill ? k.bucket.requests : rows) * m.vocabSize * 4;
  const scores = rows * m.numHeads * (prefill ? rows : ctx) * 4;
  const gatheredKv = k.bucket.requests * ctx * 2 * m.numKvHeads * m.headDim * dtypeBytes(m.dtype);
  return hiddenRows + logits + scores + gatheredKv;
}

export function estimateMemory(
  plan: Pick<DecoderPlan, "target" | "blockSize" | "caches" | "kernels">,
  hardware: HardwareDeclaration | null,
): MemoryEstimate {
  const weightNames = new Map<string, number>();
  let activation = 0;
  for (const k of plan.kernels) {
    for (const a of k.args) if (a.role === "weight") weightNames.set(a.name, bytesOf(a.shape, a.dtype));
    activation = Math.max(activation, activationBytes(k, plan));
  }
  const targetKvBytes = bytesOf(plan.caches.target.shape, plan.target.dtype);
  const d = plan.caches.draft;
  // A static draft cache is two arrays (K and V) of its shape; a paged pool holds both in one.
  const draftKvBytes = d ? bytesOf(d.shape, plan.target.dtype) * (d.kind === "static" ? 2 : 1) : 0;
  const weightBytes = [...weightNames.values()].reduce((a, b) => a + b, 0);
  const chips = hardware?.chips ?? 1;
  return {
    weightBytes,
    targetKvBytes,
    draftKvBytes,
    activationBytes: activation,
    perChipBytes: Math.ceil((weightBytes + targetKvBytes + draftKvBytes) / chips) + activation,
    chips,
    hbmBytesPerChip: hardware ? HBM_BYTES[hardware.chip] : null,
  };
}

/** Elements of one page of a paged pool `[L, 2, kvHeads, pages, pageSize, D]`, over all layers, K and V. */
function pageElements(c: PagedCache): number {
  const [l, two, h, , ps, d] = c.shape;
  return l * two * h * ps * d;
}

/** Bytes of one target page over all layers (K and V), before sharding. */
export function targetPageBytes(plan: Pick<DecoderPlan, "target" | "caches">): number {
  return pageElements(plan.caches.target) * dtypeBytes(plan.target.dtype);
}

/**
 * Draft-cache bytes one request needs, before sharding: a static slot (K and V at full capacity) or
 * its draft pages. 0 for a target-only decoder.
 */
export function draftBytesPerRequest(plan: Pick<DecoderPlan, "target" | "caches">): number {
  const d = plan.caches.draft;
  if (!d) return 0;
  const b = dtypeBytes(plan.target.dtype);
  if (d.kind === "static") return 2 * d.shape[0] * d.shape[2] * d.shape[3] * d.shape[4] * b;
  return d.pagesPerRequest * pageElements(d) * b;
}

/** Per-chip memory, item by item, and the headroom left on the declared chip (null without hardware). */
export interface MemoryBreakdown {
  readonly weights: number;
  readonly targetKv: number;
  readonly draftKv: number;
  readonly activations: number;
  readonly total: number;
  readonly hbm: number | null;
  readonly free: number | null;
}

export function memoryBreakdown(plan: Pick<DecoderPlan, "memory">): MemoryBreakdown {
  const m = plan.memory;
  const c = m.chips;
  const total = m.perChipBytes;
  return {
    weights: Math.ceil(m.weightBytes / c),
    targetKv: Math.ceil(m.targetKvBytes / c),
    draftKv: Math.ceil(m.draftKvBytes / c),
    activations: m.activationBytes,
    total,
    hbm: m.hbmBytesPerChip,
    free: m.hbmBytesPerChip === null ? null : m.hbmBytesPerChip - total,
  };
}

/**
 * Requests that could run at once, each at the full `maxContext` (its block table full and, with a
 * static draft cache, its own slot), beside the weights, the activations, the trash page and the trash
 * slot. Null: no hardware declared. This is what `maxRequests` may be raised (or must be lowered) to.
 */
export function requestsThatFit(plan: Pick<DecoderPlan, "target" | "caches" | "memory">): number | null {
  const m = plan.memory;
  if (m.hbmBytesPerChip === null) return null;
  const pageBytes = targetPageBytes(plan);
  const perRequest = plan.caches.target.pagesPerRequest * pageBytes + draftBytesPerRequest(plan);
  // Trash page 0, and the static draft cache's trash slot 0.
  const trash = pageBytes + (plan.caches.draft?.kind === "static" ? draftBytesPerRequest(plan) : 0);
  const fixed = (m.weightBytes + trash) / m.chips + m.activationBytes;
  return Math.max(0, Math.floor((m.hbmBytesPerChip - fixed) / (perRequest / m.chips)));
}

/** Target pages that fit beside everything else on the declared hardware (null: no hardware declared). */
export function pagesThatFit(plan: Pick<DecoderPlan, "target" | "caches" | "memory">): number | null {
  const m = plan.memory;
  if (m.hbmBytesPerChip === null) return null;
  const perPage = targetPageBytes(plan) / m.chips;
  const fixed = (m.weightBytes + m.draftKvBytes) / m.chips + m.activationBytes;
  return Math.max(0, Math.floor((m.hbmBytesPerChip - fixed) / perPage));
}
