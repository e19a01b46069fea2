/** Dense elements literals: scalars as written (`Lit`), `dense<...>` before its type is known (`RawDense`), and their values once it is. */
import type { IToken } from "./grammar-base.js";
import { type DenseElements, type ElementType, type TensorType, isFloat, numElements, roundToElement } from "../ir.js";
import { issueAt, typeText } from "./types.js";

/** A scalar literal as written; converted once the element type is known. */
export interface Lit {
  readonly kind: "int" | "float" | "hex" | "bool";
  readonly text: string;
  readonly tok: IToken;
}

export type DenseNode = { readonly list: readonly DenseNode[] } | { readonly lit: Lit };

/** The content of `dense<...>` before its type is known. */
export type RawDense =
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

export function litValue(lit: Lit, e: ElementType): number {
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

export function denseOf(raw: RawDense, type: TensorType): DenseElements {
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
