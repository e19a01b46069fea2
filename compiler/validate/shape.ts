/**
 * Structural validation: the declaration has the shape the DSL's types describe. TypeScript enforces
 * this in the user's editor, but `as any`, plain JS-ish values and computed data get past it, so the
 * compiler checks it again: types, required and unknown properties, literal options, finite numbers.
 * Semantic rules (validate-rules.ts) run only on a declaration that passed this.
 */
import { formatPath, issue, show, type IssuePath, type ValidationIssue } from "./issue.js";

type Schema =
  | { readonly t: "number" | "string" | "boolean" }
  | { readonly t: "literal"; readonly values: readonly string[] }
  | { readonly t: "array"; readonly of: Schema }
  | { readonly t: "object"; readonly fields: Fields }
  /** Objects told apart by `tag`; `hint` says how to build one. */
  | { readonly t: "union"; readonly tag: string; readonly variants: Readonly<Record<string, Fields>>; readonly hint: string };

interface Field {
  readonly schema: Schema;
  readonly optional?: boolean;
}
type Fields = Readonly<Record<string, Field>>;

const num: Schema = { t: "number" };
const str: Schema = { t: "string" };
const bool: Schema = { t: "boolean" };
const lit = (...values: string[]): Schema => ({ t: "literal", values });
const req = (schema: Schema): Field => ({ schema });
const opt = (schema: Schema): Field => ({ schema, optional: true });
const obj = (fields: Fields): Schema => ({ t: "object", fields });

const modelFields: Fields = {
  family: req(lit("llama", "qwen3", "qwen2")),
  name: req(str),
  vocabSize: req(num),
  hiddenSize: req(num),
  intermediateSize: req(num),
  numLayers: req(num),
  numHeads: req(num),
  numKvHeads: req(num),
  headDim: opt(num),
  ropeTheta: req(num),
  rmsNormEps: req(num),
  maxPositions: req(num),
  dtype: req(lit("f32", "bf16")),
  tieWordEmbeddings: opt(bool),
  ropeScaling: opt(
    obj({
      type: req(lit("llama3")),
      factor: req(num),
      lowFreqFactor: req(num),
      highFreqFactor: req(num),
      originalMaxPositions: req(num),
    }),
  ),
};

const target: Schema = {
  t: "union",
  tag: "family",
  hint: "llama({...}), qwen3({...}) or qwen2({...})",
  variants: { llama: { ...modelFields, attentionBias: opt(bool) }, qwen3: modelFields, qwen2: modelFields },
};

const draft: Schema = {
  t: "union",
  tag: "kind",
  hint: "dflashDraft({...})",
  variants: {
    dflash: {
      kind: req(lit("dflash")),
      numLayers: req(num),
      targetLayerIds: opt({ t: "array", of: num }),
      maskTokenId: req(num),
      intermediateSize: opt(num),
      numHeads: opt(num),
      numKvHeads: opt(num),
      headDim: opt(num),
      rmsNormEps: opt(num),
      ropeTheta: opt(num),
      qkNorm: opt(bool),
      slidingWindow: opt(num),
      layerTypes: opt({ t: "array", of: lit("full_attention", "sliding_attention") }),
    },
  },
};

const pagedFields: Fields = { kind: req(lit("paged")), pageSize: req(num), numPages: req(num), maxContext: opt(num) };
const staticFields: Fields = { kind: req(lit("static")), maxContext: req(num) };
const buckets: Schema = { t: "union", tag: "kind", hint: "pow2Buckets({ min, max })", variants: { pow2: { kind: req(lit("pow2")), min: req(num), max: req(num) } } };

const DECLARATION: Schema = obj({
  kind: req(lit("decoder")),
  name: req(str),
  target: req(target),
  draft: opt(draft),
  blockSize: opt(num),
  cache: req(
    obj({
      target: req({ t: "union", tag: "kind", hint: "pagedKV({...})", variants: { paged: pagedFields } }),
      draft: opt({ t: "union", tag: "kind", hint: "staticKV({...}) or pagedKV({...})", variants: { static: staticFields, paged: pagedFields } }),
    }),
  ),
  batching: req(obj({ maxRequests: req(num), requests: opt(buckets), tokens: req(buckets) })),
  verify: opt(lit("greedy", "sampling")),
  cyclesPerDispatch: opt({ t: "array", of: num }),
  hardware: opt(obj({ chip: req(lit("tpu-v4", "tpu-v5e", "tpu-v5p", "tpu-v6e")), chips: req(num) })),
  tokenizer: opt(str),
  eosTokenIds: opt({ t: "array", of: num }),
});

/** Every code the shape check may report. */
export const SHAPE_CODES = ["wrong-type", "not-finite", "invalid-option", "missing-property", "unknown-property"] as const;

function typeName(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  if (typeof v === "object") return "an object";
  if (typeof v === "string") return `the string ${show(v)}`;
  if (typeof v === "number" || typeof v === "boolean") return `the ${typeof v} ${show(v)}`;
  return `a ${typeof v}`;
}

const article = (s: Schema["t"]) => (s === "array" || s === "object" ? "an" : "a");

function checkFields(value: Record<string, unknown>, fields: Fields, path: IssuePath, out: ValidationIssue[]): void {
  for (const [key, field] of Object.entries(fields)) {
    const v = value[key];
    if (v === undefined) {
      if (!field.optional) out.push(issue([...path, key], "missing-property", `${formatPath(path)} is missing the required property ${key}`));
      continue;
    }
    check(v, field.schema, [...path, key], out);
  }
  for (const key of Object.keys(value)) {
    if (!Object.hasOwn(fields, key)) {
      out.push(issue([...path, key], "unknown-property", `${formatPath(path)} has no property ${show(key)} (known: ${Object.keys(fields).join(", ")})`));
    }
  }
}

function check(v: unknown, s: Schema, path: IssuePath, out: ValidationIssue[]): void {
  const where = formatPath(path);
  switch (s.t) {
    case "number":
      if (typeof v !== "number") out.push(issue(path, "wrong-type", `${where} must be a number, got ${typeName(v)}`));
      else if (!Number.isFinite(v)) out.push(issue(path, "not-finite", `${where} must be a finite number, got ${show(v)}`));
      return;
    case "string":
    case "boolean":
      if (typeof v !== s.t) out.push(issue(path, "wrong-type", `${where} must be a ${s.t}, got ${typeName(v)}`));
      return;
    case "literal":
      if (typeof v !== "string" || !s.values.includes(v)) {
        out.push(issue(path, "invalid-option", `${where} must be one of ${s.values.map((x) => show(x)).join(", ")}, got ${typeName(v)}`));
      }
      return;
    case "array":
      if (!Array.isArray(v)) out.push(issue(path, "wrong-type", `${where} must be an array, got ${typeName(v)}`));
      else for (let i = 0; i < v.length; i++) check(v[i], s.of, [...path, i], out); // holes included
      return;
    case "object":
    case "union": {
      if (typeof v !== "object" || v === null || Array.isArray(v)) {
        const expected = s.t === "union" ? `built with ${s.hint}` : `${article(s.t)} object`;
        out.push(issue(path, "wrong-type", `${where} must be ${expected}, got ${typeName(v)}`));
        return;
      }
      const value = v as Record<string, unknown>;
      if (s.t === "object") return checkFields(value, s.fields, path, out);
      const tag = value[s.tag];
      const variant = typeof tag === "string" && Object.hasOwn(s.variants, tag) ? s.variants[tag] : undefined;
      if (variant === undefined) {
        const options = Object.keys(s.variants).map((x) => show(x)).join(", ");
        const code = tag === undefined ? "missing-property" : "invalid-option";
        out.push(issue([...path, s.tag], code, `${where}.${s.tag} must be one of ${options}, got ${tag === undefined ? "none" : typeName(tag)}: build it with ${s.hint}`));
        return;
      }
      return checkFields(value, { ...variant, [s.tag]: req(lit(tag as string)) }, path, out);
    }
  }
}

/** Shape issues of an evaluated declaration; empty when it matches the DSL's types. */
export function validateShape(value: unknown): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  check(value, DECLARATION, [], out);
  return out;
}
