/**
 * The calibrated roofline cost model of one DFlash decode step (draft, then verify) and of one
 * target-only step, as functions of block size K, batch B (requests decoded together) and context L
 * (rows already cached per request). Each kernel phase costs max(FLOPs / achieved FLOP/s, bytes /
 * achieved bandwidth) on the slice, with FLOPs and bytes split evenly over the chips (ideal tensor
 * parallelism, no interconnect cost); a step adds the chip's fixed overheads (compiler/cost/hardware.ts
 * `ChipCalibration`). docs/cost-model.md states every term and why.
 */
import type { DecoderPlan, ResolvedDraft, ResolvedModel } from "../ir/plan.js";
import { dtypeBytes } from "../plan/memory.js";
import { DRAFT_CAPACITY_TILE, roundUp } from "../plan/resolve.js";
import type { ChipSpec } from "./hardware.js";

/** Logits are produced in f32 and read back by the argmax: 4 bytes written + 4 read per vocab entry. */
const LOGIT_BYTES_PER_ENTRY = 8;

export interface Work {
  readonly flops: number;
  readonly bytes: number;
}

export interface PhaseCost extends Work {
  readonly computeS: number;
  readonly memoryS: number;
  /** max(computeS, memoryS). */
  readonly timeS: number;
  readonly bound: "compute" | "memory";
}

export interface Slice {
  readonly spec: ChipSpec;
  readonly chips: number;
}

const add = (...ws: Work[]): Work => ({ flops: ws.reduce((a, w) => a + w.flops, 0), bytes: ws.reduce((a, w) => a + w.bytes, 0) });

/** Weights of one layer's linear maps (q, k, v, o, gate, up, down); norms and biases are < 0.01% and left out. */
export function linearParamsPerLayer(m: ResolvedModel): number {
  const q = m.numHeads * m.headDim;
  const kv = m.numKvHeads * m.headDim;
  const h = m.hiddenSize;
  return h * q + 2 * h * kv + q * h + 3 * h * m.intermediateSize;
}

/** Attention FLOPs of `layers` layers: q·k and p·v, 2 FLOPs per multiply-add, over `keys` keys per query. */
function attentionFlops(m: ResolvedModel, layers: number, queries: number, keys: number): number {
  return layers * 4 * queries * keys * m.numHeads * m.headDim;
}

/**
 * The target over K rows of B requests with L cached rows each: every linear weight and the LM head read
 * once; K·B rows through every matmul and the LM head; attention over L + K keys (the paged kernel stops
 * at each row's position); the KV of L rows read and of K rows written per layer; per row, the embedding
 * row gathered, each layer's hidden row read and written, and f32 logits written and read by the argmax.
 */
export function targetForwardWork(m: ResolvedModel, batch: number, k: number, context: number): Work {
  const b = dtypeBytes(m.dtype);
  const n = batch * k;
  const lin = m.numLayers * linearParamsPerLayer(m);
  const head = m.vocabSize * m.hiddenSize;
  const kvRow = m.numLayers * 2 * m.numKvHeads * m.headDim; // elements per cached token, all layers
  return {
    flops: 2 * n * (lin + head) + attentionFlops(m, m.numLayers, n, context + k),
    bytes:
      b * (lin + head) +
      b * batch * context * kvRow +
      b * n * kvRow +
      b * n * (m.hiddenSize + m.numLayers * 2 * m.hiddenSize) +
      n * m.vocabSize * LOGIT_BYTES_PER_ENTRY,
  };
}

/**
 * The draft-context update that runs inside verify (docs/kernels.md, verify step 4): the K rows' target
 * features (F·H wide) through `fc`, then each draft layer's k/v projections; rows written to the draft cache.
 */
export function draftContextWork(d: ResolvedDraft, batch: number, k: number): Work {
  const m = d.model;
  const b = dtypeBytes(m.dtype);
  const n = batch * k;
  const f = d.targetLayerIds.length;
  const kvd = m.numKvHeads * m.headDim;
  const weights = f * m.hiddenSize * m.hiddenSize + m.numLayers * 2 * m.hiddenSize * kvd;
  return {
    flops: 2 * n * weights,
    bytes: b * weights + b * n * f * m.hiddenSize + b * n * m.numLayers * 2 * kvd,
  };
}

/**
 * The draft kernel: K block rows of B requests through the draft layers, then the shared LM head on
 * the K-1 rows that yield draft tokens. Its context attention runs over the request's whole draft-cache
 * span (`span` rows: a static slot's capacity, or every page of its block table), valid or not: the
 * kernel reads the span with fixed shapes and masks the rows past the context, so the draft's attention
 * costs what the cache holds room for, not what it holds.
 */
export function draftWork(d: ResolvedDraft, batch: number, k: number, span: number): Work {
  const m = d.model;
  const b = dtypeBytes(m.dtype);
  const n = batch * k;
  const lin = m.numLayers * linearParamsPerLayer(m);
  const head = m.vocabSize * m.hiddenSize;
  const headRows = batch * (k - 1);
  const kvRow = m.numLayers * 2 * m.numKvHeads * m.headDim;
  return {
    flops: 2 * n * lin + 2 * headRows * head + attentionFlops(m, m.numLayers, n, span + k),
    bytes:
      b * (lin + head) +
      b * batch * span * kvRow +
      b * n * (m.hiddenSize + m.numLayers * 2 * m.hiddenSize) +
      headRows * m.vocabSize * LOGIT_BYTES_PER_ENTRY,
  };
}

/**
 * The rows the draft kernel attends over per request at block size `k`: the static slot's capacity
 * (maxContext + K rounded up to a tile), or every page of a paged draft cache's block table.
 */
export function draftSpan(plan: Pick<DecoderPlan, "caches" | "maxContext">, k: number): number {
  const cache = plan.caches.draft;
  if (cache === null) throw new Error("a target-only decoder has no draft span");
  return cache.kind === "static" ? roundUp(plan.maxContext + k, DRAFT_CAPACITY_TILE) : roundUp(plan.maxContext + k, cache.pageSize);
}

/** One phase on the slice at the chip's achieved FLOP/s and bandwidth. */
export function phaseCost(w: Work, slice: Slice): PhaseCost {
  const { spec, chips } = slice;
  const computeS = w.flops / (spec.peakBf16Flops * spec.calibration.flopFraction.value * chips);
  const memoryS = w.bytes / (spec.hbmBandwidth * spec.calibration.hbmFraction.value * chips);
  return { ...w, computeS, memoryS, timeS: Math.max(computeS, memoryS), bound: computeS > memoryS ? "compute" : "memory" };
}

export interface StepCost {
  readonly k: number;
  readonly batch: number;
  readonly context: number;
  readonly draft: PhaseCost;
  /** Target verify plus the draft-context update, one kernel. */
  readonly verify: PhaseCost;
  /** The chip's step overhead plus its draft overhead. */
  readonly overheadS: number;
  /** draft + verify + overhead. */
  readonly stepS: number;
}

/** The fixed cost of a speculative step on this chip. */
export function speculativeOverheadS(spec: ChipSpec): number {
  return spec.calibration.stepOverheadS.value + spec.calibration.draftOverheadS.value;
}

/** One speculative step (`decode_step`: draft then verify); `draftSpan` as in `draftWork`. */
export function speculativeStep(target: ResolvedModel, draft: ResolvedDraft, draftSpan: number, k: number, batch: number, context: number, slice: Slice): StepCost {
  const dr = phaseCost(draftWork(draft, batch, k, draftSpan), slice);
  const ve = phaseCost(add(targetForwardWork(target, batch, k, context), draftContextWork(draft, batch, k)), slice);
  const overheadS = speculativeOverheadS(slice.spec);
  return { k, batch, context, draft: dr, verify: ve, overheadS, stepS: dr.timeS + ve.timeS + overheadS };
}

/** One target-only step (`target_step`): one new token per request. */
export function baselineStep(target: ResolvedModel, batch: number, context: number, slice: Slice): { readonly target: PhaseCost; readonly overheadS: number; readonly stepS: number } {
  const t = phaseCost(targetForwardWork(target, batch, 1, context), slice);
  const overheadS = slice.spec.calibration.stepOverheadS.value;
  return { target: t, overheadS, stepS: t.timeS + overheadS };
}
