/**
 * A DFlash drafter's `config.json` -> the DSL's `dflashDraft` options and the block size. DFlash
 * drafters publish `block_size`, `num_target_layers`, `target_layer_ids` and `mask_token_id` either
 * under `dflash_config` or at the top level (both spellings are in the wild); we accept either and
 * reject a file that says two different things.
 */
import type { DFlashDraftOptions, DraftLayerType, ModelFamily } from "../../dsl/types.js";
import { defaultTargetLayerIds } from "../plan/resolve.js";
import { LIMITS } from "../validate/rules.js";
import { HfError, type HfFields, show } from "./fields.js";
import { checkNoMoe, familyOf, headDimOf, readRopeScaling, readRopeTheta, type ImportedTarget } from "./target.js";

export interface ImportedDraft {
  /** Only the fields that differ from what the DSL derives from the target, so the output stays short. */
  readonly options: DFlashDraftOptions;
  readonly blockSize: number;
}

/** A DFlash field from `dflash_config` or the top level; both present and different is an error. */
function dflashField<T>(f: HfFields, key: string, read: (on: HfFields, key: string) => T | undefined): T | undefined {
  const nested = f.child("dflash_config");
  const inner = nested ? read(nested, key) : undefined;
  const outer = read(f, key);
  if (inner !== undefined && outer !== undefined && JSON.stringify(inner) !== JSON.stringify(outer)) {
    f.fail([key], HfError.invalidField, `${key} = ${show(outer as never)} disagrees with dflash_config.${key} = ${show(inner as never)}`);
  }
  return inner ?? outer;
}

const LAYER_TYPES: readonly DraftLayerType[] = ["full_attention", "sliding_attention"];

/**
 * What a drafter's family means for its layers. dflashDraft layers have no q/k/v biases; q/k RMSNorm
 * is the `qkNorm` switch (default true, the Qwen3-style DFlash drafters).
 */
const DRAFT_FAMILY_NORMS: Readonly<Record<ModelFamily, { qkNorm: boolean; qkvBias: boolean }>> = {
  qwen3: { qkNorm: true, qkvBias: false },
  llama: { qkNorm: false, qkvBias: false },
  qwen2: { qkNorm: false, qkvBias: true },
};

export function importDraft(f: HfFields, target: ImportedTarget): ImportedDraft {
  const { family } = familyOf(f, "draft");
  checkNoMoe(f);
  const norms = DRAFT_FAMILY_NORMS[family];
  if (norms.qkvBias) {
    f.fail(
      ["model_type"],
      HfError.unsupportedModel,
      `a ${family} drafter has q/k/v projection biases, which dflashDraft layers do not have; supported drafter families: qwen3 (q/k norm), llama (no q/k norm, no biases)`,
    );
  }

  const numLayers = f.int("num_hidden_layers");
  // Checked before anything is sized by it (default layer ids, layer kinds); validation says the same.
  if (numLayers > LIMITS.draftLayers) {
    f.fail(["num_hidden_layers"], HfError.invalidField, `num_hidden_layers = ${numLayers}: a DFlash drafter has at most ${LIMITS.draftLayers} layers in dflashc`);
  }
  const blockSize = dflashField(f, "block_size", (o, k) => o.optInt(k, 2));
  if (blockSize === undefined) f.fail([], HfError.missingField, "block_size is required and missing (top level or dflash_config.block_size)");

  const numTargetLayers = dflashField(f, "num_target_layers", (o, k) => o.optInt(k));
  if (numTargetLayers !== undefined && numTargetLayers !== target.numLayers) {
    f.fail(["num_target_layers"], HfError.draftMismatch, `num_target_layers = ${numTargetLayers}, but the target has ${target.numLayers} layers: this drafter was trained for another model`);
  }
  const hidden = f.optInt("hidden_size");
  if (hidden !== undefined && hidden !== target.hiddenSize) {
    f.fail(["hidden_size"], HfError.draftMismatch, `hidden_size = ${hidden}, but the target's is ${target.hiddenSize}: a DFlash drafter shares the target's hidden size`);
  }
  const vocab = f.optInt("vocab_size");
  if (vocab !== undefined && vocab !== target.vocabSize) {
    f.fail(["vocab_size"], HfError.draftMismatch, `vocab_size = ${vocab}, but the target's is ${target.vocabSize}: a DFlash drafter shares the target's embedding and LM head`);
  }
  if (f.optBool("attention_bias")) f.fail(["attention_bias"], HfError.unsupportedField, "attention_bias = true is not supported on a DFlash drafter; supported: no attention biases");
  const act = f.optString("hidden_act");
  if (act !== undefined && act !== "silu") f.fail(["hidden_act"], HfError.unsupportedField, `hidden_act "${act}" is not supported; supported: silu`);

  const scaling = readRopeScaling(f);
  if (JSON.stringify(scaling) !== JSON.stringify(target.ropeScaling)) {
    const key = f.has("rope_scaling") ? "rope_scaling" : "rope_parameters";
    f.fail([key], HfError.draftMismatch, `the drafter's RoPE scaling ${show(scaling as never)} differs from the target's ${show(target.ropeScaling as never)}; dflashc applies the target's scaling to the draft`);
  }

  const targetLayerIds =
    dflashField(f, "target_layer_ids", (o, k) => o.optIntArray(k, 0)) ?? defaultTargetLayerIds(target.numLayers, numLayers);
  for (const [k, id] of targetLayerIds.entries()) {
    if (id >= target.numLayers) {
      const where = f.child("dflash_config")?.has("target_layer_ids") ? ["dflash_config", "target_layer_ids", k] : ["target_layer_ids", k];
      f.fail(where, HfError.draftMismatch, `target_layer_ids[${k}] = ${id}, but the target has ${target.numLayers} layers (0..${target.numLayers - 1})`);
    }
  }
  const maskTokenId = dflashField(f, "mask_token_id", (o, k) => o.optInt(k, 0));
  if (maskTokenId === undefined) f.fail([], HfError.missingField, "mask_token_id is required and missing (dflash_config.mask_token_id or top level)");
  if (maskTokenId! >= target.vocabSize) {
    f.fail(["mask_token_id"], HfError.draftMismatch, `mask_token_id = ${maskTokenId}, but the target's vocabulary has ${target.vocabSize} tokens`);
  }

  // Attention kinds: `layer_types` when present, else Qwen's rule (sliding from `max_window_layers` on).
  let layerTypes: DraftLayerType[] | undefined;
  const declaredTypes = f.optStringArray("layer_types");
  if (declaredTypes) {
    if (declaredTypes.length !== numLayers) {
      f.fail(["layer_types"], HfError.invalidField, `layer_types has ${declaredTypes.length} entries, but num_hidden_layers = ${numLayers}`);
    }
    layerTypes = declaredTypes.map((t, k) => {
      if (!LAYER_TYPES.includes(t as DraftLayerType)) {
        f.fail(["layer_types", k], HfError.unsupportedField, `layer_types[${k}] "${t}" is not supported; supported: ${LAYER_TYPES.join(", ")}`);
      }
      return t as DraftLayerType;
    });
  } else if (f.optBool("use_sliding_window")) {
    const from = f.optInt("max_window_layers", 0) ?? numLayers;
    layerTypes = Array.from({ length: numLayers }, (_, k) => (k >= from ? "sliding_attention" : "full_attention"));
  }
  const anySliding = layerTypes?.includes("sliding_attention") ?? false;
  const slidingWindow = anySliding ? f.optInt("sliding_window") : undefined;
  if (anySliding && slidingWindow === undefined) {
    f.fail(["layer_types"], HfError.missingField, "layer_types has sliding_attention layers but sliding_window is missing");
  }

  // Dimensions: declared only where they differ from the DSL's defaults (the target's).
  const numHeads = f.optInt("num_attention_heads") ?? target.numHeads;
  const numKvHeads = f.optInt("num_key_value_heads") ?? numHeads;
  const headDim = f.has("head_dim") || f.has("num_attention_heads") ? headDimOf(f, target.hiddenSize, numHeads) : target.headDim;
  const defaultHeadDim = numHeads !== target.numHeads ? target.hiddenSize / numHeads : target.headDim;
  const intermediateSize = f.optInt("intermediate_size") ?? target.intermediateSize;
  const rmsNormEps = f.optNumber("rms_norm_eps") ?? target.rmsNormEps;
  const ropeTheta = readRopeTheta(f, target.ropeTheta);

  const options: { -readonly [K in keyof DFlashDraftOptions]: DFlashDraftOptions[K] } = {
    numLayers,
    targetLayerIds,
    maskTokenId: maskTokenId!,
  };
  if (intermediateSize !== target.intermediateSize) options.intermediateSize = intermediateSize;
  if (numHeads !== target.numHeads) options.numHeads = numHeads;
  if (numKvHeads !== target.numKvHeads) options.numKvHeads = numKvHeads;
  if (headDim !== defaultHeadDim) options.headDim = headDim;
  if (rmsNormEps !== target.rmsNormEps) options.rmsNormEps = rmsNormEps;
  // The DSL's default is q/k norm (Qwen3-style); a Llama-style drafter has none, and its checkpoint no q_norm/k_norm.
  if (!norms.qkNorm) options.qkNorm = false;
  if (ropeTheta !== target.ropeTheta) options.ropeTheta = ropeTheta;
  if (anySliding) {
    options.slidingWindow = slidingWindow;
    options.layerTypes = layerTypes;
  }
  return { options, blockSize: blockSize! };
}
