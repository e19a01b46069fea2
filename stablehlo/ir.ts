/**
 * The StableHLO op IR: what the emitter builds, the printer prints, the parser reads back, the
 * verifier checks and the interpreter runs. It is generic (an op is a name, operands, results,
 * attributes and regions, like MLIR's generic form) with typed attribute values, so that tables keyed
 * by op name do the per-op work in each stage.
 */
import { roundBf16 } from "../contract/bf16.js";

export { roundBf16 };

/** Element types the project emits and interprets. */
export type ElementType = "f32" | "bf16" | "f64" | "i1" | "i32" | "i64" | "ui32";

/** A ranked tensor type, `tensor<2x3xf32>`; rank 0 is `tensor<f32>`. */
export interface TensorType {
  readonly shape: readonly number[];
  readonly element: ElementType;
}

/** Where a thing stands in a source text (1-based line and column). */
export interface SourceLoc {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/**
 * A dense elements literal. `values` is row-major, `shape.product` long, or one value when `splat`.
 * Integers and floats are JS numbers; i1 is 0/1. (i64 values stay within 2^53 in this project.)
 */
export interface DenseElements {
  readonly type: TensorType;
  readonly splat: boolean;
  readonly values: readonly number[];
}

export interface DotDimensionNumbers {
  readonly lhsBatchingDimensions: readonly number[];
  readonly rhsBatchingDimensions: readonly number[];
  readonly lhsContractingDimensions: readonly number[];
  readonly rhsContractingDimensions: readonly number[];
}

export interface GatherDimensionNumbers {
  readonly offsetDims: readonly number[];
  readonly collapsedSliceDims: readonly number[];
  readonly operandBatchingDims: readonly number[];
  readonly startIndicesBatchingDims: readonly number[];
  readonly startIndexMap: readonly number[];
  readonly indexVectorDim: number;
}

export interface ScatterDimensionNumbers {
  readonly updateWindowDims: readonly number[];
  readonly insertedWindowDims: readonly number[];
  readonly inputBatchingDims: readonly number[];
  readonly scatterIndicesBatchingDims: readonly number[];
  readonly scatterDimsToOperandDims: readonly number[];
  readonly indexVectorDim: number;
}

export type ComparisonDirection = "EQ" | "NE" | "GE" | "GT" | "LE" | "LT";
export type ComparisonType = "FLOAT" | "TOTALORDER" | "SIGNED" | "UNSIGNED";

/** Attribute values, discriminated by `kind`. */
export type Attribute =
  /** `type` is the attribute's own type (`1 : i32`); absent means i64 (ints) or f64 (floats). */
  | { readonly kind: "int"; readonly value: number; readonly type?: ElementType }
  | { readonly kind: "float"; readonly value: number; readonly type?: ElementType }
  | { readonly kind: "bool"; readonly value: boolean }
  | { readonly kind: "string"; readonly value: string }
  /** `array<i64: 1, 2>` and the pretty forms `dims = [1, 2]`. */
  | { readonly kind: "ints"; readonly values: readonly number[] }
  /** A bare enum keyword: comparison direction (`GT`) or comparison type (`FLOAT`). */
  | { readonly kind: "enum"; readonly value: string }
  /** A symbol reference, `@layer_0`, stored without the `@`. */
  | { readonly kind: "symbol"; readonly value: string }
  | { readonly kind: "dense"; readonly value: DenseElements }
  | { readonly kind: "dot"; readonly value: DotDimensionNumbers }
  | { readonly kind: "gather"; readonly value: GatherDimensionNumbers }
  | { readonly kind: "scatter"; readonly value: ScatterDimensionNumbers };

/** An SSA value: its name as printed (`%0`, `%arg3`, `%5#1` for result 1 of a multi-result op). */
export interface Value {
  readonly name: string;
  readonly type: TensorType;
}

export interface Block {
  readonly args: readonly Value[];
  readonly ops: readonly Op[];
}

export interface Region {
  readonly blocks: readonly Block[];
}

/**
 * One operation. `name` is the full op name (`stablehlo.add`, `func.call`, `check.expect_eq`).
 * Attribute keys are the spec's snake_case names (`comparison_direction`, `broadcast_dimensions`,
 * `dot_dimension_numbers`, `slice_sizes`, `callee`, `value`, ...).
 * A multi-result op's results are named `<base>#<i>` and print as `<base>:<n> = ...`.
 */
export interface Op {
  readonly name: string;
  readonly operands: readonly Value[];
  readonly results: readonly Value[];
  readonly attrs: Readonly<Record<string, Attribute>>;
  readonly regions: readonly Region[];
  readonly loc?: SourceLoc;
}

/** Argument attributes: JAX marks donated buffers `jax.buffer_donor = true`. */
export interface FuncArg extends Value {
  readonly attrs: Readonly<Record<string, Attribute>>;
}

export interface Func {
  readonly name: string;
  readonly visibility: "public" | "private";
  readonly args: readonly FuncArg[];
  readonly resultTypes: readonly TensorType[];
  readonly body: Block;
  readonly loc?: SourceLoc;
}

/** A module, or one `// -----`-separated part of a test file. */
export interface Module {
  readonly name?: string;
  readonly attrs: Readonly<Record<string, Attribute>>;
  readonly funcs: readonly Func[];
  readonly loc?: SourceLoc;
}

export function tensorType(shape: readonly number[], element: ElementType): TensorType {
  return { shape: [...shape], element };
}

export function numElements(type: TensorType): number {
  return type.shape.reduce((a, b) => a * b, 1);
}

export function sameType(a: TensorType, b: TensorType): boolean {
  return a.element === b.element && a.shape.length === b.shape.length && a.shape.every((d, i) => d === b.shape[i]);
}

/** `tensor<2x3xf32>`, `tensor<f32>`. */
export function formatType(type: TensorType): string {
  return `tensor<${type.shape.map((d) => `${d}x`).join("")}${type.element}>`;
}

export function isFloat(element: ElementType): boolean {
  return element === "f32" || element === "bf16" || element === "f64";
}

export function isInteger(element: ElementType): boolean {
  return element === "i32" || element === "i64" || element === "ui32";
}

/** `x` rounded to the nearest value of a float element type (f64 is JS's own). */
export function roundToElement(x: number, element: ElementType): number {
  if (element === "f32") return Math.fround(x);
  if (element === "bf16") return roundBf16(x);
  return x;
}
