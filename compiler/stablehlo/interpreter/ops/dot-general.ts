/**
 * dot_general. Result dimensions are: batch dims, then lhs free dims, then rhs free dims (each
 * group in operand dimension order). Operands are first laid out as [B, M, K] and [B, K, N] f64
 * arrays; the product accumulates in f64 and is rounded once to the result type, which is how a
 * bf16 x bf16 -> bf16/f32 dot is meant to accumulate (in wide precision).
 */
import { numElements, type DotDimensionNumbers, type Op } from "../../ir.js";
import { dotAttr } from "../attrs.js";
import type { OpRule } from "../context.js";
import { InterpreterError } from "../errors.js";
import { stridedCopy } from "../strided.js";
import { allocData, finish, stridesOf, type Tensor } from "../tensor.js";

function freeDims(rank: number, batch: readonly number[], contracting: readonly number[]): number[] {
  const used = new Set([...batch, ...contracting]);
  const free: number[] = [];
  for (let d = 0; d < rank; d++) if (!used.has(d)) free.push(d);
  return free;
}

/** Copies `t` into a fresh f64 array whose dims are `order` (a permutation of t's dims), row-major. */
function permuted(t: Tensor, order: readonly number[]): Float64Array {
  const strides = stridesOf(t.type.shape);
  const shape = order.map((d) => t.type.shape[d]);
  const out = new Float64Array(t.data.length);
  stridedCopy(shape, t.data, order.map((d) => strides[d]), 0, out, stridesOf(shape), 0);
  return out;
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
  const mismatch = lb.some((d, i) => ls[d] !== rs[rb[i]]) || lc.some((d, i) => ls[d] !== rs[rc[i]]) || lb.length !== rb.length || lc.length !== rc.length;
  if (mismatch) throw new InterpreterError(`${op.name}: batching or contracting dimension sizes differ`, op.loc);
  const expected = [...lb.map((d) => ls[d]), ...lf.map((d) => ls[d]), ...rf.map((d) => rs[d])];
  if (expected.length !== type.shape.length || expected.some((d, i) => d !== type.shape[i])) {
    throw new InterpreterError(`${op.name}: result shape [${type.shape}] should be [${expected}]`, op.loc);
  }
  const B = product(ls, lb);
  const M = product(ls, lf);
  const K = product(ls, lc);
  const N = product(rs, rf);
  const a = permuted(lhs, [...lb, ...lf, ...lc]);
  const b = permuted(rhs, [...rb, ...rc, ...rf]);
  const acc = new Float64Array(B * M * N);
  for (let bi = 0; bi < B; bi++) {
    const aBase = bi * M * K;
    const bBase = bi * K * N;
    for (let i = 0; i < M; i++) {
      const row = (bi * M + i) * N;
      const aRow = aBase + i * K;
      for (let k = 0; k < K; k++) {
        const av = a[aRow + k];
        const bRow = bBase + k * N;
        for (let j = 0; j < N; j++) acc[row + j] += av * b[bRow + j];
      }
    }
  }
  const out = allocData(type.element, numElements(type));
  out.set(acc);
  return { type, data: finish(type.element, out) };
}
