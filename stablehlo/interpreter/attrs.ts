/** Typed attribute accessors that fail loudly, naming the op and the attribute. */
import type {
  DenseElements,
  DotDimensionNumbers,
  GatherDimensionNumbers,
  Op,
  ScatterDimensionNumbers,
} from "../ir.js";
import { InterpreterError } from "./errors.js";

function missing(op: Op, key: string, want: string): never {
  throw new InterpreterError(`${op.name}: missing or malformed attribute '${key}' (want ${want})`, op.loc);
}

export function intsAttr(op: Op, key: string): readonly number[] {
  const a = op.attrs[key];
  if (a?.kind === "ints") return a.values;
  if (a?.kind === "dense") return a.value.values;
  return missing(op, key, "an integer array");
}

export function intAttr(op: Op, key: string): number {
  const a = op.attrs[key];
  if (a?.kind === "int") return a.value;
  return missing(op, key, "an integer");
}

export function optFloatAttr(op: Op, key: string): number | undefined {
  const a = op.attrs[key];
  if (a === undefined) return undefined;
  if (a.kind === "float" || a.kind === "int") return a.value;
  return missing(op, key, "a number");
}

export function enumAttr(op: Op, key: string): string | undefined {
  const a = op.attrs[key];
  if (a === undefined) return undefined;
  if (a.kind === "enum" || a.kind === "string") return a.value;
  return missing(op, key, "an enum keyword");
}

export function symbolAttr(op: Op, key: string): string {
  const a = op.attrs[key];
  if (a?.kind === "symbol" || a?.kind === "string") return a.value;
  return missing(op, key, "a symbol");
}

export function denseAttr(op: Op, key: string): DenseElements {
  const a = op.attrs[key];
  if (a?.kind === "dense") return a.value;
  return missing(op, key, "a dense elements literal");
}

export function dotAttr(op: Op, key = "dot_dimension_numbers"): DotDimensionNumbers {
  const a = op.attrs[key];
  if (a?.kind === "dot") return a.value;
  return missing(op, key, "dot dimension numbers");
}

export function gatherAttr(op: Op, key = "dimension_numbers"): GatherDimensionNumbers {
  const a = op.attrs[key];
  if (a?.kind === "gather") return a.value;
  return missing(op, key, "gather dimension numbers");
}

export function scatterAttr(op: Op, key = "scatter_dimension_numbers"): ScatterDimensionNumbers {
  const a = op.attrs[key];
  if (a?.kind === "scatter") return a.value;
  return missing(op, key, "scatter dimension numbers");
}
