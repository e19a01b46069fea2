/**
 * The Pallas paged-attention kernel's tuning for a plan: how many pages one DMA step brings in (about
 * 512 keys, so a step amortizes its overhead whatever the page size; the kernel stops at each row's
 * last page, so pages past a request's length are never read) and whether the chip's two TensorCores
 * split the KV-head axis (megacore: v4, v5p). Recorded in config.PAGED_ATTENTION and passed to every
 * call; docs/kernels.md explains the kernel.
 */
import { chipSpec } from "../cost/hardware.js";
import type { DecoderPlan } from "../ir/plan.js";

/** Keys one DMA step of the kernel aims for. */
const KEYS_PER_STEP = 512;

export interface PagedAttentionOptions {
  readonly pages_per_block: number;
  readonly megacore: boolean;
}

export function pagedAttentionOptions(plan: DecoderPlan): PagedAttentionOptions {
  const pageSize = plan.caches.target.pageSize;
  const perRequest = plan.caches.target.pagesPerRequest;
  return {
    pages_per_block: Math.max(1, Math.min(perRequest, Math.floor(KEYS_PER_STEP / pageSize))),
    megacore: plan.hardware ? chipSpec(plan.hardware.chip).megacore : false,
  };
}
