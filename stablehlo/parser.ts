/**
 * The StableHLO text parser (chevrotain): the pretty forms the printer emits and JAX prints, the generic
 * form `"dialect.op"(...) <{...}> ({regions}) {...} : (types) -> types` for every op, and the spec's
 * interpreter-test ops (`check.*`). A file may hold several `// -----`-separated parts; bare
 * `func.func`s without a `module` make one module. Errors become `stablehlo-syntax` diagnostics.
 */
import { EmbeddedActionsParser, tokenMatcher, type IToken } from "chevrotain";
import { DiagnosticError, type Diagnostic } from "../contract/diagnostics.js";
import {
  type Attribute,
  type Block,
  type DenseElements,
  type DotDimensionNumbers,
  type ElementType,
  type Func,
  type FuncArg,
  type GatherDimensionNumbers,
  type Module,
  type Op,
  type Region,
  type ScatterDimensionNumbers,
  type SourceLoc,
  type TensorType,
  type Value,
  isFloat,
  numElements,
  roundToElement,
} from "./ir.js";
import {
  allTokens,
  Arrow,
  CaretId,
  Colon,
  Comma,
  Equal,
  FloatLit,
  HashId,
  HexLit,
  IntLit,
  KwAcross,
  KwApplies,
  KwArray,
  KwAttributes,
  KwCall,
  KwCond,
  KwDense,
  KwDimensions,
  KwDo,
  KwFalse,
  KwFuncCall,
  KwFuncFunc,
  KwInit,
  KwModule,
  KwPrivate,
  KwPublic,
  KwReduce,
  KwReducer,
  KwSlice,
  KwTrue,
  KwWhile,
  KwX,
  LAngle,
  LBrace,
  LBracket,
  LParen,
  Name,
  RAngle,
  RBrace,
  RBracket,
  RParen,
  Separator,
  StringLit,
  SymbolRef,
  TensorType as TensorTypeTok,
  tokenize,
  ValueId,
} from "./lexer.js";

// ---------------------------------------------------------------------------------------------
// Errors

/** A located syntax error raised while building IR from tokens. */
class SyntaxIssue extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    message: string,
  ) {
    super(message);
  }
}

function issueAt(tok: IToken, message: string): SyntaxIssue {
  return new SyntaxIssue(tok.startLine ?? 1, tok.startColumn ?? 1, message);
}

// ---------------------------------------------------------------------------------------------
// Literals and types

const ELEMENT_TYPES: readonly ElementType[] = ["f32", "bf16", "f64", "i1", "i32", "i64", "ui32"];

function elementOf(word: string, tok: IToken): ElementType {
  if ((ELEMENT_TYPES as readonly string[]).includes(word)) return word as ElementType;
  throw issueAt(tok, `unsupported element type '${word}' (supported: ${ELEMENT_TYPES.join(", ")})`);
}

/** Parsed types by spelling; a module repeats a few types many times, and types are immutable. */
const typeCache = new Map<string, TensorType>();

function tensorTypeOf(tok: IToken): TensorType {
  const cached = typeCache.get(tok.image);
  if (cached) return cached;
  const type = parseTensorType(tok);
  if (typeCache.size > 10_000) typeCache.clear();
  typeCache.set(tok.image, type);
  return type;
}

function parseTensorType(tok: IToken): TensorType {
  const m = /^tensor<((?:(?:\d+|\?)x)*)(.*)>$/.exec(tok.image)!;
  const element = elementOf(m[2], tok);
  const shape = m[1].split("x").slice(0, -1).map((d) => {
    if (d === "?") throw issueAt(tok, "dynamic dimensions are not supported");
    return Number(d);
  });
  return { shape, element };
}

/** A scalar literal as written; converted once the element type is known. */
interface Lit {
  readonly kind: "int" | "float" | "hex" | "bool";
  readonly text: string;
  readonly tok: IToken;
}

type DenseNode = { readonly list: readonly DenseNode[] } | { readonly lit: Lit };

/** The content of `dense<...>` before its type is known. */
type RawDense =
  | { readonly kind: "empty"; readonly tok: IToken }
  | { readonly kind: "scalar"; readonly lit: Lit; readonly tok: IToken }
  | { readonly kind: "list"; readonly items: readonly DenseNode[]; readonly tok: IToken }
  | { readonly kind: "hex"; readonly text: string; readonly tok: IToken };

function elementBytes(e: ElementType): number {
  return e === "i1" ? 1 : e === "bf16" ? 2 : e === "f64" || e === "i64" ? 8 : 4;
}

function wrapInt(v: bigint, e: ElementType): number {
  if (e === "i32") return Number(BigInt.asIntN(32, v));
  if (e === "ui32") return Number(BigInt.asUintN(32, v));
  if (e === "i1") return Number(v & 1n);
  return Number(BigInt.asIntN(64, v));
}

function floatFromBits(bits: bigint, e: ElementType): number {
  const buf = new DataView(new ArrayBuffer(8));
  if (e === "f64") {
    buf.setBigUint64(0, BigInt.asUintN(64, bits));
    return buf.getFloat64(0);
  }
  const b32 = e === "bf16" ? Number(BigInt.asUintN(16, bits)) << 16 : Number(BigInt.asUintN(32, bits));
  buf.setUint32(0, b32 >>> 0);
  return buf.getFloat32(0);
}

function litValue(lit: Lit, e: ElementType): number {
  if (lit.kind === "bool") {
    if (e !== "i1") throw issueAt(lit.tok, `'${lit.text}' is only valid for i1, not ${e}`);
    return lit.text === "true" ? 1 : 0;
  }
  if (lit.kind === "hex") {
    const bits = BigInt(lit.text);
    return isFloat(e) ? floatFromBits(bits, e) : wrapInt(bits, e);
  }
  if (lit.kind === "float") {
    if (!isFloat(e)) throw issueAt(lit.tok, `expected an integer literal for ${e}, found '${lit.text}'`);
    return roundToElement(Number(lit.text), e);
  }
  const v = Number(lit.text);
  if (isFloat(e)) return roundToElement(v, e);
  const ranges: Record<string, [number, number]> = {
    i1: [0, 1],
    i32: [-(2 ** 31), 2 ** 31 - 1],
    ui32: [0, 2 ** 32 - 1],
    i64: [-(2 ** 63), 2 ** 63],
  };
  const [lo, hi] = ranges[e];
  if (v < lo || v > hi) throw issueAt(lit.tok, `integer literal ${lit.text} is out of range for ${e}`);
  return v;
}

function denseOf(raw: RawDense, type: TensorType): DenseElements {
  const e = type.element;
  switch (raw.kind) {
    case "empty":
      if (numElements(type) !== 0) throw issueAt(raw.tok, `dense<> needs a tensor with no elements, not ${typeText(type)}`);
      return { type, splat: false, values: [] };
    case "scalar":
      return { type, splat: true, values: [litValue(raw.lit, e)] };
    case "hex": {
      const hex = raw.text.slice(2);
      const size = elementBytes(e);
      const count = hex.length / 2 / size;
      const n = numElements(type);
      if (!Number.isInteger(count) || (count !== n && count !== 1)) {
        throw issueAt(raw.tok, `hex dense literal holds ${hex.length / 2} bytes, not ${n} elements of ${e}`);
      }
      const values: number[] = [];
      for (let i = 0; i < count; i++) {
        // Little-endian bytes, as MLIR writes them.
        let bits = 0n;
        for (let b = size - 1; b >= 0; b--) bits = (bits << 8n) | BigInt(parseInt(hex.substr((i * size + b) * 2, 2), 16));
        values.push(isFloat(e) ? floatFromBits(bits, e) : wrapInt(bits, e));
      }
      return { type, splat: count === 1 && n !== 1, values };
    }
    case "list": {
      const values: number[] = [];
      const walk = (items: readonly DenseNode[], dim: number): void => {
        if (dim >= type.shape.length) throw issueAt(raw.tok, `dense literal nests deeper than ${typeText(type)}`);
        if (items.length !== type.shape[dim]) {
          throw issueAt(raw.tok, `dense literal has ${items.length} elements in dimension ${dim}, but ${typeText(type)} has ${type.shape[dim]}`);
        }
        for (const it of items) {
          if ("list" in it) walk(it.list, dim + 1);
          else if (dim !== type.shape.length - 1) throw issueAt(it.lit.tok, `dense literal is not nested as deep as ${typeText(type)}`);
          else values.push(litValue(it.lit, e));
        }
      };
      walk(raw.items, 0);
      return { type, splat: false, values };
    }
  }
}

function typeText(t: TensorType): string {
  return `tensor<${t.shape.map((d) => `${d}x`).join("")}${t.element}>`;
}

function unquote(s: string): string {
  // MLIR strings escape `\"`, `\\`, `\n`, `\t` and `\XX` (two hex digits).
  return s.slice(1, -1).replace(/\\([0-9a-fA-F]{2}|.)/g, (_, c: string) => {
    if (c.length === 2) return String.fromCharCode(parseInt(c, 16));
    return c === "n" ? "\n" : c === "t" ? "\t" : c;
  });
}

function symbolName(image: string): string {
  const s = image.slice(1);
  return s.startsWith('"') ? unquote(s) : s;
}

// ---------------------------------------------------------------------------------------------
// Attributes

/** Marks a list attribute of non-integers, which only dropped attributes may hold. */
const UNSUPPORTED_LIST = "\u0000unsupported-list";

/** Precision hints do not change the reference semantics; they are accepted and dropped. */
const DROPPED_ATTRS = new Set(["precision_config", "precision", "algorithm"]);

interface HashEntry {
  readonly key: string;
  readonly keyTok: IToken;
  readonly ints?: readonly number[];
  readonly int?: number;
}

function hashAttr(head: IToken, word: IToken | undefined, value: IToken | undefined, entries: HashEntry[]): Attribute {
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

function numberAttr(tok: IToken, typeTok: IToken | undefined): Attribute {
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

// ---------------------------------------------------------------------------------------------
// Pretty (custom-assembly) forms

type PrettyValue =
  | { readonly kind: "list"; readonly items: readonly (number | string)[]; readonly second?: readonly number[]; readonly tok: IToken }
  | { readonly kind: "number"; readonly tok: IToken; readonly typeTok?: IToken }
  | { readonly kind: "word"; readonly tok: IToken }
  | { readonly kind: "string"; readonly tok: IToken };

type PrettyItem =
  | { readonly kind: "value"; readonly tok: IToken }
  | { readonly kind: "word"; readonly tok: IToken }
  | { readonly kind: "keyed"; readonly tok: IToken; readonly value: PrettyValue }
  | { readonly kind: "dense"; readonly dense: RawDense };

interface TypeSig {
  /** `(a, b) -> r` form. */
  readonly inputs?: readonly TensorType[];
  readonly outputs?: readonly TensorType[];
  /** `: a, b` form. */
  readonly list?: readonly TensorType[];
  readonly tok: IToken;
}

/** Most results one op may define (`%r:N = ...`); real ops have a handful. */
const MAX_OP_RESULTS = 65_536;

interface ResultDef {
  readonly tok: IToken;
  readonly count?: number;
}

interface Keyed {
  readonly tok: IToken;
  readonly value: PrettyValue;
}

function resultValues(defs: readonly ResultDef[], types: readonly TensorType[], at: IToken): Value[] {
  const names: string[] = [];
  for (const d of defs) {
    if (d.count === undefined) names.push(d.tok.image);
    else for (let i = 0; i < d.count; i++) names.push(`${d.tok.image}#${i}`);
  }
  if (names.length !== types.length) {
    throw issueAt(at, `the op defines ${names.length} result(s) but its type lists ${types.length}`);
  }
  return names.map((name, i) => ({ name, type: types[i] }));
}

function intsOf(v: PrettyValue, what: string): number[] {
  if (v.kind !== "list" || v.second || v.items.some((x) => typeof x !== "number")) {
    throw issueAt(v.tok, `${what} takes a list of integers like [0, 1]`);
  }
  return v.items as number[];
}

function intOf(v: PrettyValue, what: string): number {
  if (v.kind !== "number" || v.tok.tokenType !== IntLit) throw issueAt(v.tok, `${what} takes an integer`);
  return Number(v.tok.image);
}

/** Which attribute a pretty `key = value` spells, per op. */
const PRETTY_KEYS: Record<string, Record<string, (v: PrettyValue) => [string, Attribute] | undefined>> = {
  "stablehlo.broadcast_in_dim": { dims: (v) => ["broadcast_dimensions", { kind: "ints", values: intsOf(v, "dims") }] },
  "stablehlo.transpose": { dims: (v) => ["permutation", { kind: "ints", values: intsOf(v, "dims") }] },
  "stablehlo.reverse": { dims: (v) => ["dimensions", { kind: "ints", values: intsOf(v, "dims") }] },
  "stablehlo.dynamic_slice": { sizes: (v) => ["slice_sizes", { kind: "ints", values: intsOf(v, "sizes") }] },
  "stablehlo.iota": { dim: (v) => ["iota_dimension", { kind: "int", value: intOf(v, "dim") }] },
  "stablehlo.concatenate": { dim: (v) => ["dimension", { kind: "int", value: intOf(v, "dim") }] },
  "stablehlo.dot_general": { precision: () => undefined, algorithm: () => undefined },
  "check.expect_almost_eq": { tolerance: (v) => ["tolerance", toleranceOf(v)] },
  "check.expect_almost_eq_const": { tolerance: (v) => ["tolerance", toleranceOf(v)] },
  "check.expect_close": {
    max_ulp_difference: (v) => ["max_ulp_difference", { kind: "int", value: intOf(v, "max_ulp_difference") }],
    min_ulp_difference: (v) => ["min_ulp_difference", { kind: "int", value: intOf(v, "min_ulp_difference") }],
  },
};

function toleranceOf(v: PrettyValue): Attribute {
  if (v.kind !== "number") throw issueAt(v.tok, "tolerance takes a number");
  const a = numberAttr(v.tok, v.typeTok);
  // `tolerance = 1` is still a float tolerance.
  return a.kind === "int" ? { kind: "float", value: a.value } : a;
}

function dotDims(keyed: Keyed[]): DotDimensionNumbers {
  const pair = (key: string): [readonly number[], readonly number[]] => {
    const k = keyed.find((x) => x.tok.image === key);
    if (!k) return [[], []];
    const v = k.value;
    if (v.kind !== "list" || !v.second || v.items.some((x) => typeof x !== "number")) {
      throw issueAt(k.tok, `${key} takes '[..] x [..]'`);
    }
    return [v.items as number[], v.second];
  };
  const [lb, rb] = pair("batching_dims");
  const [lc, rc] = pair("contracting_dims");
  return { lhsBatchingDimensions: lb, rhsBatchingDimensions: rb, lhsContractingDimensions: lc, rhsContractingDimensions: rc };
}

function canonicalOpName(name: string): string {
  if (name === "return") return "func.return";
  if (name === "call") return "func.call";
  return name;
}

interface PrettyParts {
  readonly nameTok: IToken;
  readonly items: readonly PrettyItem[];
  readonly dict: Record<string, Attribute>;
  readonly sig?: TypeSig;
  readonly trailing: readonly Keyed[];
}

function buildPrettyOp(p: PrettyParts, results: readonly ResultDef[], loc: SourceLoc, startTok: IToken): Op {
  const name = canonicalOpName(p.nameTok.image);
  const operandToks: IToken[] = [];
  const words: IToken[] = [];
  const keyed: Keyed[] = [...p.trailing];
  let dense: RawDense | undefined;
  for (const it of p.items) {
    if (it.kind === "value") operandToks.push(it.tok);
    else if (it.kind === "word") words.push(it.tok);
    else if (it.kind === "keyed") keyed.push({ tok: it.tok, value: it.value });
    else if (dense) throw issueAt(it.dense.tok, "only one dense literal is allowed here");
    else dense = it.dense;
  }
  const attrs: Record<string, Attribute> = { ...p.dict };

  if (name === "stablehlo.compare") {
    if (words.length < 1 || words.length > 2) throw issueAt(p.nameTok, "stablehlo.compare needs a direction (EQ, NE, GE, GT, LE, LT) and an optional comparison type");
    attrs.comparison_direction = { kind: "enum", value: words[0].image };
    if (words[1]) attrs.compare_type = { kind: "enum", value: words[1].image };
  } else if (words.length > 0) {
    throw issueAt(words[0], `unexpected '${words[0].image}' in ${name}`);
  }
  if (name === "stablehlo.dot_general") {
    for (const k of keyed) {
      if (!["batching_dims", "contracting_dims", "precision", "algorithm"].includes(k.tok.image)) throw issueAt(k.tok, `unexpected '${k.tok.image}' in ${name}`);
    }
    attrs.dot_dimension_numbers = { kind: "dot", value: dotDims(keyed) };
  } else {
    const table = PRETTY_KEYS[name] ?? {};
    for (const k of keyed) {
      const f = table[k.tok.image];
      if (!f) throw issueAt(k.tok, `unexpected '${k.tok.image} = ...' in ${name}`);
      const kv = f(k.value);
      if (kv) attrs[kv[0]] = kv[1];
    }
  }

  const nResults = results.reduce((n, r) => n + (r.count ?? 1), 0);
  const nOperands = operandToks.length;
  let operandTypes: readonly TensorType[];
  let resultTypes: readonly TensorType[];
  const sig = p.sig;
  if (!sig) {
    if (nOperands > 0 || nResults > 0 || dense) throw issueAt(p.nameTok, `${name} needs ': <types>'`);
    operandTypes = [];
    resultTypes = [];
  } else if (sig.inputs) {
    operandTypes = sig.inputs;
    resultTypes = sig.outputs ?? [];
    if (operandTypes.length !== nOperands) {
      throw issueAt(sig.tok, `${name} has ${nOperands} operand(s) but its type lists ${operandTypes.length}`);
    }
  } else {
    const ts = sig.list ?? [];
    if (name === "stablehlo.select" && nResults === 1 && ts.length === 2 && nOperands === 3) {
      operandTypes = [ts[0], ts[1], ts[1]];
      resultTypes = [ts[1]];
    } else if (ts.length === 1) {
      operandTypes = operandToks.map(() => ts[0]);
      resultTypes = Array.from({ length: nResults }, () => ts[0]);
    } else if (ts.length === nOperands && (nResults === 0 || nResults === nOperands)) {
      operandTypes = ts;
      resultTypes = nResults === 0 ? [] : ts;
    } else {
      throw issueAt(sig.tok, `cannot match the types of ${name} to its ${nOperands} operand(s) and ${nResults} result(s)`);
    }
  }
  if (dense) {
    const denseType = name === "stablehlo.constant" ? resultTypes[0] : operandTypes[0];
    if (!denseType) throw issueAt(dense.tok, `${name} needs a type for its dense literal`);
    attrs.value = { kind: "dense", value: denseOf(dense, denseType) };
  }
  return {
    name,
    operands: operandToks.map((t, i) => ({ name: t.image, type: operandTypes[i] })),
    results: resultValues(results, resultTypes, startTok),
    attrs,
    regions: [],
    loc,
  };
}

// ---------------------------------------------------------------------------------------------
// The grammar

type Top = { readonly kind: "module"; readonly module: Module } | { readonly kind: "func"; readonly func: Func };

class StableHloParser extends EmbeddedActionsParser {
  file = "<input>";
  private fresh = 0;

  constructor() {
    super(allTokens, { maxLookahead: 3 });
    this.performSelfAnalysis();
  }

  begin(file: string): void {
    this.file = file;
    this.fresh = 0;
  }

  private loc(tok: IToken): SourceLoc {
    return { file: this.file, line: tok.startLine ?? 1, column: tok.startColumn ?? 1 };
  }

  topLevel = this.RULE("topLevel", (): Top[] => {
    const out: Top[] = [];
    this.MANY(() => {
      this.OR([
        { ALT: () => out.push({ kind: "module", module: this.SUBRULE(this.moduleDef) }) },
        { ALT: () => out.push({ kind: "func", func: this.SUBRULE(this.funcDef) }) },
      ]);
    });
    return out;
  });

  private moduleDef = this.RULE("moduleDef", (): Module => {
    const kw = this.CONSUME(KwModule);
    const sym = this.OPTION(() => this.CONSUME(SymbolRef));
    let attrs: Record<string, Attribute> = {};
    this.OPTION1(() => {
      this.CONSUME(KwAttributes);
      attrs = this.SUBRULE(this.attrDict);
    });
    this.CONSUME(LBrace);
    const funcs: Func[] = [];
    this.MANY(() => funcs.push(this.SUBRULE(this.funcDef)));
    this.CONSUME(RBrace);
    return this.ACTION(() => (sym ? { name: symbolName(sym.image), attrs, funcs, loc: this.loc(kw) } : { attrs, funcs, loc: this.loc(kw) }));
  });

  private funcDef = this.RULE("funcDef", (): Func => {
    const kw = this.CONSUME(KwFuncFunc);
    let visibility: "public" | "private" = "public";
    this.OPTION(() =>
      this.OR([
        { ALT: () => void this.CONSUME(KwPublic) },
        { ALT: () => void (this.CONSUME(KwPrivate), (visibility = "private")) },
      ]),
    );
    const sym = this.CONSUME(SymbolRef);
    this.CONSUME(LParen);
    const args: FuncArg[] = [];
    this.MANY_SEP({ SEP: Comma, DEF: () => args.push(this.SUBRULE(this.argDecl)) });
    this.CONSUME(RParen);
    let resultTypes: TensorType[] = [];
    this.OPTION1(() => {
      this.CONSUME(Arrow);
      resultTypes = this.SUBRULE(this.funcResults);
    });
    this.OPTION2(() => {
      // Function attributes carry nothing the project uses.
      this.CONSUME(KwAttributes);
      this.SUBRULE(this.attrDict);
    });
    this.CONSUME(LBrace);
    const ops = this.SUBRULE(this.opList);
    this.CONSUME(RBrace);
    return this.ACTION(() => {
      const body: Block = { args, ops };
      return { name: symbolName(sym.image), visibility, args, resultTypes, body, loc: this.loc(kw) };
    });
  });

  private argDecl = this.RULE("argDecl", (): FuncArg => {
    const v = this.CONSUME(ValueId);
    this.CONSUME(Colon);
    const t = this.CONSUME(TensorTypeTok);
    let attrs: Record<string, Attribute> = {};
    this.OPTION(() => (attrs = this.SUBRULE(this.attrDict)));
    return this.ACTION(() => ({ name: v.image, type: tensorTypeOf(t), attrs }));
  });

  private funcResults = this.RULE("funcResults", (): TensorType[] => {
    const out: TensorType[] = [];
    this.OR([
      {
        ALT: () => {
          this.CONSUME(LParen);
          this.MANY_SEP({
            SEP: Comma,
            DEF: () => {
              const t = this.CONSUME(TensorTypeTok);
              // Result attributes (jax.result_info) are not kept.
              this.OPTION(() => this.SUBRULE(this.attrDict));
              this.ACTION(() => out.push(tensorTypeOf(t)));
            },
          });
          this.CONSUME(RParen);
        },
      },
      {
        ALT: () => {
          const t = this.CONSUME1(TensorTypeTok);
          this.ACTION(() => out.push(tensorTypeOf(t)));
        },
      },
    ]);
    return out;
  });

  private opList = this.RULE("opList", (): Op[] => {
    const ops: Op[] = [];
    this.MANY(() => ops.push(this.SUBRULE(this.op)));
    return ops;
  });

  private op = this.RULE("op", (): Op => {
    const first = this.LA(1);
    let results: ResultDef[] = [];
    this.OPTION(() => (results = this.SUBRULE(this.resultList)));
    return this.OR([
      { ALT: () => this.SUBRULE(this.genericOp, { ARGS: [results, first] }) },
      { ALT: () => this.SUBRULE(this.reduceOp, { ARGS: [results, first] }) },
      { ALT: () => this.SUBRULE(this.whileOp, { ARGS: [results, first] }) },
      { ALT: () => this.SUBRULE(this.sliceOp, { ARGS: [results, first] }) },
      { ALT: () => this.SUBRULE(this.callOp, { ARGS: [results, first] }) },
      { ALT: () => this.SUBRULE(this.prettyOp, { ARGS: [results, first] }) },
    ]);
  });

  private resultList = this.RULE("resultList", (): ResultDef[] => {
    const out: ResultDef[] = [];
    this.AT_LEAST_ONE_SEP({
      SEP: Comma,
      DEF: () => {
        const tok = this.CONSUME(ValueId);
        let count: number | undefined;
        this.OPTION(() => {
          this.CONSUME(Colon);
          const n = this.CONSUME(IntLit);
          this.ACTION(() => (count = Number(n.image)));
        });
        this.ACTION(() => {
          if (tok.image.includes("#")) throw issueAt(tok, `a result name cannot contain '#': ${tok.image}`);
          out.push({ tok, count });
        });
      },
    });
    const eq = this.CONSUME(Equal);
    // Checked before anything makes a name or a type per result (`%r:18446744073709551616 = ...`).
    this.ACTION(() => {
      const total = out.reduce((n, r) => n + (r.count ?? 1), 0);
      if (total > MAX_OP_RESULTS) throw issueAt(eq, `an op with ${total} results: at most ${MAX_OP_RESULTS}`);
    });
    return out;
  });

  private valueList = this.RULE("valueList", (): IToken[] => {
    const out: IToken[] = [];
    this.MANY_SEP({ SEP: Comma, DEF: () => out.push(this.CONSUME(ValueId)) });
    return out;
  });

  private typeList = this.RULE("typeList", (): TensorType[] => {
    const toks: IToken[] = [];
    this.MANY_SEP({ SEP: Comma, DEF: () => toks.push(this.CONSUME(TensorTypeTok)) });
    return this.ACTION(() => toks.map(tensorTypeOf));
  });

  private functionType = this.RULE("functionType", (): TypeSig => {
    const tok = this.CONSUME(LParen);
    const inputs = this.SUBRULE(this.typeList);
    this.CONSUME(RParen);
    this.CONSUME(Arrow);
    const outputs = this.SUBRULE(this.funcResults);
    return { inputs, outputs, tok };
  });

  /** `: (a, b) -> r` or `: a, b` (types of operands and results alike, by op). */
  private typeSig = this.RULE("typeSig", (): TypeSig => {
    return this.OR([
      { ALT: () => this.SUBRULE(this.functionType) },
      {
        ALT: () => {
          const toks = [this.CONSUME(TensorTypeTok)];
          // A following `, key = value` belongs to the op, not to this list.
          this.MANY({
            GATE: () => this.LA(2).tokenType === TensorTypeTok,
            DEF: () => {
              this.CONSUME(Comma);
              toks.push(this.CONSUME1(TensorTypeTok));
            },
          });
          return this.ACTION(() => ({ list: toks.map(tensorTypeOf), tok: toks[0] }));
        },
      },
    ]);
  });

  private region = this.RULE("region", (): Region => {
    this.CONSUME(LBrace);
    const args: Value[] = [];
    this.OPTION(() => {
      this.CONSUME(CaretId);
      this.OPTION1(() => {
        this.CONSUME(LParen);
        this.MANY_SEP({ SEP: Comma, DEF: () => args.push(this.SUBRULE(this.blockArg)) });
        this.CONSUME(RParen);
      });
      this.CONSUME(Colon);
    });
    const ops = this.SUBRULE(this.opList);
    this.CONSUME(RBrace);
    return { blocks: [{ args, ops }] };
  });

  private blockArg = this.RULE("blockArg", (): Value => {
    const v = this.CONSUME(ValueId);
    this.CONSUME(Colon);
    const t = this.CONSUME(TensorTypeTok);
    return this.ACTION(() => ({ name: v.image, type: tensorTypeOf(t) }));
  });

  private genericOp = this.RULE("genericOp", (results: ResultDef[], first: IToken): Op => {
    const nameTok = this.CONSUME(StringLit);
    this.CONSUME(LParen);
    const operands = this.SUBRULE(this.valueList);
    this.CONSUME(RParen);
    let attrs: Record<string, Attribute> = {};
    this.OPTION(() => {
      this.CONSUME(LAngle);
      attrs = this.SUBRULE(this.attrDict);
      this.CONSUME(RAngle);
    });
    const regions: Region[] = [];
    this.OPTION1(() => {
      this.CONSUME1(LParen);
      this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => regions.push(this.SUBRULE(this.region)) });
      this.CONSUME1(RParen);
    });
    this.OPTION2(() => {
      const more = this.SUBRULE1(this.attrDict);
      this.ACTION(() => Object.assign(attrs, more));
    });
    this.CONSUME(Colon);
    const sig = this.SUBRULE(this.functionType);
    return this.ACTION(() => {
      const name = canonicalOpName(unquote(nameTok.image));
      const inputs = sig.inputs ?? [];
      if (inputs.length !== operands.length) {
        throw issueAt(sig.tok, `${name} has ${operands.length} operand(s) but its type lists ${inputs.length}`);
      }
      return {
        name,
        operands: operands.map((t, i) => ({ name: t.image, type: inputs[i] })),
        results: resultValues(results, sig.outputs ?? [], first),
        attrs,
        regions,
        loc: this.loc(first),
      };
    });
  });

  private reduceOp = this.RULE("reduceOp", (results: ResultDef[], first: IToken): Op => {
    const kw = this.CONSUME(KwReduce);
    const inputs: IToken[] = [];
    const inits: IToken[] = [];
    this.AT_LEAST_ONE_SEP({
      SEP: Comma,
      DEF: () => {
        this.CONSUME(LParen);
        inputs.push(this.CONSUME(ValueId));
        this.CONSUME(KwInit);
        this.CONSUME(Colon);
        inits.push(this.CONSUME1(ValueId));
        this.CONSUME(RParen);
      },
    });
    let applies: IToken | undefined;
    this.OPTION(() => {
      this.CONSUME(KwApplies);
      applies = this.CONSUME(Name);
    });
    this.CONSUME(KwAcross);
    this.CONSUME(KwDimensions);
    this.CONSUME(Equal);
    const dims = this.SUBRULE(this.intList);
    let attrs: Record<string, Attribute> = {};
    this.OPTION1(() => (attrs = this.SUBRULE(this.attrDict)));
    this.CONSUME1(Colon);
    const sig = this.SUBRULE(this.functionType);
    const lhs: Value[] = [];
    const rhs: Value[] = [];
    let ops: Op[] | undefined;
    this.OPTION2(() => {
      this.CONSUME(KwReducer);
      this.AT_LEAST_ONE(() => {
        this.CONSUME1(LParen);
        lhs.push(this.SUBRULE(this.blockArg));
        this.CONSUME(Comma);
        rhs.push(this.SUBRULE1(this.blockArg));
        this.CONSUME1(RParen);
      });
      this.CONSUME(LBrace);
      ops = this.SUBRULE(this.opList);
      this.CONSUME(RBrace);
    });
    return this.ACTION(() => {
      const n = inputs.length;
      const inTypes = sig.inputs ?? [];
      if (inTypes.length !== 2 * n) throw issueAt(sig.tok, `stablehlo.reduce of ${n} input(s) needs ${2 * n} operand types, found ${inTypes.length}`);
      const operands = [...inputs, ...inits].map((t, i) => ({ name: t.image, type: inTypes[i] }));
      let body: Block;
      if (applies) {
        if (ops) throw issueAt(kw, "stablehlo.reduce cannot have both 'applies' and a reducer body");
        if (n !== 1) throw issueAt(applies, "'applies' needs a reduce of exactly one input");
        // The compact form's block arguments are never printed; give them names nothing else can use.
        const id = this.fresh++;
        const t: TensorType = { shape: [], element: inTypes[1].element };
        const a = { name: `%__reduce${id}_lhs`, type: t };
        const b = { name: `%__reduce${id}_rhs`, type: t };
        const r = { name: `%__reduce${id}_out`, type: t };
        const loc = this.loc(applies);
        body = {
          args: [a, b],
          ops: [
            { name: applies.image, operands: [a, b], results: [r], attrs: {}, regions: [], loc },
            { name: "stablehlo.return", operands: [r], results: [], attrs: {}, regions: [], loc },
          ],
        };
      } else {
        if (!ops) throw issueAt(kw, "stablehlo.reduce needs 'applies <op>' or a 'reducer(...) {...}' body");
        if (lhs.length !== n) throw issueAt(kw, `stablehlo.reduce of ${n} input(s) needs ${n} reducer argument pair(s), found ${lhs.length}`);
        body = { args: [...lhs, ...rhs], ops };
      }
      return {
        name: "stablehlo.reduce",
        operands,
        results: resultValues(results, sig.outputs ?? [], first),
        attrs: { ...attrs, dimensions: { kind: "ints", values: dims } },
        regions: [{ blocks: [body] }],
        loc: this.loc(first),
      };
    });
  });

  private whileOp = this.RULE("whileOp", (results: ResultDef[], first: IToken): Op => {
    const kw = this.CONSUME(KwWhile);
    this.CONSUME(LParen);
    const iter: IToken[] = [];
    const inits: IToken[] = [];
    this.MANY_SEP({
      SEP: Comma,
      DEF: () => {
        iter.push(this.CONSUME(ValueId));
        this.CONSUME(Equal);
        inits.push(this.CONSUME1(ValueId));
      },
    });
    this.CONSUME(RParen);
    let attrs: Record<string, Attribute> = {};
    this.OPTION(() => {
      this.CONSUME(KwAttributes);
      attrs = this.SUBRULE(this.attrDict);
    });
    let types: TensorType[] = [];
    this.OPTION1(() => {
      this.CONSUME(Colon);
      types = this.SUBRULE(this.typeList);
    });
    this.CONSUME(KwCond);
    this.CONSUME(LBrace);
    const condOps = this.SUBRULE(this.opList);
    this.CONSUME(RBrace);
    this.CONSUME(KwDo);
    this.CONSUME1(LBrace);
    const bodyOps = this.SUBRULE1(this.opList);
    this.CONSUME1(RBrace);
    return this.ACTION(() => {
      if (types.length !== iter.length) throw issueAt(kw, `stablehlo.while has ${iter.length} loop value(s) but ${types.length} type(s)`);
      const args = iter.map((t, i) => ({ name: t.image, type: types[i] }));
      return {
        name: "stablehlo.while",
        operands: inits.map((t, i) => ({ name: t.image, type: types[i] })),
        results: resultValues(results, types, first),
        attrs,
        regions: [{ blocks: [{ args, ops: condOps }] }, { blocks: [{ args, ops: bodyOps }] }],
        loc: this.loc(first),
      };
    });
  });

  private sliceOp = this.RULE("sliceOp", (results: ResultDef[], first: IToken): Op => {
    this.CONSUME(KwSlice);
    const x = this.CONSUME(ValueId);
    this.CONSUME(LBracket);
    const start: number[] = [];
    const limit: number[] = [];
    const strides: number[] = [];
    this.MANY_SEP({
      SEP: Comma,
      DEF: () => {
        const s = this.CONSUME(IntLit);
        this.CONSUME(Colon);
        const l = this.CONSUME1(IntLit);
        let st: IToken | undefined;
        this.OPTION(() => {
          this.CONSUME1(Colon);
          st = this.CONSUME2(IntLit);
        });
        this.ACTION(() => {
          start.push(Number(s.image));
          limit.push(Number(l.image));
          strides.push(st ? Number(st.image) : 1);
        });
      },
    });
    this.CONSUME(RBracket);
    let attrs: Record<string, Attribute> = {};
    this.OPTION1(() => (attrs = this.SUBRULE(this.attrDict)));
    this.CONSUME2(Colon);
    const sig = this.SUBRULE(this.typeSig);
    return this.ACTION(() => {
      const inType = sig.inputs ? sig.inputs[0] : sig.list?.[0];
      const outTypes = sig.inputs ? (sig.outputs ?? []) : (sig.list ?? []);
      if (!inType || (sig.inputs && sig.inputs.length !== 1)) throw issueAt(sig.tok, "stablehlo.slice takes one operand");
      return {
        name: "stablehlo.slice",
        operands: [{ name: x.image, type: inType }],
        results: resultValues(results, outTypes, first),
        attrs: {
          ...attrs,
          start_indices: { kind: "ints", values: start },
          limit_indices: { kind: "ints", values: limit },
          strides: { kind: "ints", values: strides },
        },
        regions: [],
        loc: this.loc(first),
      };
    });
  });

  private callOp = this.RULE("callOp", (results: ResultDef[], first: IToken): Op => {
    this.OR([{ ALT: () => this.CONSUME(KwFuncCall) }, { ALT: () => this.CONSUME(KwCall) }]);
    const callee = this.CONSUME(SymbolRef);
    this.CONSUME(LParen);
    const operands = this.SUBRULE(this.valueList);
    this.CONSUME(RParen);
    let attrs: Record<string, Attribute> = {};
    this.OPTION(() => (attrs = this.SUBRULE(this.attrDict)));
    this.CONSUME(Colon);
    const sig = this.SUBRULE(this.functionType);
    return this.ACTION(() => {
      const inputs = sig.inputs ?? [];
      if (inputs.length !== operands.length) throw issueAt(sig.tok, `func.call has ${operands.length} operand(s) but its type lists ${inputs.length}`);
      return {
        name: "func.call",
        operands: operands.map((t, i) => ({ name: t.image, type: inputs[i] })),
        results: resultValues(results, sig.outputs ?? [], first),
        attrs: { ...attrs, callee: { kind: "symbol", value: symbolName(callee.image) } },
        regions: [],
        loc: this.loc(first),
      };
    });
  });

  private prettyOp = this.RULE("prettyOp", (results: ResultDef[], first: IToken): Op => {
    const nameTok = this.CONSUME(Name);
    const items: PrettyItem[] = [];
    // The first item sits on the op's line, so a bare `return` never swallows the next op.
    this.OPTION({
      GATE: () => this.LA(1).startLine === nameTok.startLine,
      DEF: () => {
        items.push(this.SUBRULE(this.prettyItem));
        this.MANY(() => {
          this.CONSUME(Comma);
          items.push(this.SUBRULE1(this.prettyItem));
        });
      },
    });
    let dict: Record<string, Attribute> = {};
    this.OPTION1(() => (dict = this.SUBRULE(this.attrDict)));
    let sig: TypeSig | undefined;
    this.OPTION2(() => {
      this.CONSUME(Colon);
      sig = this.SUBRULE(this.typeSig);
    });
    // The spec's check ops also put the attribute dictionary after the type.
    this.OPTION3(() => {
      const more = this.SUBRULE1(this.attrDict);
      this.ACTION(() => (dict = { ...dict, ...more }));
    });
    const trailing: Keyed[] = [];
    this.MANY1(() => {
      this.CONSUME1(Comma);
      const k = this.CONSUME1(Name);
      this.CONSUME(Equal);
      const value = this.SUBRULE(this.prettyValue);
      trailing.push({ tok: k, value });
    });
    return this.ACTION(() => buildPrettyOp({ nameTok, items, dict, sig, trailing }, results, this.loc(first), first));
  });

  private prettyItem = this.RULE("prettyItem", (): PrettyItem => {
    return this.OR([
      { ALT: () => ({ kind: "value", tok: this.CONSUME(ValueId) }) as PrettyItem },
      { ALT: () => ({ kind: "dense", dense: this.SUBRULE(this.denseLit) }) as PrettyItem },
      {
        ALT: () => {
          const tok = this.CONSUME(Name);
          let value: PrettyValue | undefined;
          this.OPTION(() => {
            this.CONSUME(Equal);
            value = this.SUBRULE(this.prettyValue);
          });
          return (value ? { kind: "keyed", tok, value } : { kind: "word", tok }) as PrettyItem;
        },
      },
    ]);
  });

  private prettyValue = this.RULE("prettyValue", (): PrettyValue => {
    return this.OR([
      {
        ALT: () => {
          const tok = this.CONSUME(LBracket);
          const items: (number | string)[] = [];
          this.MANY_SEP({
            SEP: Comma,
            DEF: () =>
              this.OR1([
                {
                  ALT: () => {
                    const t = this.CONSUME(IntLit);
                    this.ACTION(() => items.push(Number(t.image)));
                  },
                },
                {
                  ALT: () => {
                    const t = this.CONSUME(Name);
                    this.ACTION(() => items.push(t.image));
                  },
                },
              ]),
          });
          this.CONSUME(RBracket);
          let second: number[] | undefined;
          this.OPTION(() => {
            this.CONSUME(KwX);
            second = this.SUBRULE(this.intList);
          });
          return { kind: "list", items, second, tok } as PrettyValue;
        },
      },
      {
        ALT: () => {
          const tok = this.OR2([
            { ALT: () => this.CONSUME1(IntLit) },
            { ALT: () => this.CONSUME(FloatLit) },
            { ALT: () => this.CONSUME(HexLit) },
          ]);
          let typeTok: IToken | undefined;
          // `tolerance = 1e-3 : f64`; chevrotain looks ahead within a rule only, so the gate tells this
          // type apart from the op's own `: tensor<...>` that may follow.
          this.OPTION1({
            GATE: () => tokenMatcher(this.LA(2), Name),
            DEF: () => {
              this.CONSUME(Colon);
              typeTok = this.CONSUME1(Name);
            },
          });
          return { kind: "number", tok, typeTok } as PrettyValue;
        },
      },
      { ALT: () => ({ kind: "string", tok: this.CONSUME(StringLit) }) as PrettyValue },
      { ALT: () => ({ kind: "word", tok: this.CONSUME2(Name) }) as PrettyValue },
      {
        // dot_general's `algorithm = <lhs_precision_type = tf32, ...>`: read, then dropped as a hint.
        ALT: () => {
          const tok = this.CONSUME(LAngle);
          this.MANY_SEP1({
            SEP: Comma,
            DEF: () => {
              this.CONSUME3(Name);
              this.CONSUME(Equal);
              this.OR3([{ ALT: () => this.CONSUME4(Name) }, { ALT: () => this.CONSUME3(IntLit) }]);
            },
          });
          this.CONSUME(RAngle);
          return { kind: "word", tok } as PrettyValue;
        },
      },
    ]);
  });

  private intList = this.RULE("intList", (): number[] => {
    this.CONSUME(LBracket);
    const toks: IToken[] = [];
    this.MANY_SEP({ SEP: Comma, DEF: () => toks.push(this.CONSUME(IntLit)) });
    this.CONSUME(RBracket);
    return this.ACTION(() => toks.map((t) => Number(t.image)));
  });

  private denseLit = this.RULE("denseLit", (): RawDense => {
    const tok = this.CONSUME(KwDense);
    this.CONSUME(LAngle);
    let raw: RawDense = { kind: "empty", tok };
    this.OPTION(() => {
      raw = this.OR([
        { ALT: () => ({ kind: "scalar", lit: this.SUBRULE(this.denseScalar), tok }) as RawDense },
        { ALT: () => ({ kind: "list", items: this.SUBRULE(this.denseList), tok }) as RawDense },
        {
          ALT: () => {
            const s = this.CONSUME(StringLit);
            return this.ACTION(() => ({ kind: "hex", text: unquote(s.image), tok })) as RawDense;
          },
        },
      ]);
    });
    this.CONSUME(RAngle);
    return raw;
  });

  private denseList = this.RULE("denseList", (): DenseNode[] => {
    this.CONSUME(LBracket);
    const items: DenseNode[] = [];
    this.MANY_SEP({
      SEP: Comma,
      DEF: () =>
        this.OR([
          { ALT: () => items.push({ list: this.SUBRULE(this.denseList) }) },
          { ALT: () => items.push({ lit: this.SUBRULE(this.denseScalar) }) },
        ]),
    });
    this.CONSUME(RBracket);
    return items;
  });

  private denseScalar = this.RULE("denseScalar", (): Lit => {
    let kind: Lit["kind"] = "int";
    const tok = this.OR([
      { ALT: () => this.CONSUME(IntLit) },
      { ALT: () => ((kind = "float"), this.CONSUME(FloatLit)) },
      { ALT: () => ((kind = "hex"), this.CONSUME(HexLit)) },
      { ALT: () => ((kind = "bool"), this.CONSUME(KwTrue)) },
      { ALT: () => ((kind = "bool"), this.CONSUME(KwFalse)) },
    ]);
    return this.ACTION(() => ({ kind, text: tok.image, tok }));
  });

  private attrDict = this.RULE("attrDict", (): Record<string, Attribute> => {
    this.CONSUME(LBrace);
    const out: Record<string, Attribute> = {};
    this.MANY_SEP({
      SEP: Comma,
      DEF: () => {
        const key = this.OR([{ ALT: () => this.CONSUME(Name) }, { ALT: () => this.CONSUME(StringLit) }]);
        let value: Attribute | undefined;
        this.OPTION(() => {
          this.CONSUME(Equal);
          value = this.SUBRULE(this.attrValue);
        });
        this.ACTION(() => {
          const k = key.tokenType === StringLit ? unquote(key.image) : key.image;
          if (DROPPED_ATTRS.has(k)) return;
          if (value?.kind === "string" && value.value === UNSUPPORTED_LIST) {
            throw issueAt((value as unknown as { tok: IToken }).tok, `only lists of integers are supported, in '${k}'`);
          }
          // A key without a value is MLIR's unit attribute.
          out[k] = normalizeAttr(k, value ?? { kind: "bool", value: true });
        });
      },
    });
    this.CONSUME(RBrace);
    return out;
  });

  private attrValue = this.RULE("attrValue", (): Attribute => {
    return this.OR([
      {
        ALT: () => {
          const tok = this.OR1([
            { ALT: () => this.CONSUME(IntLit) },
            { ALT: () => this.CONSUME(FloatLit) },
            { ALT: () => this.CONSUME(HexLit) },
          ]);
          let typeTok: IToken | undefined;
          this.OPTION({
            GATE: () => tokenMatcher(this.LA(2), Name),
            DEF: () => {
              this.CONSUME(Colon);
              typeTok = this.CONSUME(Name);
            },
          });
          return this.ACTION(() => numberAttr(tok, typeTok));
        },
      },
      {
        ALT: () => {
          const t = this.CONSUME(StringLit);
          return this.ACTION(() => ({ kind: "string", value: unquote(t.image) }) as Attribute);
        },
      },
      {
        ALT: () => {
          const t = this.CONSUME(SymbolRef);
          return this.ACTION(() => ({ kind: "symbol", value: symbolName(t.image) }) as Attribute);
        },
      },
      {
        ALT: () => {
          this.CONSUME(KwArray);
          this.CONSUME(LAngle);
          const et = this.CONSUME1(Name);
          const toks: IToken[] = [];
          this.OPTION1(() => {
            this.CONSUME1(Colon);
            this.MANY_SEP({ SEP: Comma, DEF: () => toks.push(this.CONSUME1(IntLit)) });
          });
          this.CONSUME(RAngle);
          return this.ACTION(() => {
            if (et.image !== "i64" && et.image !== "i32") throw issueAt(et, `unsupported array element type '${et.image}'`);
            return { kind: "ints", values: toks.map((t) => Number(t.image)) } as Attribute;
          });
        },
      },
      {
        ALT: () => {
          const raw = this.SUBRULE(this.denseLit);
          this.CONSUME2(Colon);
          const t = this.CONSUME(TensorTypeTok);
          return this.ACTION(() => ({ kind: "dense", value: denseOf(raw, tensorTypeOf(t)) }) as Attribute);
        },
      },
      {
        ALT: () => {
          const head = this.CONSUME(HashId);
          this.CONSUME1(LAngle);
          let word: IToken | undefined;
          let value: IToken | undefined;
          const entries: HashEntry[] = [];
          this.OR2([
            {
              ALT: () => {
                word = this.CONSUME2(Name);
                value = this.CONSUME3(Name);
              },
            },
            {
              ALT: () =>
                this.MANY_SEP1({
                  SEP: Comma,
                  DEF: () => {
                    const k = this.CONSUME4(Name);
                    this.CONSUME(Equal);
                    this.OR3([
                      {
                        ALT: () => {
                          const ints = this.SUBRULE(this.intList);
                          this.ACTION(() => entries.push({ key: k.image, keyTok: k, ints }));
                        },
                      },
                      {
                        ALT: () => {
                          const t = this.CONSUME2(IntLit);
                          this.ACTION(() => entries.push({ key: k.image, keyTok: k, int: Number(t.image) }));
                        },
                      },
                    ]);
                  },
                }),
            },
          ]);
          this.CONSUME1(RAngle);
          return this.ACTION(() => hashAttr(head, word, value, entries));
        },
      },
      {
        ALT: () => {
          const tok = this.CONSUME(LBracket);
          const items: Attribute[] = [];
          this.MANY_SEP2({ SEP: Comma, DEF: () => items.push(this.SUBRULE(this.attrValue)) });
          this.CONSUME(RBracket);
          return this.ACTION(() => {
            if (items.every((a) => a.kind === "int")) return { kind: "ints", values: items.map((a) => (a as { value: number }).value) } as Attribute;
            // Other lists (precision_config) are only accepted where attrDict drops them.
            return { kind: "string", value: UNSUPPORTED_LIST, tok } as unknown as Attribute;
          });
        },
      },
      {
        ALT: () => {
          const w = this.CONSUME5(Name);
          return this.ACTION(() => {
            if (w.image === "true" || w.image === "false") return { kind: "bool", value: w.image === "true" } as Attribute;
            return { kind: "enum", value: w.image } as Attribute;
          });
        },
      },
    ]);
  });
}

/** Old spellings of the same attribute: 1-D integer `dense` for dimension lists. */
function normalizeAttr(key: string, a: Attribute): Attribute {
  if (a.kind === "dense" && key !== "value" && a.value.type.shape.length === 1 && !isFloat(a.value.type.element)) {
    const d = a.value;
    return { kind: "ints", values: d.splat ? Array.from({ length: d.type.shape[0] }, () => d.values[0]) : d.values };
  }
  return a;
}

// ---------------------------------------------------------------------------------------------
// Entry points

let shared: StableHloParser | undefined;

function parser(): StableHloParser {
  shared ??= new StableHloParser();
  return shared;
}

function syntaxDiagnostic(file: string, line: number, column: number, message: string): DiagnosticError {
  const d: Diagnostic = { file, line, column, severity: "error", code: "stablehlo-syntax", message };
  return new DiagnosticError([d]);
}

function describeToken(t: IToken): string {
  return t.tokenType.name === "EOF" ? "end of file" : `'${t.image}'`;
}

/** Deepest bracket nesting accepted: deeper input would overflow the recursive-descent parser's stack. */
const MAX_NESTING = 256;
const OPENERS: ReadonlySet<unknown> = new Set([LParen, LBrace, LBracket, LAngle]);
const CLOSERS: ReadonlySet<unknown> = new Set([RParen, RBrace, RBracket, RAngle]);

function checkNesting(tokens: readonly IToken[], file: string): void {
  let depth = 0;
  for (const t of tokens) {
    if (OPENERS.has(t.tokenType)) {
      if (++depth > MAX_NESTING) throw syntaxDiagnostic(file, t.startLine ?? 1, t.startColumn ?? 1, `brackets nested deeper than ${MAX_NESTING} levels`);
    } else if (CLOSERS.has(t.tokenType)) {
      depth = Math.max(0, depth - 1);
    }
  }
}

function parsePart(tokens: IToken[], file: string): Module[] {
  checkNesting(tokens, file);
  const p = parser();
  p.begin(file);
  p.input = tokens;
  let tops: Top[];
  try {
    tops = p.topLevel();
  } catch (e) {
    if (e instanceof SyntaxIssue) throw syntaxDiagnostic(file, e.line, e.column, e.message);
    throw e;
  }
  if (p.errors.length > 0) {
    const err = p.errors[0];
    const t = err.token;
    const at = t.tokenType.name === "EOF" ? tokens[tokens.length - 1] : t;
    const line = at?.startLine ?? 1;
    const column = t.tokenType.name === "EOF" ? (at?.startColumn ?? 0) + (at?.image.length ?? 0) : (at?.startColumn ?? 1);
    const msg = err.name === "MismatchedTokenException" || err.name === "NoViableAltException" || err.name === "EarlyExitException"
      ? `unexpected ${describeToken(t)}: ${firstLine(err.message)}`
      : err.message;
    throw syntaxDiagnostic(file, line, column, msg);
  }
  const funcs = tops.filter((t): t is Extract<Top, { kind: "func" }> => t.kind === "func").map((t) => t.func);
  const modules = tops.filter((t): t is Extract<Top, { kind: "module" }> => t.kind === "module").map((t) => t.module);
  if (funcs.length > 0 && modules.length > 0) {
    const f = funcs[0];
    throw syntaxDiagnostic(file, f.loc?.line ?? 1, f.loc?.column ?? 1, "a top-level func.func cannot sit beside a module");
  }
  if (funcs.length > 0) return [{ attrs: {}, funcs, loc: funcs[0].loc }];
  return modules;
}

function firstLine(s: string): string {
  return s.split("\n")[0];
}

/** Every module of a file: one per `module`, or one for the bare functions of each `// -----` part. */
export function parseModules(text: string, file: string): Module[] {
  const lexed = tokenize(text);
  if (lexed.errors.length > 0) {
    const e = lexed.errors[0];
    throw syntaxDiagnostic(file, e.line, e.column, e.message);
  }
  const out: Module[] = [];
  const tokens = lexed.tokens;
  let start = 0;
  for (let i = 0; i <= tokens.length; i++) {
    if (i === tokens.length || tokens[i].tokenType === Separator) {
      if (i > start) out.push(...parsePart(tokens.slice(start, i), file));
      start = i + 1;
    }
  }
  return out;
}

/** Exactly one module. */
export function parseModule(text: string, file: string): Module {
  const ms = parseModules(text, file);
  if (ms.length !== 1) throw syntaxDiagnostic(file, 1, 1, `expected exactly one module, found ${ms.length}`);
  return ms[0];
}
