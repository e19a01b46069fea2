/**
 * Memory estimate per chip: weights, the target KV pool, the draft cache and the live activations of
 * the largest bucket. Weights and caches are sharded over the chips (tensor parallel over heads/MLP);
 * activations are counted whole on every chip, a deliberate overestimate.
 */
import type { HardwareDeclaration, TpuChip } from "../../dsl/types.js";
import type { DecoderPlan, KernelSig, MemoryEstimate } from "../ir/plan.js";

export const GiB = 1024 ** 3;

/** HBM per chip, from the public Cloud TPU datasheets (docs/hardware.md). */
export const HBM_BYTES: Readonly<Record<TpuChip, number>> = {
  "tpu-v4": 32 * GiB,
  "tpu-v5e": 16 * GiB,
  "tpu-v5p": 95 * GiB,
  "tpu-v6e": 32 * GiB,
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
  let targetKvBytes = 0;
  let draftKvBytes = 0;
  let activation = 0;
  for (const k of plan.kernels) {
    for (const a of k.args) if (a.role === "weight") weightNames.set(a.name, bytesOf(a.shape, a.dtype));
    activation = Math.max(activation, activationBytes(k, plan));
  }
  targetKvBytes = bytesOf(plan.caches.target.shape, plan.target.dtype);
  const d = plan.caches.draft;
  if (d) draftKvBytes = bytesOf(d.shape, plan.target.dtype) * (d.kind === "static" ? 2 : 1);
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

/** Target pages that fit beside everything else on the declared hardware (null: no hardware declared). */
export function pagesThatFit(plan: Pick<DecoderPlan, "target" | "caches" | "memory">): number | null {
  const m = plan.memory;
  if (m.hbmBytesPerChip === null) return null;
  const t = plan.caches.target;
  const perPage = (t.shape.slice(2).reduce((a, b) => a * b, 1) * t.shape[0] * dtypeBytes(plan.target.dtype)) / m.chips;
  const fixed = (m.weightBytes + m.draftKvBytes) / m.chips + m.activationBytes;
  return Math.max(0, Math.floor((m.hbmBytesPerChip - fixed) / perPage));
}
