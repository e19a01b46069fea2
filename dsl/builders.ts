import type {
  DecoderDeclaration,
  DecoderOptions,
  DFlashDraft,
  DFlashDraftOptions,
  LlamaModel,
  LlamaOptions,
  PagedKV,
  PagedKVOptions,
  Pow2Buckets,
  Qwen2Model,
  Qwen2Options,
  Qwen3Model,
  Qwen3Options,
  StaticKV,
  StaticKVOptions,
} from "./types.js";

// Builders are identity functions that stamp a discriminant. They exist so that object literals get
// TypeScript's excess-property and literal-type checks at the call site, in the user's editor.

export function defineDecoder(options: DecoderOptions): DecoderDeclaration {
  return { ...options, kind: "decoder" };
}

export function llama(options: LlamaOptions): LlamaModel {
  return { ...options, family: "llama" };
}

export function qwen3(options: Qwen3Options): Qwen3Model {
  return { ...options, family: "qwen3" };
}

export function qwen2(options: Qwen2Options): Qwen2Model {
  return { ...options, family: "qwen2" };
}

export function dflashDraft(options: DFlashDraftOptions): DFlashDraft {
  return { ...options, kind: "dflash" };
}

export function pagedKV(options: PagedKVOptions): PagedKV {
  return { ...options, kind: "paged" };
}

export function staticKV(options: StaticKVOptions): StaticKV {
  return { ...options, kind: "static" };
}

export function pow2Buckets(range: { readonly min: number; readonly max: number }): Pow2Buckets {
  return { kind: "pow2", min: range.min, max: range.max };
}
