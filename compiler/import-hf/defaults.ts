/**
 * What config.json does not say: where and how the decoder is served. These mirror the hand-written
 * 8B examples (one TPU v5p chip, 64-token pages, 64 requests, prefill buckets 16..8192, 8192-token
 * requests) and are documented in docs/cost-model.md ("import-hf defaults"). The page count is the
 * largest power of two up to 4096 that fits the chip beside weights, draft cache and activations; if
 * one chip cannot hold the model, the chip count doubles (up to 8).
 */
import { defineDecoder, pagedKV, pow2Buckets, staticKV } from "../../dsl/builders.js";
import type { DecoderOptions, HardwareDeclaration } from "../../dsl/types.js";
import { buildPlan } from "../plan/build-plan.js";
import { pagesThatFit } from "../plan/memory.js";

export const IMPORT_DEFAULTS = {
  hardware: { chip: "tpu-v5p", chips: 1 } as HardwareDeclaration,
  pageSize: 64,
  maxPages: 4096,
  maxContext: 8192,
  maxRequests: 64,
  minTokenBucket: 16,
  maxChips: 8,
} as const;

export interface ServingDefaults {
  readonly cache: DecoderOptions["cache"];
  readonly batching: DecoderOptions["batching"];
  readonly hardware: HardwareDeclaration;
  /** True when even `maxChips` chips leave too little room; `check` will then say what fits. */
  readonly overCapacity: boolean;
}

function largestPow2AtMost(n: number): number {
  let p = 1;
  while (p * 2 <= n) p *= 2;
  return p;
}

/**
 * `skeleton` is the declaration without cache/batching/hardware; `hasDraft` decides whether a draft cache
 * is declared. Requests are capped at `maxPositions` (a model with a short window gets short requests).
 */
export function chooseServingDefaults(skeleton: Pick<DecoderOptions, "name" | "target" | "draft" | "blockSize" | "verify">): ServingDefaults {
  const d = IMPORT_DEFAULTS;
  for (let chips = d.hardware.chips; chips <= d.maxChips; chips *= 2) {
    const hardware = { chip: d.hardware.chip, chips };
    const plan = buildPlan(defineDecoder({ ...skeleton, ...servingAt(skeleton, d.maxPages, hardware) }));
    const fit = pagesThatFit(plan);
    // Room for at least one full-length request besides the trash page.
    if (fit !== null && fit >= plan.caches.target.pagesPerRequest + 1) {
      return { ...servingAt(skeleton, Math.min(d.maxPages, largestPow2AtMost(fit)), hardware), overCapacity: false };
    }
  }
  return { ...servingAt(skeleton, d.maxPages, { chip: d.hardware.chip, chips: d.maxChips }), overCapacity: true };
}

/**
 * The serving part of the declaration for a page count and hardware: what `chooseServingDefaults`
 * picks among, and what import-hf validates before anything is planned.
 */
export function servingAt(
  skeleton: Pick<DecoderOptions, "target" | "draft" | "blockSize">,
  numPages: number = IMPORT_DEFAULTS.maxPages,
  hardware: HardwareDeclaration = IMPORT_DEFAULTS.hardware,
): { cache: DecoderOptions["cache"]; batching: DecoderOptions["batching"]; hardware: HardwareDeclaration } {
  const d = IMPORT_DEFAULTS;
  const maxContext = Math.min(d.maxContext, skeleton.target.maxPositions - (skeleton.blockSize ?? 1));
  const tokens = pow2Buckets({ min: d.minTokenBucket, max: Math.max(d.minTokenBucket, largestPow2AtMost(maxContext)) });
  const cache: DecoderOptions["cache"] = skeleton.draft
    ? { target: pagedKV({ pageSize: d.pageSize, numPages }), draft: staticKV({ maxContext }) }
    : { target: pagedKV({ pageSize: d.pageSize, numPages, maxContext }) };
  return { cache, batching: { maxRequests: d.maxRequests, tokens }, hardware };
}
