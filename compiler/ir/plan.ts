/**
 * The decoder plan: the declaration with every default resolved, the cache geometry, every shape
 * bucket and every kernel signature. Everything downstream (kernels, emitters, the runtime through the
 * manifest) reads the plan, never the raw declaration.
 */
import type { DType, DraftLayerType, HardwareDeclaration, ModelFamily, RopeScaling, VerifyMode } from "../../dsl/types.js";
import type { ModelDType } from "../../contract/dtypes.js";
import type { DraftCache, KernelSig, PagedCache, TokenizerRef } from "../../contract/manifest.js";

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
/** The DSL spells the model dtype itself (dsl/ imports nothing): this fails to compile when the two drift apart. */
export type DslDTypeIsModelDType = Assert<Same<DType, ModelDType>>;

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
  readonly dtype: ModelDType;
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

export interface BucketPlan {
  /** Request-count buckets R (ascending powers of two). */
  readonly requests: readonly number[];
  /** Prefill token buckets T (ascending powers of two). */
  readonly tokens: readonly number[];
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
  /** Cycles per decode call the kernels offer, ascending, starting at 1 (`decode_loop_c<C>` for each C > 1). */
  readonly cyclesPerDispatch: readonly number[];
  readonly caches: { readonly target: PagedCache; readonly draft: DraftCache | null };
  readonly buckets: BucketPlan;
  readonly kernels: readonly KernelSig[];
  readonly memory: MemoryEstimate;
  readonly hardware: HardwareDeclaration | null;
  /** The declared tokenizer (a folder path as written, relative to the config file); null: none. */
  readonly tokenizer: TokenizerRef | null;
  /** Declared EOS ids; null: the tokenizer's. */
  readonly eosTokenIds: readonly number[] | null;
}
