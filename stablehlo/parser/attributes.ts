/** Attribute values: `#stablehlo.*<...>` structures, typed numbers, and the old spellings normalized. */
import type { IToken } from "./grammar-base.js";
import { FloatLit, HexLit, IntLit } from "../lexer.js";
import { type Attribute, type DotDimensionNumbers, type GatherDimensionNumbers, type ScatterDimensionNumbers, isFloat } from "../ir.js";
import { type Lit, litValue } from "./dense.js";
import { elementOf, issueAt } from "./types.js";

/** Marks a list attribute of non-integers, which only dropped attributes may hold. */
export const UNSUPPORTED_LIST = "\u0000unsupported-list";

/** Precision hints do not change the reference semantics; they are accepted and dropped. */
export const DROPPED_ATTRS = new Set(["precision_config", "precision", "algorithm"]);

export interface HashEntry {
  readonly key: string;
  readonly keyTok: IToken;
  readonly ints?: readonly number[];
  readonly int?: number;
}

export function hashAttr(head: IToken, word: IToken | undefined, value: IToken | undefined, entries: HashEntry[]): Attribute {
  const kind = head.image;
  if (kind === "#stablehlo") {
    if (!word || !value) throw issueAt(head, "expected '#stablehlo<kind VALUE>'");
    return { kind: "enum", value: value.image };
  }
  const get = (key: string): readonly number[] => {
    const e = entries.find((x) => x.key === key);
    if (!e) return [];
    if (!e.ints) throw issueAt(e.keyTok, `'${key}' takes a list of integers`);
    return e.ints;
  };
  const getInt = (key: string): number => {
    const e = entries.find((x) => x.key === key);
    if (!e || e.int === undefined) throw issueAt(e?.keyTok ?? head, `${kind} needs '${key} = <integer>'`);
    return e.int;
  };
  const allowed = (keys: string[]): void => {
    for (const e of entries) if (!keys.includes(e.key)) throw issueAt(e.keyTok, `unknown field '${e.key}' in ${kind}`);
  };
  if (kind === "#stablehlo.dot") {
    allowed(["lhs_batching_dimensions", "rhs_batching_dimensions", "lhs_contracting_dimensions", "rhs_contracting_dimensions"]);
    const value: DotDimensionNumbers = {
      lhsBatchingDimensions: get("lhs_batching_dimensions"),
      rhsBatchingDimensions: get("rhs_batching_dimensions"),
      lhsContractingDimensions: get("lhs_contracting_dimensions"),
      rhsContractingDimensions: get("rhs_contracting_dimensions"),
    };
    return { kind: "dot", value };
  }
  if (kind === "#stablehlo.gather") {
    allowed(["offset_dims", "collapsed_slice_dims", "operand_batching_dims", "start_indices_batching_dims", "start_index_map", "index_vector_dim"]);
    const value: GatherDimensionNumbers = {
      offsetDims: get("offset_dims"),
      collapsedSliceDims: get("collapsed_slice_dims"),
      operandBatchingDims: get("operand_batching_dims"),
      startIndicesBatchingDims: get("start_indices_batching_dims"),
      startIndexMap: get("start_index_map"),
      indexVectorDim: getInt("index_vector_dim"),
    };
    return { kind: "gather", value };
  }
  if (kind === "#stablehlo.scatter") {
    allowed(["update_window_dims", "inserted_window_dims", "input_batching_dims", "scatter_indices_batching_dims", "scatter_dims_to_operand_dims", "index_vector_dim"]);
    const value: ScatterDimensionNumbers = {
      updateWindowDims: get("update_window_dims"),
      insertedWindowDims: get("inserted_window_dims"),
      inputBatchingDims: get("input_batching_dims"),
      scatterIndicesBatchingDims: get("scatter_indices_batching_dims"),
      scatterDimsToOperandDims: get("scatter_dims_to_operand_dims"),
      indexVectorDim: getInt("index_vector_dim"),
    };
    return { kind: "scatter", value };
  }
  throw issueAt(head, `unsupported attribute '${kind}'`);
}

export function numberAttr(tok: IToken, typeTok: IToken | undefined): Attribute {
  const type = typeTok ? elementOf(typeTok.image, typeTok) : undefined;
  // Integers and hex stay integers unless a float type says otherwise (`1 : f32`, `0x3F80 : bf16`).
  if (tok.tokenType !== FloatLit && !(type && isFloat(type))) {
    if (type === "i1") return { kind: "bool", value: Number(tok.image) !== 0 };
    const value = Number(BigInt(tok.image));
    return type && type !== "i64" ? { kind: "int", value, type } : { kind: "int", value };
  }
  const lit: Lit = { kind: tok.tokenType === HexLit ? "hex" : tok.tokenType === IntLit ? "int" : "float", text: tok.image, tok };
  const el = type ?? "f64";
  const value = litValue(lit, el);
  if (!isFloat(el)) throw issueAt(tok, `expected an integer for ${el}`);
  return el === "f64" ? { kind: "float", value } : { kind: "float", value, type: el };
}

/** Old spellings of the same attribute: 1-D integer `dense` for dimension lists. */
export function normalizeAttr(key: string, a: Attribute): Attribute {
  if (a.kind === "dense" && key !== "value" && a.value.type.shape.length === 1 && !isFloat(a.value.type.element)) {
    const d = a.value;
    return { kind: "ints", values: d.splat ? Array.from({ length: d.type.shape[0] }, () => d.values[0]) : d.values };
  }
  return a;
}
