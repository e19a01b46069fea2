/** Helpers of the per-op type rules: errors with their codes, attribute readers, dimension and region checks. */
import { type Attribute, type DenseElements, type ElementType, type Region, type TensorType, formatType, isFloat, isInteger, numElements, sameType } from "../ir.js";
import type { Attrs, InferHints } from "./types.js";

export type RuleCode = "stablehlo-type-mismatch" | "stablehlo-bad-attribute" | "stablehlo-unknown-op";

/** A broken rule; `code` says whether types, attributes or the op name are at fault. */
export class ShapeError extends Error {
  constructor(
    message: string,
    readonly code: RuleCode = "stablehlo-type-mismatch",
  ) {
    super(message);
    this.name = "ShapeError";
  }
}

export interface RuleViolation {
  readonly code: RuleCode;
  readonly message: string;
}

export function fail(message: string): never {
  throw new ShapeError(message);
}

export function badAttr(message: string): never {
  throw new ShapeError(message, "stablehlo-bad-attribute");
}

export const t = formatType;

export function tensor(shape: readonly number[], element: ElementType): TensorType {
  return { shape: [...shape], element };
}

export function count(operands: readonly TensorType[], n: number, what = "operand"): void {
  if (operands.length !== n) fail(`expects ${n} ${what}(s), got ${operands.length}`);
}

export function attr<K extends Attribute["kind"]>(attrs: Attrs, key: string, kind: K): Extract<Attribute, { kind: K }> {
  const a = attrs[key];
  if (!a) badAttr(`missing attribute '${key}'`);
  if (a.kind !== kind) badAttr(`attribute '${key}' must be ${kind}, not ${a.kind}`);
  return a as Extract<Attribute, { kind: K }>;
}

export function optionalAttr<K extends Attribute["kind"]>(attrs: Attrs, key: string, kind: K): Extract<Attribute, { kind: K }> | undefined {
  return attrs[key] === undefined ? undefined : attr(attrs, key, kind);
}

export function ints(attrs: Attrs, key: string): readonly number[] {
  return attr(attrs, key, "ints").values;
}

export function int(attrs: Attrs, key: string): number {
  return attr(attrs, key, "int").value;
}

export function hint(hints: InferHints, op: string, i = 0): TensorType {
  const r = hints.resultTypes?.[i];
  if (!r) fail(`${op} needs its result type`);
  return r;
}

export function same(a: TensorType, b: TensorType, what: string): void {
  if (!sameType(a, b)) fail(`${what}: ${t(a)} vs ${t(b)}`);
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

export function checkDims(dims: readonly number[], rank: number, what: string): void {
  const seen = new Set<number>();
  for (const d of dims) {
    if (!Number.isInteger(d) || d < 0 || d >= rank) fail(`${what} ${d} is out of range for rank ${rank}`);
    if (seen.has(d)) fail(`${what} ${d} appears twice`);
    seen.add(d);
  }
}

export function isBool(e: ElementType): boolean {
  return e === "i1";
}

export function isSigned(e: ElementType): boolean {
  return e === "i32" || e === "i64";
}

/** The region's single block: its argument types and what its terminator returns. */
export function regionSig(region: Region | undefined, what: string): { args: TensorType[]; returns: TensorType[] } {
  if (!region || region.blocks.length !== 1) fail(`${what} must be a region with one block`);
  const block = region.blocks[0];
  const last = block.ops[block.ops.length - 1];
  if (!last || last.name !== "stablehlo.return") fail(`${what} must end with stablehlo.return`);
  return { args: block.args.map((a) => a.type), returns: last.operands.map((o) => o.type) };
}

export function checkRegion(region: Region | undefined, what: string, args: readonly TensorType[], returns: readonly TensorType[]): void {
  const sig = regionSig(region, what);
  if (sig.args.length !== args.length || sig.args.some((a, i) => !sameType(a, args[i]))) {
    fail(`${what} takes (${args.map(t).join(", ")}), but its block declares (${sig.args.map(t).join(", ")})`);
  }
  if (sig.returns.length !== returns.length || sig.returns.some((a, i) => !sameType(a, returns[i]))) {
    fail(`${what} must return (${returns.map(t).join(", ")}), but returns (${sig.returns.map(t).join(", ")})`);
  }
}

export type ElementClass = "any" | "float" | "int" | "intOrBool" | "numeric";

export function elementOk(e: ElementType, c: ElementClass): boolean {
  switch (c) {
    case "any":
      return true;
    case "float":
      return isFloat(e);
    case "int":
      return isInteger(e);
    case "intOrBool":
      return isInteger(e) || isBool(e);
    case "numeric":
      return isFloat(e) || isInteger(e);
  }
}

export const CLASS_TEXT: Record<ElementClass, string> = {
  any: "any element type",
  float: "a float element type",
  int: "an integer element type",
  intOrBool: "an integer or i1 element type",
  numeric: "a float or integer element type",
};

export function checkDense(v: DenseElements): void {
  const n = v.splat ? 1 : numElements(v.type);
  if (v.values.length !== n) badAttr(`dense literal of ${t(v.type)} holds ${v.values.length} values, expected ${n}`);
}
