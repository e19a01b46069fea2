/**
 * A target's Hugging Face `config.json` -> the DSL's target model. What the file omits takes the
 * `transformers` configuration class's default (as `from_pretrained` would); what dflashc cannot honour
 * is an error naming the field and what is supported.
 */
import type { DType, Llama3RopeScaling, ModelFamily } from "../../dsl/types.js";
import type { Diagnostic } from "../../contract/diagnostics.js";
import { HfError, type HfFields, show } from "./fields.js";
import { jsonDiagnostic } from "./json-source.js";

export const SUPPORTED_MODEL_TYPES: Readonly<Record<string, ModelFamily>> = { qwen3: "qwen3", qwen2: "qwen2", llama: "llama" };
export const SUPPORTED_ARCHITECTURES: Readonly<Record<string, ModelFamily>> = {
  Qwen3ForCausalLM: "qwen3",
  Qwen2ForCausalLM: "qwen2",
  LlamaForCausalLM: "llama",
};

/** `transformers` defaults for fields a config.json may leave out (LlamaConfig, Qwen2Config, Qwen3Config). */
const CLASS_DEFAULTS: Readonly<Record<ModelFamily, { maxPositions: number; ropeTheta: number; rmsNormEps: number }>> = {
  llama: { maxPositions: 2048, ropeTheta: 10_000, rmsNormEps: 1e-6 },
  qwen2: { maxPositions: 32_768, ropeTheta: 10_000, rmsNormEps: 1e-6 },
  qwen3: { maxPositions: 32_768, ropeTheta: 10_000, rmsNormEps: 1e-6 },
};

/** Mixture-of-experts fields of the HF families we know; any of them means a model we cannot lower. */
const MOE_FIELDS = [
  "num_experts",
  "num_local_experts",
  "num_experts_per_tok",
  "moe_intermediate_size",
  "n_routed_experts",
  "n_shared_experts",
  "shared_expert_intermediate_size",
  "decoder_sparse_step",
];

/** Everything the DSL's `qwen3`/`qwen2`/`llama` builders take, minus the name. */
export interface ImportedTarget {
  readonly family: ModelFamily;
  /** The architecture string the family came from (for the header comment). */
  readonly source: string;
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
  readonly dtype: DType;
  readonly tieWordEmbeddings: boolean;
  readonly ropeScaling: Llama3RopeScaling | null;
  readonly attentionBias: boolean;
}

export interface Imported<T> {
  readonly value: T;
  /** Warnings: accepted, but the user should know (e.g. float16 served as bf16). */
  readonly warnings: readonly Diagnostic[];
}

/** `table[key]` when `key` is the table's own entry: "constructor" or "__proto__" are names like any other, not Object.prototype's. */
export function ownEntry<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

export function familyOf(f: HfFields, role: "target" | "draft"): { family: ModelFamily; source: string } {
  const modelType = f.optString("model_type");
  const archs = f.optStringArray("architectures") ?? [];
  const supportedTypes = Object.keys(SUPPORTED_MODEL_TYPES).join(", ");
  if (role === "target" && archs.some((a) => /DFlash/i.test(a))) {
    f.fail(["architectures"], HfError.unsupportedModel, `architectures ${show(archs)} is a DFlash drafter; import the target's config.json and pass the drafter with --draft`);
  }
  if (modelType !== undefined) {
    const family = ownEntry(SUPPORTED_MODEL_TYPES, modelType);
    if (!family) f.fail(["model_type"], HfError.unsupportedModel, `model_type "${modelType}" is not supported; supported: ${supportedTypes}`);
    // A drafter declares its own architecture (DFlashDraftModel); only a target's must agree.
    if (role === "target") {
      const archFamilies = archs.map((a) => ownEntry(SUPPORTED_ARCHITECTURES, a)).filter((x) => x !== undefined);
      const unknown = archs.filter((a) => ownEntry(SUPPORTED_ARCHITECTURES, a) === undefined);
      if (unknown.length > 0) {
        f.fail(["architectures"], HfError.unsupportedModel, `architectures ${show(unknown)} is not supported; supported: ${Object.keys(SUPPORTED_ARCHITECTURES).join(", ")}`);
      }
      if (archFamilies.some((a) => a !== family)) {
        f.fail(["architectures"], HfError.invalidField, `architectures ${show(archs)} disagrees with model_type "${modelType}"`);
      }
    }
    return { family: family!, source: archs[0] ?? `model_type ${modelType}` };
  }
  for (const [k, a] of archs.entries()) {
    const family = ownEntry(SUPPORTED_ARCHITECTURES, a);
    if (family) return { family, source: a };
    if (role === "target") {
      f.fail(["architectures", k], HfError.unsupportedModel, `architecture "${a}" is not supported; supported: ${Object.keys(SUPPORTED_ARCHITECTURES).join(", ")}`);
    }
  }
  return f.fail([], HfError.missingField, `model_type is required and missing (supported: ${supportedTypes})`);
}

export function checkNoMoe(f: HfFields): void {
  for (const key of MOE_FIELDS) {
    // `num_experts: 0` or `null` is how some dense configs spell "no experts".
    const v = f.raw(key);
    if (v !== undefined && v !== 0 && v !== false) {
      f.fail([key], HfError.unsupportedMoe, `${key} = ${show(v)}: mixture-of-experts models are not supported; dflashc lowers dense Llama, Qwen2 and Qwen3 decoders only`);
    }
  }
}

export function readDType(f: HfFields): Imported<DType> {
  const key = f.has("torch_dtype") ? "torch_dtype" : "dtype";
  const v = f.optString(key);
  if (v === undefined || v === "bfloat16") return { value: "bf16", warnings: [] };
  if (v === "float32") return { value: "f32", warnings: [] };
  if (v === "float16") {
    // The DSL has no f16: TPUs serve bf16. Same width, wider range, fewer mantissa bits: outputs can
    // differ from an fp16 reference run, so say so instead of converting silently.
    const loc = f.src.locOf([...f.path, key]);
    return {
      value: "bf16",
      warnings: [
        {
          ...jsonDiagnostic(f.src.file, loc, "hf-float16-as-bf16", `${key} "float16" is served as bf16 (TPUs have no f16 path); numerics differ from a float16 reference run`),
          severity: "warning",
        },
      ],
    };
  }
  return f.fail([key], HfError.invalidField, `${key} "${v}" is not supported; supported: bfloat16, float32 (float16 is served as bf16)`);
}

/** `rope_scaling` (or transformers 5's `rope_parameters`): none, `default`, or `llama3`. */
export function readRopeScaling(f: HfFields): Llama3RopeScaling | null {
  const key = f.has("rope_scaling") ? "rope_scaling" : f.has("rope_parameters") ? "rope_parameters" : undefined;
  if (!key) return null;
  const s = f.child(key)!;
  const typeKey = s.has("rope_type") ? "rope_type" : "type";
  const type = s.optString(typeKey);
  if (type === undefined) {
    if (key === "rope_parameters") return null;
    return s.fail([], HfError.missingField, `${s.label(["rope_type"])} is required and missing (supported: llama3)`);
  }
  if (type === "default") return null;
  if (type !== "llama3") {
    s.fail([typeKey], HfError.unsupportedRopeScaling, `${s.label([typeKey])} "${type}" is not supported; supported RoPE scaling: llama3 (or none)`);
  }
  const need = (k: string) => {
    const v = s.optNumber(k);
    if (v === undefined) s.fail([], HfError.missingField, `${s.label([k])} is required for llama3 RoPE scaling and missing`);
    return v!;
  };
  return {
    type: "llama3",
    factor: need("factor"),
    lowFreqFactor: need("low_freq_factor"),
    highFreqFactor: need("high_freq_factor"),
    originalMaxPositions: need("original_max_position_embeddings"),
  };
}

/** `rope_theta` at the top level, else inside `rope_parameters` (transformers 5), else the class default. */
export function readRopeTheta(f: HfFields, fallback: number): number {
  const top = f.optNumber("rope_theta");
  if (top !== undefined) return top;
  return f.child("rope_parameters")?.optNumber("rope_theta") ?? fallback;
}

export function headDimOf(f: HfFields, hiddenSize: number, numHeads: number): number {
  const declared = f.optInt("head_dim");
  if (declared !== undefined) return declared;
  if (hiddenSize % numHeads !== 0) {
    f.fail(["head_dim"], HfError.missingField, `head_dim is missing and hidden_size ${hiddenSize} is not divisible by num_attention_heads ${numHeads}`);
  }
  return hiddenSize / numHeads;
}

export function importTarget(f: HfFields): Imported<ImportedTarget> {
  const { family, source } = familyOf(f, "target");
  checkNoMoe(f);
  const defaults = CLASS_DEFAULTS[family];

  const act = f.optString("hidden_act");
  if (act !== undefined && act !== "silu") f.fail(["hidden_act"], HfError.unsupportedField, `hidden_act "${act}" is not supported; supported: silu (SwiGLU MLP)`);
  if (f.optBool("mlp_bias")) f.fail(["mlp_bias"], HfError.unsupportedField, "mlp_bias = true is not supported; supported: MLP without biases");
  if (f.optBool("use_sliding_window")) {
    f.fail(["use_sliding_window"], HfError.unsupportedField, "use_sliding_window = true is not supported on the target; supported: full attention in every target layer");
  }
  if (f.has("quantization_config")) {
    f.fail(["quantization_config"], HfError.unsupportedField, "quantized checkpoints are not supported; supported: bfloat16 / float32 weights");
  }
  const attentionBias = f.optBool("attention_bias") ?? false;
  // Qwen2 always has q/k/v biases (and no `attention_bias` switch); Qwen3 has none.
  if (family === "qwen3" && attentionBias) {
    f.fail(["attention_bias"], HfError.unsupportedField, "attention_bias = true is not supported for qwen3; supported: Qwen3 without attention biases");
  }
  const hiddenSize = f.int("hidden_size");
  const numHeads = f.int("num_attention_heads");
  const numKvHeads = f.optInt("num_key_value_heads") ?? numHeads;
  if (numHeads % numKvHeads !== 0) {
    f.fail(["num_key_value_heads"], HfError.invalidField, `num_attention_heads ${numHeads} is not a multiple of num_key_value_heads ${numKvHeads}`);
  }
  const dtype = readDType(f);
  return {
    value: {
      family,
      source,
      vocabSize: f.int("vocab_size"),
      hiddenSize,
      intermediateSize: f.int("intermediate_size"),
      numLayers: f.int("num_hidden_layers"),
      numHeads,
      numKvHeads,
      headDim: headDimOf(f, hiddenSize, numHeads),
      ropeTheta: readRopeTheta(f, defaults.ropeTheta),
      rmsNormEps: f.optNumber("rms_norm_eps") ?? defaults.rmsNormEps,
      maxPositions: f.optInt("max_position_embeddings") ?? defaults.maxPositions,
      dtype: dtype.value,
      tieWordEmbeddings: f.optBool("tie_word_embeddings") ?? false,
      ropeScaling: readRopeScaling(f),
      attentionBias: family === "llama" && attentionBias,
    },
    warnings: dtype.warnings,
  };
}
