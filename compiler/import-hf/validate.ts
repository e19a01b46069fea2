/**
 * What import-hf would write must pass `dflashc check`: the declaration goes through the same
 * validation (`validateDeclaration`: shape, rules, memory fit), and an issue comes back as a
 * diagnostic at the Hugging Face field it came from (`rope_theta`, `dflash_config.block_size`, ...),
 * with check's code, so nothing is written that check would then reject.
 */
import type { DecoderDeclaration } from "../../dsl/types.js";
import { DiagnosticError, type Diagnostic } from "../../contract/diagnostics.js";
import type { ValidationIssue } from "../validate/issue.js";
import { RULES } from "../validate/rules.js";
import { validateShape } from "../validate/shape.js";
import { memoryIssues } from "../validate/memory.js";
import type { DecoderPlan } from "../ir/plan.js";
import { isObject, show } from "./fields.js";
import { jsonDiagnostic, type JsonSource, type JsonValue } from "./json-source.js";

/** DSL model field → HF config keys (the first present one is reported). */
const MODEL_FIELDS: Readonly<Record<string, readonly (readonly string[])[]>> = {
  vocabSize: [["vocab_size"]],
  hiddenSize: [["hidden_size"]],
  intermediateSize: [["intermediate_size"]],
  numLayers: [["num_hidden_layers"]],
  numHeads: [["num_attention_heads"]],
  numKvHeads: [["num_key_value_heads"], ["num_attention_heads"]],
  headDim: [["head_dim"], ["hidden_size"]],
  ropeTheta: [["rope_theta"], ["rope_parameters", "rope_theta"]],
  rmsNormEps: [["rms_norm_eps"]],
  maxPositions: [["max_position_embeddings"]],
  dtype: [["torch_dtype"], ["dtype"]],
  tieWordEmbeddings: [["tie_word_embeddings"]],
  attentionBias: [["attention_bias"]],
  name: [["_name_or_path"]],
};

const ROPE_SCALING_FIELDS: Readonly<Record<string, string>> = {
  factor: "factor",
  lowFreqFactor: "low_freq_factor",
  highFreqFactor: "high_freq_factor",
  originalMaxPositions: "original_max_position_embeddings",
};

const DRAFT_FIELDS: Readonly<Record<string, readonly (readonly string[])[]>> = {
  ...MODEL_FIELDS,
  targetLayerIds: [["dflash_config", "target_layer_ids"], ["target_layer_ids"], ["num_hidden_layers"]],
  maskTokenId: [["dflash_config", "mask_token_id"], ["mask_token_id"]],
  slidingWindow: [["sliding_window"]],
  layerTypes: [["layer_types"], ["use_sliding_window"]],
};

export interface ImportSources {
  readonly target: JsonSource;
  readonly draft?: JsonSource;
  /** The decoder name came from --name, not from the config. */
  readonly nameFromFlag: boolean;
}

function valueAt(src: JsonSource, path: readonly (string | number)[]): JsonValue | undefined {
  let v: JsonValue | undefined = src.value;
  for (const p of path) {
    if (Array.isArray(v) && typeof p === "number") v = v[p];
    else if (isObject(v) && typeof p === "string" && Object.prototype.hasOwnProperty.call(v, p)) v = v[p];
    else return undefined;
    if (v === null) return undefined;
  }
  return v;
}

/** The first candidate present in the file (plus `rest`, an index into an array field), else the first. */
function pick(src: JsonSource, candidates: readonly (readonly string[])[], rest: readonly (string | number)[]): (string | number)[] {
  for (const c of candidates) if (valueAt(src, c) !== undefined) return [...c, ...(valueAt(src, [...c, ...rest]) !== undefined ? rest : [])];
  return [...candidates[0]];
}

const label = (path: readonly (string | number)[]) => path.map((p, k) => (typeof p === "number" ? `[${p}]` : k === 0 ? p : `.${p}`)).join("");

/** Where an issue's declaration path comes from: the file, the HF field path (null: the whole file), and a prefix for the message. */
function locate(issue: ValidationIssue, srcs: ImportSources): { src: JsonSource; field: (string | number)[] | null } {
  const [head, key, ...rest] = issue.path;
  if (head === "target" && key === "ropeScaling") {
    const scaling = valueAt(srcs.target, ["rope_scaling"]) !== undefined ? "rope_scaling" : "rope_parameters";
    const sub = typeof rest[0] === "string" ? ROPE_SCALING_FIELDS[rest[0]] : undefined;
    return { src: srcs.target, field: sub ? [scaling, sub] : [scaling] };
  }
  if (head === "target" && typeof key === "string" && Object.prototype.hasOwnProperty.call(MODEL_FIELDS, key)) {
    return { src: srcs.target, field: pick(srcs.target, MODEL_FIELDS[key], rest) };
  }
  if (head === "draft" && srcs.draft && typeof key === "string" && Object.prototype.hasOwnProperty.call(DRAFT_FIELDS, key)) {
    return { src: srcs.draft, field: pick(srcs.draft, DRAFT_FIELDS[key], rest) };
  }
  if (head === "blockSize" && srcs.draft) return { src: srcs.draft, field: pick(srcs.draft, [["block_size"], ["dflash_config", "block_size"]], []) };
  if (head === "name" && !srcs.nameFromFlag && valueAt(srcs.target, ["_name_or_path"]) !== undefined) return { src: srcs.target, field: ["_name_or_path"] };
  // cache and batching follow max_position_embeddings (requests are capped by it); the rest is the file as a whole.
  if ((head === "cache" || head === "batching") && valueAt(srcs.target, ["max_position_embeddings"]) !== undefined) return { src: srcs.target, field: ["max_position_embeddings"] };
  if (head === "draft" && srcs.draft) return { src: srcs.draft, field: null };
  return { src: srcs.target, field: null };
}

/** A JSON value as the user wrote it; a number too large for a double (1e400) reads as Infinity, not null. */
const showValue = (v: JsonValue | undefined) => (typeof v === "number" ? String(v) : show(v));

function toDiagnostic(issue: ValidationIssue, srcs: ImportSources): Diagnostic {
  const { src, field } = locate(issue, srcs);
  const loc = src.locOf(field ?? []);
  const what = field
    ? `${label(field)} = ${showValue(valueAt(src, field))}`
    : issue.path[0] === "name" && srcs.nameFromFlag
      ? "--name"
      : "the imported declaration";
  return jsonDiagnostic(src.file, loc, issue.code, `${what}: ${issue.message} (\`dflashc check\` would reject the declaration at ${label(issue.path)})`);
}

/** Shape and rules, before anything plans the declaration (planning assumes both passed). */
export function checkDeclaration(decl: DecoderDeclaration, srcs: ImportSources): void {
  const shape = validateShape(decl);
  const all = shape.length > 0 ? shape : RULES.flatMap((rule) => rule.check(decl));
  // cache, batching and hardware are import-hf's own defaults, derived from the model: an issue there
  // is a consequence of a model or draft field, reported only when no such field is at fault itself.
  const derived = (i: ValidationIssue) => i.path[0] === "cache" || i.path[0] === "batching" || i.path[0] === "hardware";
  const issues = all.some((i) => !derived(i)) ? all.filter((i) => !derived(i)) : all;
  if (issues.length > 0) throw new DiagnosticError(issues.map((i) => toDiagnostic(i, srcs)));
}

/** The memory fit `check` requires of the planned declaration. */
export function checkMemory(plan: DecoderPlan, srcs: ImportSources, hint: string): void {
  const issues = memoryIssues(plan);
  if (issues.length === 0) return;
  throw new DiagnosticError(issues.map((i) => ({ ...toDiagnostic(i, srcs), message: `${toDiagnostic(i, srcs).message}; ${hint}` })));
}
