/**
 * The printer's vocabulary: literals that re-parse to the same value, attributes in the generic syntax,
 * type lists and value lists. The printer (printer.ts) and the ops' pretty forms (ops/) print with it.
 */
import {
  type Attribute,
  type DenseElements,
  type ElementType,
  type Op,
  type TensorType,
  type Value,
  formatType,
  isFloat,
  roundToElement,
  sameType,
} from "../ir.js";

// ---------------------------------------------------------------------------------------------
// Literals

const SPECIAL_BITS: Record<string, { nan: string; inf: string; ninf: string }> = {
  f32: { nan: "0x7FC00000", inf: "0x7F800000", ninf: "0xFF800000" },
  bf16: { nan: "0x7FC0", inf: "0x7F80", ninf: "0xFF80" },
  f64: { nan: "0x7FF8000000000000", inf: "0x7FF0000000000000", ninf: "0xFFF0000000000000" },
};

function exponentForm(v: number, digits: number): string {
  // MLIR writes at least two exponent digits: 1.000000e+00.
  return v.toExponential(digits).replace(/e([+-])(\d)$/, "e$10$2");
}

/**
 * A float literal that re-parses to exactly `v` in `element`: MLIR's `1.000000e+00` when six decimals
 * suffice, more digits when not, hex bits for NaN and infinities.
 */
export function formatFloat(v: number, element: ElementType): string {
  // Modules repeat the same constants (RoPE frequencies in every layer function): remember each text.
  // -0 is looked up apart from 0 (a Map does not tell them apart).
  if (Object.is(v, -0)) return floatText(v, element);
  let memo = FLOAT_TEXT.get(element);
  if (!memo) FLOAT_TEXT.set(element, (memo = new Map()));
  let text = memo.get(v);
  if (text === undefined) {
    if (memo.size >= FLOAT_MEMO_LIMIT) memo.clear();
    memo.set(v, (text = floatText(v, element)));
  }
  return text;
}

const FLOAT_MEMO_LIMIT = 1 << 16;
const FLOAT_TEXT = new Map<ElementType, Map<number, string>>();

function floatText(v: number, element: ElementType): string {
  const special = SPECIAL_BITS[element] ?? SPECIAL_BITS.f64;
  if (Number.isNaN(v)) return special.nan;
  if (v === Infinity) return special.inf;
  if (v === -Infinity) return special.ninf;
  if (Object.is(v, -0)) return "-0.000000e+00";
  const maxDigits = element === "f64" ? 16 : 8;
  for (let digits = 6; digits < maxDigits; digits++) {
    const s = exponentForm(v, digits);
    if (roundToElement(Number(s), element) === v) return s;
  }
  return exponentForm(v, maxDigits);
}

function formatElement(v: number, element: ElementType): string {
  if (isFloat(element)) return formatFloat(v, element);
  if (element === "i1") return v ? "true" : "false";
  return String(v);
}

/** `dense<...>` without its type. */
export function formatDense(d: DenseElements): string {
  const e = d.type.element;
  if (d.splat) return `dense<${formatElement(d.values[0], e)}>`;
  if (d.values.length === 0) return "dense<>";
  const shape = d.type.shape;
  if (shape.length === 0) return `dense<${formatElement(d.values[0], e)}>`;
  let i = 0;
  const walk = (dim: number): string => {
    const parts: string[] = [];
    for (let k = 0; k < shape[dim]; k++) parts.push(dim === shape.length - 1 ? formatElement(d.values[i++], e) : walk(dim + 1));
    return `[${parts.join(", ")}]`;
  };
  return `dense<${walk(0)}>`;
}

export function formatString(s: string): string {
  // MLIR escapes quotes, backslashes and non-printables as two hex digits.
  return `"${s.replace(/["\\]|[^\x20-\x7e]/g, (c) => `\\${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`)}"`;
}

export function formatSymbol(name: string): string {
  return /^[a-zA-Z_$.][\w$.-]*$/.test(name) ? `@${name}` : `@${formatString(name)}`;
}

export function ints(values: readonly number[]): string {
  return `[${values.join(", ")}]`;
}

/** MLIR's enum attribute spelling per attribute key (`#stablehlo<comparison_direction GT>`). */
const ENUM_KIND: Record<string, string> = {
  comparison_direction: "comparison_direction",
  compare_type: "comparison_type",
};

function fields(entries: [string, readonly number[] | number][]): string {
  // Empty dimension lists are left out, as MLIR prints them.
  return entries
    .filter(([, v]) => typeof v === "number" || v.length > 0)
    .map(([k, v]) => `${k} = ${typeof v === "number" ? v : ints(v)}`)
    .join(", ");
}

/** An attribute value in the generic syntax. */
export function formatAttribute(key: string, a: Attribute): string {
  switch (a.kind) {
    case "int":
      return `${a.value} : ${a.type ?? "i64"}`;
    case "float":
      return `${formatFloat(a.value, a.type ?? "f64")} : ${a.type ?? "f64"}`;
    case "bool":
      return a.value ? "true" : "false";
    case "string":
      return formatString(a.value);
    case "ints":
      return a.values.length === 0 ? "array<i64>" : `array<i64: ${a.values.join(", ")}>`;
    case "enum":
      return `#stablehlo<${ENUM_KIND[key] ?? key} ${a.value}>`;
    case "symbol":
      return formatSymbol(a.value);
    case "dense":
      return `${formatDense(a.value)} : ${formatType(a.value.type)}`;
    case "dot": {
      const d = a.value;
      return `#stablehlo.dot<${fields([
        ["lhs_batching_dimensions", d.lhsBatchingDimensions],
        ["rhs_batching_dimensions", d.rhsBatchingDimensions],
        ["lhs_contracting_dimensions", d.lhsContractingDimensions],
        ["rhs_contracting_dimensions", d.rhsContractingDimensions],
      ])}>`;
    }
    case "gather": {
      const g = a.value;
      return `#stablehlo.gather<${fields([
        ["offset_dims", g.offsetDims],
        ["collapsed_slice_dims", g.collapsedSliceDims],
        ["operand_batching_dims", g.operandBatchingDims],
        ["start_indices_batching_dims", g.startIndicesBatchingDims],
        ["start_index_map", g.startIndexMap],
        ["index_vector_dim", g.indexVectorDim],
      ])}>`;
    }
    case "scatter": {
      const s = a.value;
      return `#stablehlo.scatter<${fields([
        ["update_window_dims", s.updateWindowDims],
        ["inserted_window_dims", s.insertedWindowDims],
        ["input_batching_dims", s.inputBatchingDims],
        ["scatter_indices_batching_dims", s.scatterIndicesBatchingDims],
        ["scatter_dims_to_operand_dims", s.scatterDimsToOperandDims],
        ["index_vector_dim", s.indexVectorDim],
      ])}>`;
    }
  }
}

/** `{a = 1 : i64, b = true}`, keys sorted as MLIR sorts dictionaries. */
export function formatAttrDict(attrs: Readonly<Record<string, Attribute>>): string {
  const keys = Object.keys(attrs).sort();
  const key = (k: string): string => (/^[a-zA-Z_][\w$.]*$/.test(k) ? k : formatString(k));
  return `{${keys.map((k) => `${key(k)} = ${formatAttribute(k, attrs[k])}`).join(", ")}}`;
}

// ---------------------------------------------------------------------------------------------
// Types and value lists

export function typeList(types: readonly TensorType[]): string {
  return types.map(formatType).join(", ");
}

export function resultTypes(types: readonly TensorType[]): string {
  return types.length === 1 ? formatType(types[0]) : `(${typeList(types)})`;
}

export function functionalType(op: Op): string {
  return `(${typeList(op.operands.map((v) => v.type))}) -> ${resultTypes(op.results.map((v) => v.type))}`;
}

/** One type when operands and results all share it (MLIR's SameOperandsAndResultType form). */
export function compactOrFunctional(op: Op): string {
  const all = [...op.operands, ...op.results].map((v) => v.type);
  return all.length > 0 && all.every((t) => sameType(t, all[0])) ? formatType(all[0]) : functionalType(op);
}

export function names(values: readonly Value[]): string {
  return values.map((v) => v.name).join(", ");
}

export function lhs(results: readonly Value[]): string {
  if (results.length === 0) return "";
  const m = /^(.*)#0$/.exec(results[0].name);
  if (m && results.every((r, i) => r.name === `${m[1]}#${i}`)) return `${m[1]}:${results.length} = `;
  return `${names(results)} = `;
}

export function hasOnly(op: Op, keys: readonly string[]): boolean {
  return Object.keys(op.attrs).every((k) => keys.includes(k));
}

export function blockArgs(args: readonly Value[]): string {
  return args.map((a) => `${a.name}: ${formatType(a.type)}`).join(", ");
}

export function simple(op: Op): boolean {
  return op.results.length === 1 && op.regions.length === 0;
}

export function noResults(op: Op): boolean {
  return op.results.length === 0 && op.regions.length === 0;
}
