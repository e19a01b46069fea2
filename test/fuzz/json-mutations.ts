// Mutations of JSON documents for the fuzz suite, at the value level (parse, change one place, print)
// and at the text level (characters and tokens), with literals JSON.parse reads oddly (1e999 is
// Infinity, 1e-400 is 0, -0, integers past 2^53, duplicate and prototype keys, deep nesting).
import fc from "fast-check";
import { pick } from "./harness.js";

type Key = string | number;
type Path = Key[];
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function paths(v: Json, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (typeof v === "object" && v !== null && out.length < 5_000) {
    for (const [k, x] of Array.isArray(v) ? v.map((x, i) => [i, x] as const) : Object.entries(v)) paths(x, [...path, k], out);
  }
  return out;
}

/** A raw JSON text fragment spliced in where a value goes (not re-escaped). */
const RAW = Symbol("raw");
interface Raw {
  [RAW]: string;
}
const raw = (text: string): Raw => ({ [RAW]: text });

const RAW_LITERALS = [
  "1e999", "-1e999", "1e-400", "-0", "-0.0", "0.0", "1.0", "1e3", "1E+2", "12345678901234567890123", "9007199254740993",
  "-9007199254740993", "0.1", "1.5", "-1", "4294967296", "2147483648", "1e308", "5e-324", "0e0",
];
const STRINGS = [
  "", " ", "qwen3", "qwen2", "llama", "mistral", "Qwen3ForCausalLM", "LlamaForCausalLM", "Qwen2ForCausalLM", "DFlashDraftModel",
  "bfloat16", "float16", "float32", "float8", "int8", "silu", "gelu", "llama3", "linear", "dynamic", "yarn", "default",
  "full_attention", "sliding_attention", "__proto__", "constructor", "toString", "\u0000", "\ud800", "é", "../../etc", "a\nb",
];
const PROTO_KEYS = ["__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty"];
/** Field names the importer reads (a wrong type on one of them goes deepest). */
const HF_KEYS = [
  "model_type", "architectures", "vocab_size", "hidden_size", "intermediate_size", "num_hidden_layers", "num_attention_heads",
  "num_key_value_heads", "head_dim", "rope_theta", "rms_norm_eps", "max_position_embeddings", "torch_dtype", "dtype",
  "tie_word_embeddings", "rope_scaling", "attention_bias", "block_size", "dflash_config", "mask_token_id", "target_layer_ids",
  "num_target_layers", "layer_types", "sliding_window", "use_sliding_window", "max_window_layers", "hidden_act", "_name_or_path",
  "rope_type", "factor", "low_freq_factor", "high_freq_factor", "original_max_position_embeddings", "eos_token_id", "bos_token_id",
];

const number = fc.oneof(
  fc.constantFrom(0, 1, 2, 3, 4, 7, 8, 16, 64, 128, 256, 1000, 4096, 65_536, 151_936, 2 ** 31, 2 ** 53, 1e12, 1e300, 0.5, 1e-6, -1, -128),
  fc.integer({ min: -100, max: 200_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: 0, max: 62 }).map((k) => 2 ** k),
);
const value: fc.Arbitrary<Json | Raw> = fc.oneof(
  { weight: 4, arbitrary: number },
  { weight: 2, arbitrary: fc.constantFrom(...RAW_LITERALS).map(raw) },
  { weight: 2, arbitrary: fc.constantFrom(...STRINGS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 100_000 }).map((n) => "z".repeat(n)) },
  { weight: 2, arbitrary: fc.constantFrom<Json>(null, true, false, [], {}, [0], [-1], [1, 1], [0, 1, 2, 3], { rope_type: "llama3" }, { factor: 8 }) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 0, max: 5_000 }), number).map(([n, x]) => Array.from({ length: n }, (_, i) => x + i)) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 80 }).map((d) => raw("[".repeat(d) + "]".repeat(d))) },
  { weight: 1, arbitrary: fc.json({ maxDepth: 3 }).map((t) => raw(t)) },
);

export type JsonMutation =
  | { kind: "replace"; at: number; value: Json | Raw }
  | { kind: "delete"; at: number }
  | { kind: "add"; at: number; key: string; value: Json | Raw }
  | { kind: "scale"; at: number; by: number };

export const jsonMutation: fc.Arbitrary<JsonMutation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant("replace" as const), at: fc.nat(), value }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("add" as const), at: fc.nat(), key: fc.oneof(fc.constantFrom(...HF_KEYS, ...PROTO_KEYS), fc.string({ maxLength: 8 })), value }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("scale" as const), at: fc.nat(), by: fc.constantFrom(-1, 0, 0.5, 2, 3, 1024, 2 ** 20, 1e9, 1 / 3) }) },
);

/** Applies value-level mutations to a JSON text and prints it again (2-space indent, as HF writes). */
export function mutateJsonValue(text: string, mutations: readonly JsonMutation[]): string {
  // Values are kept as a tree where a Raw leaf prints verbatim and keys print in insertion order.
  let root = JSON.parse(text) as Json | Raw;
  for (const m of mutations) {
    const all = paths(root as Json);
    const at = pick(all, m.at);
    const set = (f: (old: Json | Raw) => Json | Raw | typeof DELETE) => (root = update(root, at, f));
    if (m.kind === "replace") set(() => m.value);
    else if (m.kind === "delete") set(() => DELETE);
    else if (m.kind === "add") {
      const objects = all.filter((p) => isObject(get(root, p)));
      if (objects.length > 0) {
        root = update(root, pick(objects, m.at), (o) => {
          const copy: Record<string, Json | Raw> = {};
          for (const [k, x] of Object.entries(o as object)) Object.defineProperty(copy, k, { value: x, enumerable: true, writable: true, configurable: true });
          Object.defineProperty(copy, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
          return copy as Json;
        });
      }
    } else {
      const numbers = all.filter((p) => typeof get(root, p) === "number");
      if (numbers.length > 0) root = update(root, pick(numbers, m.at), (n) => (n as number) * m.by);
    }
  }
  return `${print(root, "")}\n`;
}

const DELETE = Symbol("delete");
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v) && !(RAW in v);

function get(root: unknown, path: Path): unknown {
  let v = root;
  for (const k of path) v = typeof v === "object" && v !== null ? (v as Record<Key, unknown>)[k] : undefined;
  return v;
}

function update(root: Json | Raw, path: Path, f: (old: Json | Raw) => Json | Raw | typeof DELETE): Json | Raw {
  if (path.length === 0) {
    const v = f(root);
    return v === DELETE ? null : v;
  }
  if (typeof root !== "object" || root === null || RAW in root) return root;
  const [head, ...rest] = path;
  const old = (root as Record<Key, Json | Raw>)[head];
  const next = rest.length === 0 ? f(old) : update(old, rest, f);
  if (Array.isArray(root)) {
    const copy = [...root] as (Json | Raw)[];
    if (next === DELETE) copy.splice(Number(head), 1);
    else copy[Number(head)] = next;
    return copy as Json;
  }
  const copy: Record<string, Json | Raw> = {};
  for (const [k, x] of Object.entries(root)) {
    if (k !== head) Object.defineProperty(copy, k, { value: x, enumerable: true, writable: true, configurable: true });
    else if (next !== DELETE) Object.defineProperty(copy, k, { value: next, enumerable: true, writable: true, configurable: true });
  }
  return copy as Json;
}

function print(v: Json | Raw, indent: string): string {
  if (typeof v === "object" && v !== null && RAW in v) return v[RAW];
  if (typeof v === "number" && !Number.isFinite(v)) return String(v); // NaN / Infinity: not JSON, a syntax error to report
  if (typeof v !== "object" || v === null) return JSON.stringify(v);
  const inner = `${indent}  `;
  if (Array.isArray(v)) return v.length === 0 ? "[]" : `[\n${v.map((x) => inner + print(x, inner)).join(",\n")}\n${indent}]`;
  const entries = Object.entries(v);
  return entries.length === 0 ? "{}" : `{\n${entries.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${print(x, inner)}`).join(",\n")}\n${indent}}`;
}

export type TextMutation =
  | { kind: "delete"; at: number; len: number }
  | { kind: "insert"; at: number; text: string }
  | { kind: "duplicate"; at: number; len: number }
  | { kind: "truncate"; at: number }
  | { kind: "number"; at: number; text: string }
  | { kind: "swap"; a: number; b: number; len: number };

const fragment = fc.oneof(
  fc.constantFrom("{", "}", "[", "]", ",", ":", '"', "\\", "\\u", "\\ud800", "-", ".", "e", "E", "+", "0", "null", "true", "NaN", "Infinity", "//", "/*", "\uFEFF", "\u0000", "\t", "\r\n", ' "__proto__": 1,', ' "vocab_size": 1e999,', '"a":'),
  fc.constantFrom(...RAW_LITERALS),
  fc.string({ maxLength: 6 }),
  fc.integer({ min: 1, max: 5_000 }).map((n) => "[".repeat(n)),
);

export const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: fragment }),
  fc.record({ kind: fc.constant("duplicate" as const), at: fc.nat(), len: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  { arbitrary: fc.record({ kind: fc.constant("number" as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...RAW_LITERALS), number.map(String)) }), weight: 3 },
  fc.record({ kind: fc.constant("swap" as const), a: fc.nat(), b: fc.nat(), len: fc.integer({ min: 1, max: 30 }) }),
);

/** Applies character-level mutations; "number" rewrites one numeric literal of the text. */
export function mutateText(text: string, mutations: readonly TextMutation[]): string {
  let t = text;
  for (const m of mutations) {
    const n = t.length;
    if (m.kind === "number") {
      const spans = [...t.matchAll(/-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g)];
      if (spans.length === 0) continue;
      const s = pick(spans, m.at);
      t = t.slice(0, s.index) + m.text + t.slice(s.index + s[0].length);
      continue;
    }
    if (m.kind === "swap") {
      if (n === 0) continue;
      const a = m.a % n;
      const b = m.b % n;
      const [x, y] = a < b ? [a, b] : [b, a];
      const len = Math.min(m.len, y - x);
      t = t.slice(0, x) + t.slice(y, y + len) + t.slice(x + len, y) + t.slice(x, x + len) + t.slice(y + len);
      continue;
    }
    const at = n === 0 ? 0 : m.at % (n + 1);
    if (m.kind === "delete") t = t.slice(0, at) + t.slice(at + m.len);
    else if (m.kind === "insert") t = t.slice(0, at) + m.text + t.slice(at);
    else if (m.kind === "duplicate") t = t.slice(0, at) + t.slice(at, at + m.len) + t.slice(at);
    else t = t.slice(0, at);
  }
  return t;
}
