/**
 * Resolve a validated declaration into the parts of the plan that need no kernel knowledge:
 * model dims with defaults, the draft, cache geometry and buckets.
 */
import type { DecoderDeclaration, DFlashDraft, Pow2Buckets, TargetModel } from "../../dsl/types.js";
import type { BucketPlan, ResolvedDraft, ResolvedModel } from "../ir/plan.js";
import type { DraftCache, PagedCache } from "../../contract/manifest.js";

export function resolveTarget(t: TargetModel): ResolvedModel {
  return {
    family: t.family,
    name: t.name,
    vocabSize: t.vocabSize,
    hiddenSize: t.hiddenSize,
    intermediateSize: t.intermediateSize,
    numLayers: t.numLayers,
    numHeads: t.numHeads,
    numKvHeads: t.numKvHeads,
    headDim: t.headDim ?? t.hiddenSize / t.numHeads,
    ropeTheta: t.ropeTheta,
    rmsNormEps: t.rmsNormEps,
    maxPositions: t.maxPositions,
    dtype: t.dtype,
    tieWordEmbeddings: t.tieWordEmbeddings ?? false,
    qkvBias: t.family === "qwen2" || (t.family === "llama" && (t.attentionBias ?? false)),
    oBias: t.family === "llama" && (t.attentionBias ?? false),
    qkNorm: t.family === "qwen3",
    ropeScaling: t.ropeScaling ?? null,
  };
}

/** Python's `round` (half to even), which the DFlash reference uses for its layer ids. */
export function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const diff = x - f;
  if (diff > 0.5) return f + 1;
  if (diff < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

/** The default `targetLayerIds` of a drafter: `[L//2]` for one layer, else `round(1 + i*(L-4)/(n-1))` for i in 0..n-1 (layers 1 .. L-3, evenly spread). */
export function defaultTargetLayerIds(targetLayers: number, draftLayers: number): number[] {
  if (draftLayers === 1) return [Math.floor(targetLayers / 2)];
  const span = targetLayers - 4;
  return Array.from({ length: draftLayers }, (_, i) => roundHalfEven(1 + (i * span) / (draftLayers - 1)));
}

export function resolveDraft(d: DFlashDraft, target: ResolvedModel): ResolvedDraft {
  const numHeads = d.numHeads ?? target.numHeads;
  const model: ResolvedModel = {
    family: target.family,
    name: `${target.name}_draft`,
    vocabSize: target.vocabSize,
    hiddenSize: target.hiddenSize,
    intermediateSize: d.intermediateSize ?? target.intermediateSize,
    numLayers: d.numLayers,
    numHeads,
    numKvHeads: d.numKvHeads ?? target.numKvHeads,
    headDim: d.headDim ?? (d.numHeads !== undefined ? target.hiddenSize / numHeads : target.headDim),
    ropeTheta: d.ropeTheta ?? target.ropeTheta,
    rmsNormEps: d.rmsNormEps ?? target.rmsNormEps,
    maxPositions: target.maxPositions,
    dtype: target.dtype,
    tieWordEmbeddings: target.tieWordEmbeddings,
    qkvBias: false,
    oBias: false,
    qkNorm: d.qkNorm ?? true,
    ropeScaling: target.ropeScaling,
  };
  return {
    model,
    targetLayerIds: [...(d.targetLayerIds ?? defaultTargetLayerIds(target.numLayers, d.numLayers))],
    maskTokenId: d.maskTokenId,
    layerTypes: [...(d.layerTypes ?? Array.from({ length: d.numLayers }, () => "full_attention" as const))],
    slidingWindow: d.slidingWindow ?? null,
  };
}

export function nextPow2(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

/** `n` rounded up to a multiple of `tile`. */
export function roundUp(n: number, tile: number): number {
  return Math.ceil(n / tile) * tile;
}

/** A static draft slot's capacity is a whole number of these rows (a TPU-friendly tile, not a power of two). */
export const DRAFT_CAPACITY_TILE = 128;

export function pow2Range(b: Pow2Buckets): number[] {
  const out: number[] = [];
  for (let v = b.min; v <= b.max; v *= 2) out.push(v);
  return out;
}

/** Longest request: the smallest declared `maxContext`, else the target's `maxPositions`. */
export function resolveMaxContext(decl: DecoderDeclaration): number {
  const declared = [decl.cache.target.maxContext, decl.cache.draft?.maxContext].filter(
    (v): v is number => v !== undefined,
  );
  return declared.length > 0 ? Math.min(...declared) : decl.target.maxPositions;
}

export function resolveBuckets(decl: DecoderDeclaration): BucketPlan {
  const requests = decl.batching.requests ?? { kind: "pow2" as const, min: 1, max: nextPow2(decl.batching.maxRequests) };
  return { requests: pow2Range(requests), tokens: pow2Range(decl.batching.tokens) };
}

/**
 * A paged pool of `model`'s K/V with room per request for `maxContext` plus one block, laid out
 * `[L, 2, kvHeads, pages, pageSize, D]`: one page of one KV head of one layer is a contiguous
 * `[pageSize, D]` tile (what a paged-attention kernel DMAs).
 */
function pagedCache(pageSize: number, numPages: number, model: ResolvedModel, maxContext: number, blockSize: number): PagedCache {
  return {
    kind: "paged",
    pageSize,
    numPages,
    pagesPerRequest: Math.ceil((maxContext + blockSize) / pageSize),
    shape: [model.numLayers, 2, model.numKvHeads, numPages, pageSize, model.headDim],
    layout: "layer,kv,head,page,slot,dim",
  };
}

export function resolveTargetCache(decl: DecoderDeclaration, target: ResolvedModel, maxContext: number, blockSize: number): PagedCache {
  return pagedCache(decl.cache.target.pageSize, decl.cache.target.numPages, target, maxContext, blockSize);
}

export function resolveDraftCache(decl: DecoderDeclaration, draft: ResolvedDraft, maxContext: number, blockSize: number): DraftCache {
  const c = decl.cache.draft!;
  const m = draft.model;
  if (c.kind === "static") {
    const slots = decl.batching.maxRequests + 1;
    // Room for maxContext plus one block, so a block write at row seq_len never clamps.
    const capacity = roundUp(maxContext + blockSize, DRAFT_CAPACITY_TILE);
    return {
      kind: "static",
      slots,
      capacity,
      shape: [m.numLayers, slots, capacity, m.numKvHeads, m.headDim],
      layout: "layer,slot,position,head,dim",
    };
  }
  return pagedCache(c.pageSize, c.numPages, m, maxContext, blockSize);
}
