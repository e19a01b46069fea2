/** Pretty (custom-assembly) op forms: the pieces the grammar collects, turned into one Op. */
import type { IToken } from "./grammar-base.js";
import { IntLit } from "../lexer.js";
import type { Attribute, DotDimensionNumbers, Op, SourceLoc, TensorType, Value } from "../ir.js";
import { numberAttr } from "./attributes.js";
import { type RawDense, denseOf } from "./dense.js";
import { opDef } from "../ops/registry.js";
import { issueAt } from "./types.js";

export type PrettyValue =
  | { readonly kind: "list"; readonly items: readonly (number | string)[]; readonly second?: readonly number[]; readonly tok: IToken }
  | { readonly kind: "number"; readonly tok: IToken; readonly typeTok?: IToken }
  | { readonly kind: "word"; readonly tok: IToken }
  | { readonly kind: "string"; readonly tok: IToken };

export type PrettyItem =
  | { readonly kind: "value"; readonly tok: IToken }
  | { readonly kind: "word"; readonly tok: IToken }
  | { readonly kind: "keyed"; readonly tok: IToken; readonly value: PrettyValue }
  | { readonly kind: "dense"; readonly dense: RawDense };

export interface TypeSig {
  /** `(a, b) -> r` form. */
  readonly inputs?: readonly TensorType[];
  readonly outputs?: readonly TensorType[];
  /** `: a, b` form. */
  readonly list?: readonly TensorType[];
  readonly tok: IToken;
}

/** Most results one op may define (`%r:N = ...`); real ops have a handful. */
export const MAX_OP_RESULTS = 65_536;

export interface ResultDef {
  readonly tok: IToken;
  readonly count?: number;
}

export interface Keyed {
  readonly tok: IToken;
  readonly value: PrettyValue;
}

export function resultValues(defs: readonly ResultDef[], types: readonly TensorType[], at: IToken): Value[] {
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

export function intsOf(v: PrettyValue, what: string): number[] {
  if (v.kind !== "list" || v.second || v.items.some((x) => typeof x !== "number")) {
    throw issueAt(v.tok, `${what} takes a list of integers like [0, 1]`);
  }
  return v.items as number[];
}

export function intOf(v: PrettyValue, what: string): number {
  if (v.kind !== "number" || v.tok.tokenType !== IntLit) throw issueAt(v.tok, `${what} takes an integer`);
  return Number(v.tok.image);
}

/** The `word = [..] x [..]` items that spell dot dimension numbers. */
const DOT_WORDS = ["batching_dims", "contracting_dims"];

/** The attribute a pretty `word = value` item spells, by the kind its registry entry names. */
function keyedValue(kind: "ints" | "int" | "float", v: PrettyValue, word: string): Attribute {
  if (kind === "ints") return { kind: "ints", values: intsOf(v, word) };
  if (kind === "int") return { kind: "int", value: intOf(v, word) };
  return toleranceOf(v);
}

export function toleranceOf(v: PrettyValue): Attribute {
  if (v.kind !== "number") throw issueAt(v.tok, "tolerance takes a number");
  const a = numberAttr(v.tok, v.typeTok);
  // `tolerance = 1` is still a float tolerance.
  return a.kind === "int" ? { kind: "float", value: a.value } : a;
}

export function dotDims(keyed: Keyed[]): DotDimensionNumbers {
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

export function canonicalOpName(name: string): string {
  if (name === "return") return "func.return";
  if (name === "call") return "func.call";
  return name;
}

export interface PrettyParts {
  readonly nameTok: IToken;
  readonly items: readonly PrettyItem[];
  readonly dict: Record<string, Attribute>;
  readonly sig?: TypeSig;
  readonly trailing: readonly Keyed[];
}

export function buildPrettyOp(p: PrettyParts, results: readonly ResultDef[], loc: SourceLoc, startTok: IToken): Op {
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

  const form = opDef(name)?.form;
  if (form?.words) {
    if (words.length < 1 || words.length > form.words.length) throw issueAt(p.nameTok, `${name} needs ${form.wordsExpected ?? form.words.join(", ")}`);
    words.forEach((w, i) => (attrs[form.words![i]] = { kind: "enum", value: w.image }));
  } else if (words.length > 0) {
    throw issueAt(words[0], `unexpected '${words[0].image}' in ${name}`);
  }
  const keys = form?.keys ?? [];
  if (form?.dotDims) {
    for (const k of keyed) {
      if (!DOT_WORDS.includes(k.tok.image) && !keys.some((x) => x.word === k.tok.image)) throw issueAt(k.tok, `unexpected '${k.tok.image}' in ${name}`);
    }
    attrs[form.dotDims] = { kind: "dot", value: dotDims(keyed) };
  } else {
    for (const k of keyed) {
      const key = keys.find((x) => x.word === k.tok.image);
      if (!key) throw issueAt(k.tok, `unexpected '${k.tok.image} = ...' in ${name}`);
      if (key.value !== "dropped") attrs[key.attr] = keyedValue(key.value, k.value, key.word);
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
    if (form?.predicateTypeList && nResults === 1 && ts.length === 2 && nOperands === 3) {
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
    const denseType = form?.denseType === "result" ? resultTypes[0] : operandTypes[0];
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
