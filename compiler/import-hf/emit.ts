/**
 * Prints a declaration as the TypeScript a person would write (the style of examples/*.ts): the target
 * in its own `const`, builder calls for every stamped object, short objects on one line, numeric
 * separators for large integers. Deterministic: same declaration, same bytes.
 */
import type { DecoderDeclaration } from "../../dsl/types.js";

const MAX_LINE = 120;
/** Top-level properties printed one entry per line even when short (the examples' `cache`). */
const MULTILINE_KEYS = new Set(["cache"]);

/** Builder that produced an object, from the discriminant it stamped. */
const BUILDERS: ReadonlyArray<{ key: "kind" | "family"; value: string; fn: string }> = [
  { key: "kind", value: "dflash", fn: "dflashDraft" },
  { key: "kind", value: "paged", fn: "pagedKV" },
  { key: "kind", value: "static", fn: "staticKV" },
  { key: "kind", value: "pow2", fn: "pow2Buckets" },
  { key: "family", value: "qwen3", fn: "qwen3" },
  { key: "family", value: "qwen2", fn: "qwen2" },
  { key: "family", value: "llama", fn: "llama" },
];

export function formatNumber(x: number): string {
  if (Number.isInteger(x)) {
    const s = String(Math.abs(x));
    const grouped = s.length >= 5 ? s.replace(/\B(?=(\d{3})+(?!\d))/g, "_") : s;
    return x < 0 ? `-${grouped}` : grouped;
  }
  if (x !== 0 && Math.abs(x) < 1e-3) return x.toExponential();
  return String(x);
}

type Plain = null | undefined | boolean | number | string | readonly Plain[] | { readonly [k: string]: Plain };

function builderOf(v: { readonly [k: string]: Plain }): { fn: string; omit: string } | null {
  for (const b of BUILDERS) if (v[b.key] === b.value) return { fn: b.fn, omit: b.key };
  return null;
}

/** `value` printed at `indent`; `used` collects builder names for the import line. */
function print(value: Plain, indent: string, used: Set<string>, refs: ReadonlyMap<object, string>, multiline = false): string {
  if (value === null || value === undefined) return "undefined";
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "boolean") return String(value);
  if (refs.has(value as object)) return refs.get(value as object)!;
  if (Array.isArray(value)) {
    const items = (value as readonly Plain[]).map((v) => print(v, `${indent}  `, used, refs));
    const flat = `[${items.join(", ")}]`;
    if (flat.length + indent.length <= MAX_LINE && !flat.includes("\n")) return flat;
    return `[\n${items.map((s) => `${indent}  ${s},`).join("\n")}\n${indent}]`;
  }
  const obj = value as { readonly [k: string]: Plain };
  const builder = builderOf(obj);
  const entries = Object.entries(obj).filter(([k, v]) => v !== undefined && k !== builder?.omit);
  if (builder) used.add(builder.fn);
  const props = entries.map(([k, v]) => `${k}: ${print(v, `${indent}  `, used, refs)}`);
  const open = builder ? `${builder.fn}({` : "{";
  const close = builder ? "})" : "}";
  const flat = props.length === 0 ? `${open}${close}` : `${open} ${props.join(", ")} ${close}`;
  // Property line budget: the key that precedes us is at most ~20 characters.
  if (!multiline && flat.length + indent.length + 20 <= MAX_LINE && !flat.includes("\n")) return flat;
  return `${open}\n${props.map((p) => `${indent}  ${p},`).join("\n")}\n${indent}${close}`;
}

/**
 * The whole file. `header` lines become `//` comments at the top (provenance and defaults); `notes`
 * map a top-level property of the decoder to a comment line printed above it.
 */
export function emitDeclarationSource(
  decl: DecoderDeclaration,
  header: readonly string[],
  notes: Readonly<Record<string, string>> = {},
): string {
  const used = new Set<string>(["defineDecoder"]);
  const refs = new Map<object, string>([[decl.target as object, "target"]]);
  const targetSrc = print(decl.target as unknown as Plain, "", used, new Map());
  const lines: string[] = [];
  const { kind: _kind, ...options } = decl;
  for (const [k, v] of Object.entries(options)) {
    if (v === undefined) continue;
    if (notes[k]) lines.push(`  // ${notes[k]}`);
    const printed = print(v as Plain, "  ", used, refs, MULTILINE_KEYS.has(k));
    lines.push(printed === k ? `  ${k},` : `  ${k}: ${printed},`);
  }
  const imports = [...used].sort((a, b) => a.localeCompare(b, "en"));
  return [
    // A line break in a header line (a file name can hold one) would end the comment.
    ...header.map((h) => `// ${h.replace(/[\r\n\u2028\u2029]/g, " ")}`),
    `import { ${imports.join(", ")} } from "dflashc";`,
    "",
    `const target = ${targetSrc};`,
    "",
    "export default defineDecoder({",
    ...lines,
    "});",
    "",
  ].join("\n");
}
