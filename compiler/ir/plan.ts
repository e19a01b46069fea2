/**
 * The decoder plan: the declaration with every default resolved, the cache geometry, every shape
 * bucket and every kernel signature. Everything downstream (kernels, emitters, the runtime through the
 * manifest) reads the plan, never the raw declaration.
 */
import type { DraftLayerType, HardwareDeclaration, ModelFamily, RopeScaling, VerifyMode } from "../../dsl/types.js";

export type WeightDType = "f32" | "bf16";
export type ArgDType = WeightDType | "i32";

/** A fully resolved transformer (target, or the draft's own layers). */
export interface ResolvedModel {
  readonly family: ModelFamily;
  readonly name: string;
  readonly vocabSize: number;
  readonly hiddenSize: number;
  readonly intermediateSize: number;
  readonly numLayers: number;
  readonly numHeads: number;
  readonly numKvHeads: number;
  readonly headDim: number;
  readonly ropeTheta: number;
  readonly rmsNormEps: number;
  readonly maxPositions: number;
  readonly dtype: WeightDType;
  readonly tieWordEmbeddings: boolean;
  /** q/k/v projections carry a bias (Qwen2, Llama with attentionBias). */
  readonly qkvBias: boolean;
  /** o_proj carries a bias (Llama with attentionBias). */
  readonly oBias: boolean;
  /** Per-head RMSNorm on queries and keys (Qwen3, DFlash drafters). */
  readonly qkNorm: boolean;
  readonly ropeScaling: RopeScaling | null;
}

export interface ResolvedDraft {
  /** The draft's layers as a model; vocab, hidden size and dtype are the target's (shared embedding and head). */
  readonly model: ResolvedModel;
  readonly targetLayerIds: readonly number[];
  readonly maskTokenId: number;
  /** Per draft layer; `slidingWindow` applies to `sliding_attention` layers. */
  readonly layerTypes: readonly DraftLayerType[];
  readonly slidingWindow: number | null;
}

/**
 * A paged KV pool (the target's, or a paged draft cache) `[layers, 2, kvHeads, numPages, pageSize, headDim]`
 * (`[l, 0]` K, `[l, 1]` V): `pool[l, kv, h, page]` is one contiguous `[pageSize, headDim]` tile. Page 0
 * is the trash page.
 */
export interface PagedCachePlan {
  readonly kind: "paged";
  readonly pageSize: number;
  readonly numPages: number;
  /** Width of a block table: pages one request can hold at `maxContext` plus one padded block write. */
  readonly pagesPerRequest: number;
  readonly shape: readonly number[];
  readonly layout: "layer,kv,head,page,slot,dim";
}

/** Draft static cache: K and V each `[draftLayers, slots, capacity, kvHeads, headDim]`; slot 0 is the trash slot. */
export interface StaticCachePlan {
  readonly kind: "static";
  /** `maxRequests + 1`: slot 0 takes the writes of padded request rows. */
  readonly slots: number;
  /** `maxContext + blockSize` rounded up to a multiple of 128 rows, so no write of a live request ever clamps. */
  readonly capacity: number;
  readonly shape: readonly number[];
  readonly layout: "layer,slot,position,head,dim";
}

export type DraftCachePlan = StaticCachePlan | PagedCachePlan;

export interface BucketPlan {
  /** Request-count buckets R (ascending powers of two). */
  readonly requests: readonly number[];
  /** Prefill token buckets T (ascending powers of two). */
  readonly tokens: readonly number[];
}

export type KernelName =
  | "prefill"
  | "draft"
  | "verify"
  | "decode_step"
  | "target_step"
  // Rejection-sampling variants, planned only when `verify` is "sampling" (docs/kernels.md, "Sampling").
  | "verify_sample"
  | "decode_step_sample"
  | "target_step_sample";

export type ArgRole = "weight" | "cache" | "input" | "output";

export interface TensorSig {
  readonly name: string;
  readonly shape: readonly number[];
  readonly dtype: ArgDType;
  readonly role: ArgRole;
  /** Donated buffers are updated in place and returned as a result of the same name. */
  readonly donated: boolean;
}

export interface KernelBucket {
  readonly requests: number;
  /** Only prefill has a token bucket. */
  readonly tokens?: number;
}

export interface KernelSig {
  readonly kernel: KernelName;
  readonly bucket: KernelBucket;
  /** `r4` or `r4.t64`: names the artifact `stablehlo/<kernel>.<bucketId>.mlir`. */
  readonly bucketId: string;
  readonly args: readonly TensorSig[];
  readonly results: readonly TensorSig[];
}

export interface MemoryEstimate {
  readonly weightBytes: number;
  readonly targetKvBytes: number;
  readonly draftKvBytes: number;
  /** Largest live activations of any kernel bucket (rough upper bound). */
  readonly activationBytes: number;
  /** Per chip, with weights and caches sharded over `chips`. */
  readonly perChipBytes: number;
  readonly chips: number;
  /** HBM per chip of the declared hardware; null when no hardware is declared. */
  readonly hbmBytesPerChip: number | null;
}

export interface DecoderPlan {
  readonly name: string;
  readonly target: ResolvedModel;
  /** null: a target-only decoder. */
  readonly draft: ResolvedDraft | null;
  /** K. 1 for a target-only decoder. */
  readonly blockSize: number;
  /** Longest request, in tokens (prompt + generated). */
  readonly maxContext: number;
  readonly maxRequests: number;
  readonly verify: VerifyMode;
  readonly caches: { readonly target: PagedCachePlan; readonly draft: DraftCachePlan | null };
  readonly buckets: BucketPlan;
  readonly kernels: readonly KernelSig[];
  readonly memory: MemoryEstimate;
  readonly hardware: HardwareDeclaration | null;
}
