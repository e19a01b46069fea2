/**
 * Exact i64 literals. The parser keeps dense values as numbers, which are exact only within 2^53;
 * an i64 literal beyond that (`dense<4611686018427387905> : tensor<i64>`) is re-read here from the
 * source text at its op's location and registered in `exactI64Values`, which `tensorFromDense`
 * prefers. Each recovered value must round to the number the parser gave, so a literal is never
 * taken from the wrong place; anything that does not match keeps the parser's value.
 */
import type { Attribute, DenseElements, Module, Op, Region, SourceLoc } from "../ir.js";
import { exactI64Values } from "./tensor.js";

const SAFE = 2 ** 53;

/** Registers exact values for every i64 dense literal of `modules` that lost precision. */
export function recoverExactI64(modules: readonly Module[], source: string): void {
  let lines: number[] | undefined;
  const offsetOf = (loc: SourceLoc): number => {
    if (!lines) {
      lines = [0];
      for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) lines.push(i + 1);
    }
    return (lines[loc.line - 1] ?? source.length) + loc.column - 1;
  };
  const visitOp = (op: Op): void => {
    for (const attr of Object.values(op.attrs) as Attribute[]) {
      if (attr.kind !== "dense") continue;
      const dense = attr.value;
      if (dense.type.element !== "i64" || !dense.values.some((v) => Math.abs(v) >= SAFE)) continue;
      if (!op.loc || exactI64Values.has(dense)) continue;
      const exact = readDense(source, offsetOf(op.loc), dense);
      if (exact) exactI64Values.set(dense, exact);
    }
    op.regions.forEach(visitRegion);
  };
  const visitRegion = (r: Region): void => {
    for (const b of r.blocks) b.ops.forEach(visitOp);
  };
  for (const m of modules) for (const f of m.funcs) f.body.ops.forEach(visitOp);
}

/** The first `dense<...>` at or after `from`, read as i64 values, if it matches `dense`. */
function readDense(source: string, from: number, dense: DenseElements): bigint[] | undefined {
  const start = source.indexOf("dense<", from);
  if (start < 0) return undefined;
  const end = source.indexOf(">", start + 6);
  if (end < 0) return undefined;
  const body = source.slice(start + 6, end).trim();
  let values: bigint[];
  const hex = /^"0x([0-9a-fA-F]*)"$/.exec(body);
  if (hex) {
    const bytes = hex[1];
    if (bytes.length % 16 !== 0) return undefined;
    values = [];
    for (let i = 0; i < bytes.length; i += 16) {
      let bits = 0n;
      // Little-endian bytes, as MLIR writes them.
      for (let b = 7; b >= 0; b--) bits = (bits << 8n) | BigInt(parseInt(bytes.substr(i + b * 2, 2), 16));
      values.push(BigInt.asIntN(64, bits));
    }
  } else {
    if (/[^\s\d,[\]+\-xXa-fA-F]/.test(body)) return undefined;
    values = (body.match(/[-+]?(?:0x[0-9a-fA-F]+|\d+)/g) ?? []).map((t) => {
      const neg = t.startsWith("-");
      const v = BigInt(t.replace(/^[-+]/, ""));
      return neg ? -v : v;
    });
  }
  if (values.length !== dense.values.length) return undefined;
  const ok = values.every((v, i) => Number(v) === dense.values[i] || Number(BigInt.asIntN(64, v)) === dense.values[i]);
  return ok ? values.map((v) => BigInt.asIntN(64, v)) : undefined;
}
