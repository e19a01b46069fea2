/**
 * The declaration types of the dflashc DSL. Everything here is plain, serializable data:
 * builders in this folder only stamp a `kind`/`family` and return what they were given.
 * docs/dsl.md describes every type and field, with the checks `dflashc check` applies to each.
 */

/**
 * Element type of weights, activations and caches. bf16 is what TPUs serve; f32 is exact. The same
 * union as the contract's `ModelDType` (dsl/ imports nothing, so it is spelled here too; compiler/ir/plan.ts
 * fails to compile if the two drift apart).
 */
export type DType = "f32" | "bf16";

/** Llama 3.x frequency-dependent RoPE scaling, as in Hugging Face's `rope_scaling` with `rope_type: "llama3"`. */
export interface Llama3RopeScaling {
  readonly type: "llama3";
  readonly factor: number;
  readonly lowFreqFactor: number;
  readonly highFreqFactor: number;
  readonly originalMaxPositions: number;
}

export type RopeScaling = Llama3RopeScaling;

/** Fields every decoder-only transformer declares. */
export interface ModelOptions {
  /** Identifier `[a-z_][a-z0-9_]*`: it becomes a Python and TypeScript name. */
  readonly name: string;
  readonly vocabSize: number;
  readonly hiddenSize: number;
  readonly intermediateSize: number;
  readonly numLayers: number;
  readonly numHeads: number;
  readonly numKvHeads: number;
  /** Per-head dimension. Defaults to `hiddenSize / numHeads`; real checkpoints (Qwen3) declare it. */
  readonly headDim?: number;
  readonly ropeTheta: number;
  readonly rmsNormEps: number;
  /** `max_position_embeddings`: no request may grow past it. */
  readonly maxPositions: number;
  readonly dtype: DType;
  /** The LM head shares the embedding matrix (`tie_word_embeddings`). Default false. */
  readonly tieWordEmbeddings?: boolean;
  readonly ropeScaling?: RopeScaling;
}

/** Llama 2/3.x. `attentionBias` adds q/k/v/o biases (HF `attention_bias`). */
export interface LlamaOptions extends ModelOptions {
  readonly attentionBias?: boolean;
}
export interface LlamaModel extends LlamaOptions {
  readonly family: "llama";
}

/** Qwen3: RMSNorm over each query and key head (`q_norm`, `k_norm`), no biases. */
export type Qwen3Options = ModelOptions;
export interface Qwen3Model extends Qwen3Options {
  readonly family: "qwen3";
}

/** Qwen2 / Qwen2.5: biases on q/k/v projections, none on o_proj. */
export type Qwen2Options = ModelOptions;
export interface Qwen2Model extends Qwen2Options {
  readonly family: "qwen2";
}

export type TargetModel = LlamaModel | Qwen3Model | Qwen2Model;
export type ModelFamily = TargetModel["family"];

/** Attention kind of one draft layer, as HF `layer_types` spells it. */
export type DraftLayerType = "full_attention" | "sliding_attention";

/**
 * The DFlash block-diffusion drafter. It shares the target's embedding and LM head, so its hidden
 * size is the target's; every other dimension defaults to the target's and may be overridden.
 */
export interface DFlashDraftOptions {
  readonly numLayers: number;
  /** Target layers whose outputs feed the drafter. Default: layers 1 .. L-3 of the target's L, evenly spread (`[L//2]` for a one-layer drafter; docs/dsl.md gives the formula). */
  readonly targetLayerIds?: readonly number[];
  /** The mask token `M` that fills block positions 1..K-1. */
  readonly maskTokenId: number;
  readonly intermediateSize?: number;
  readonly numHeads?: number;
  readonly numKvHeads?: number;
  readonly headDim?: number;
  readonly rmsNormEps?: number;
  readonly ropeTheta?: number;
  /** Per-head q/k RMSNorm in the draft layers (DFlash drafters are Qwen3-style). Default true. */
  readonly qkNorm?: boolean;
  /** Sliding-window size for layers whose `layerTypes` entry is `sliding_attention`. */
  readonly slidingWindow?: number;
  /** One entry per draft layer; default all `full_attention`. */
  readonly layerTypes?: readonly DraftLayerType[];
}
export interface DFlashDraft extends DFlashDraftOptions {
  readonly kind: "dflash";
}

/** Target KV cache: one page pool shared by all requests; page 0 is the trash page. */
export interface PagedKVOptions {
  readonly pageSize: number;
  readonly numPages: number;
  /** Longest request (prompt + generated tokens). Defaults to the draft cache's, else `maxPositions`. */
  readonly maxContext?: number;
}
export interface PagedKV extends PagedKVOptions {
  readonly kind: "paged";
}

/** Draft KV cache as static arrays: one slot per running request. */
export interface StaticKVOptions {
  readonly maxContext: number;
}
export interface StaticKV extends StaticKVOptions {
  readonly kind: "static";
}

/** A cache declaration for the draft: static arrays or a second page pool. */
export type DraftCache = StaticKV | PagedKV;

export interface CacheDeclaration {
  readonly target: PagedKV;
  /** Required when the decoder has a draft; absent for target-only decoders. */
  readonly draft?: DraftCache;
}

/** Powers of two from `min` to `max`, both powers of two. */
export interface Pow2Buckets {
  readonly kind: "pow2";
  readonly min: number;
  readonly max: number;
}

export interface BatchingDeclaration {
  /** Requests decoded together at most. */
  readonly maxRequests: number;
  /** Request-count buckets. Default: powers of two from 1 to `maxRequests` rounded up. */
  readonly requests?: Pow2Buckets;
  /** Prefill token-count buckets (tokens of all requests in one prefill call, packed). */
  readonly tokens: Pow2Buckets;
}

export type TpuChip = "tpu-v4" | "tpu-v5e" | "tpu-v5p" | "tpu-v6e";

export interface HardwareDeclaration {
  readonly chip: TpuChip;
  /** Chips in the slice; weights and caches are sharded over them (tensor parallel). */
  readonly chips: number;
}

/**
 * `greedy`: argmax verification, token-for-token lossless.
 * `sampling`: also emit rejection-sampling verification kernels (temperature > 0), exact in distribution.
 */
export type VerifyMode = "greedy" | "sampling";

export interface DecoderOptions {
  /** Identifier `[a-z_][a-z0-9_]*`: names the JAX package and the generated runtime module. */
  readonly name: string;
  readonly target: TargetModel;
  /** Omit for plain autoregressive decoding with the target alone (the baseline). */
  readonly draft?: DFlashDraft;
  /** Block size K (draft block incl. the anchor token b0). Required with a draft. */
  readonly blockSize?: number;
  readonly cache: CacheDeclaration;
  readonly batching: BatchingDeclaration;
  readonly verify?: VerifyMode;
  /**
   * Draft → verify → commit cycles one decode call may run (default `[1]`): each `C > 1` adds a
   * `decode_loop_c<C>` kernel that loops on the device and stops early once every request of the
   * batch has hit a stop token or its budget. Integers in 1..64, ascending, 1 included; needs a draft.
   */
  readonly cyclesPerDispatch?: readonly number[];
  /** Where it will be served; drives the memory check and `dflashc plan`. */
  readonly hardware?: HardwareDeclaration;
  /**
   * How `dflashc run` turns text into token ids and back: `"byte"` (one id per UTF-8 byte; needs
   * vocabSize >= 256) or a Hugging Face tokenizer folder (tokenizer.json, tokenizer_config.json with
   * its chat template, generation_config.json), relative to this file. `compile` copies the folder's
   * files into the output's tokenizer/. Omit it and `run` speaks token ids only (or takes --tokenizer).
   */
  readonly tokenizer?: string;
  /**
   * Token ids that end a request (EOS). Default: the tokenizer folder's generation_config.json
   * `eos_token_id`, else its tokenizer_config.json `eos_token`; none for "byte".
   */
  readonly eosTokenIds?: readonly number[];
}

export interface DecoderDeclaration extends DecoderOptions {
  readonly kind: "decoder";
}
