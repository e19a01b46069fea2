/**
 * dot_general. Result dimensions are: batch dims, then lhs free dims, then rhs free dims (each
 * group in the order the dimension numbers list them / operand dimension order for free dims).
 * Operands are read in place through offset tables (one per dim group), so no transposed copy is
 * made; each dot product accumulates in f64 and is rounded once to the result type, which is how a
 * bf16 x bf16 -> bf16/f32 dot is meant to accumulate (in wide precision).
 */
import { numElements, type DotDimensionNumbers, type Op } from "../../ir.js";
import { dotAttr } from "../attrs.js";
import type { OpRule } from "../context.js";
import { InterpreterError } from "../errors.js";
import { allocData, finish, stridesOf, type NumberData, type Tensor } from "../tensor.js";

function freeDims(rank: number, batch: readonly number[], contracting: readonly number[]): number[] {
  const used = new Set([...batch, ...contracting]);
  const free: number[] = [];
  for (let d = 0; d < rank; d++) if (!used.has(d)) free.push(d);
  return free;
}

/** Flat offsets of every multi-index over `dims` (row-major in the listed order). */
function offsets(shape: readonly number[], strides: readonly number[], dims: readonly number[]): Int32Array {
  let table = Int32Array.of(0);
  for (const d of dims) {
    const next = new Int32Array(table.length * shape[d]);
    let n = 0;
    for (let i = 0; i < table.length; i++) for (let x = 0; x < shape[d]; x++) next[n++] = table[i] + x * strides[d];
    table = next;
  }
  return table;
}

/** The single stride that walks `dims` in order, or undefined if they do not nest contiguously. */
function mergedStride(shape: readonly number[], strides: readonly number[], dims: readonly number[]): number | undefined {
  if (dims.length === 0) return 0;
  for (let i = 0; i + 1 < dims.length; i++) {
    if (strides[dims[i]] !== strides[dims[i + 1]] * shape[dims[i + 1]]) return undefined;
  }
  return strides[dims[dims.length - 1]];
}

const product = (shape: readonly number[], dims: readonly number[]) => dims.reduce((a, d) => a * shape[d], 1);

export const dotGeneralRule: OpRule = (op, [lhs, rhs]) => [dotGeneral(op, lhs, rhs, dotAttr(op))];

/** Legacy `dot`: contracts lhs's last dim with rhs's first (vector/matrix products). */
export const dotRule: OpRule = (op, [lhs, rhs]) => [
  dotGeneral(op, lhs, rhs, {
    lhsBatchingDimensions: [],
    rhsBatchingDimensions: [],
    lhsContractingDimensions: [lhs.type.shape.length - 1],
    rhsContractingDimensions: [0],
  }),
];

function dotGeneral(op: Op, lhs: Tensor, rhs: Tensor, dn: DotDimensionNumbers): Tensor {
  const type = op.results[0].type;
  const ls = lhs.type.shape;
  const rs = rhs.type.shape;
  const lb = dn.lhsBatchingDimensions;
  const rb = dn.rhsBatchingDimensions;
  const lc = dn.lhsContractingDimensions;
  const rc = dn.rhsContractingDimensions;
  const lf = freeDims(ls.length, lb, lc);
  const rf = freeDims(rs.length, rb, rc);
  const mismatch = lb.length !== rb.length || lc.length !== rc.length || lb.some((d, i) => ls[d] !== rs[rb[i]]) || lc.some((d, i) => ls[d] !== rs[rc[i]]);
  if (mismatch) throw new InterpreterError(`${op.name}: batching or contracting dimension sizes differ`, op.loc);
  const expected = [...lb.map((d) => ls[d]), ...lf.map((d) => ls[d]), ...rf.map((d) => rs[d])];
  if (expected.length !== type.shape.length || expected.some((d, i) => d !== type.shape[i])) {
    throw new InterpreterError(`${op.name}: result shape [${type.shape}] should be [${expected}]`, op.loc);
  }
  const lStr = stridesOf(ls);
  const rStr = stridesOf(rs);
  const out = allocData(type.element, numElements(type));
  const groups = {
    aB: offsets(ls, lStr, lb),
    bB: offsets(rs, rStr, rb),
    aM: offsets(ls, lStr, lf),
    bN: offsets(rs, rStr, rf),
  };
  if (lhs.data instanceof BigInt64Array || rhs.data instanceof BigInt64Array || type.element === "i64") {
    if (!(lhs.data instanceof BigInt64Array && rhs.data instanceof BigInt64Array && type.element === "i64")) {
      throw new InterpreterError(`${op.name}: i64 operands need an i64 result`, op.loc);
    }
    const out64 = new BigInt64Array(numElements(type));
    dots64(lhs.data, rhs.data, out64, groups, offsets(ls, lStr, lc), offsets(rs, rStr, rc));
    return { type, data: out64 };
  }
  const K = product(ls, lc);
  const aK = mergedStride(ls, lStr, lc);
  const bK = mergedStride(rs, rStr, rc);
  const a = lhs.data as NumberData;
  const b = rhs.data as NumberData;
  const o = out as NumberData;
  if (aK !== undefined && bK !== undefined) stridedDots(a, b, o, groups, K, aK, bK);
  else tableDots(a, b, o, groups, offsets(ls, lStr, lc), offsets(rs, rStr, rc));
  return { type, data: finish(type.element, out) };
}

interface Groups {
  readonly aB: Int32Array;
  readonly bB: Int32Array;
  readonly aM: Int32Array;
  readonly bN: Int32Array;
}

/** Contracting dims walk with one stride per side (the usual case). */
function stridedDots(a: NumberData, b: NumberData, out: NumberData, g: Groups, K: number, aK: number, bK: number): void {
  const B = g.aB.length;
  const M = g.aM.length;
  const N = g.bN.length;
  let o = 0;
  for (let bi = 0; bi < B; bi++) {
    for (let i = 0; i < M; i++) {
      const aRow = g.aB[bi] + g.aM[i];
      for (let j = 0; j < N; j++) {
        let ia = aRow;
        let ib = g.bB[bi] + g.bN[j];
        // Four partial sums keep the loop fast; the total is rounded once, on the store.
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        let k = 0;
        for (; k + 3 < K; k += 4) {
          s0 += a[ia] * b[ib];
          s1 += a[ia + aK] * b[ib + bK];
          s2 += a[ia + 2 * aK] * b[ib + 2 * bK];
          s3 += a[ia + 3 * aK] * b[ib + 3 * bK];
          ia += 4 * aK;
          ib += 4 * bK;
        }
        for (; k < K; k++, ia += aK, ib += bK) s0 += a[ia] * b[ib];
        out[o++] = s0 + s1 + (s2 + s3);
      }
    }
  }
}

/** Contracting dims that do not nest contiguously: walk them through offset tables. */
/** i64 dot products: exact, each product and the sum wrap modulo 2^64. */
function dots64(a: BigInt64Array, b: BigInt64Array, out: BigInt64Array, g: Groups, aK: Int32Array, bK: Int32Array): void {
  let o = 0;
  for (let bi = 0; bi < g.aB.length; bi++) {
    for (let i = 0; i < g.aM.length; i++) {
      const aRow = g.aB[bi] + g.aM[i];
      for (let j = 0; j < g.bN.length; j++) {
        const bCol = g.bB[bi] + g.bN[j];
        let s = 0n;
        for (let k = 0; k < aK.length; k++) s = BigInt.asIntN(64, s + a[aRow + aK[k]] * b[bCol + bK[k]]);
        out[o++] = s;
      }
    }
  }
}

function tableDots(a: NumberData, b: NumberData, out: NumberData, g: Groups, aK: Int32Array, bK: Int32Array): void {
  let o = 0;
  for (let bi = 0; bi < g.aB.length; bi++) {
    for (let i = 0; i < g.aM.length; i++) {
      const aRow = g.aB[bi] + g.aM[i];
      for (let j = 0; j < g.bN.length; j++) {
        const bCol = g.bB[bi] + g.bN[j];
        let s = 0;
        for (let k = 0; k < aK.length; k++) s += a[aRow + aK[k]] * b[bCol + bK[k]];
        out[o++] = s;
      }
    }
  }
}
