/**
 * dot_general. Result dimensions are: batch dims, then lhs free dims, then rhs free dims (each
 * group in operand dimension order). Operands are first laid out as [B, M, K] and [B, N, K] f64
 * arrays; each dot product accumulates in f64 and is rounded once to the result type, which is how
 * a bf16 x bf16 -> bf16/f32 dot is meant to accumulate (in wide precision).
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
  // Both sides as f64 with the contracting dims last: [B, M, K] and [B, N, K].
  const a = permuted(lhs, [...lb, ...lf, ...lc]);
  const b = permuted(rhs, [...rb, ...rf, ...rc]);
  const out = allocData(type.element, numElements(type));
  for (let bi = 0; bi < B; bi++) {
    for (let i = 0; i < M; i++) {
      const aRow = (bi * M + i) * K;
      const outRow = (bi * M + i) * N;
      for (let j = 0; j < N; j++) {
        const bRow = (bi * N + j) * K;
        // Four partial sums keep the loop fast; the total is rounded once, on the store.
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        let k = 0;
        for (; k + 3 < K; k += 4) {
          s0 += a[aRow + k] * b[bRow + k];
          s1 += a[aRow + k + 1] * b[bRow + k + 1];
          s2 += a[aRow + k + 2] * b[bRow + k + 2];
          s3 += a[aRow + k + 3] * b[bRow + k + 3];
        }
        for (; k < K; k++) s0 += a[aRow + k] * b[bRow + k];
        out[outRow + j] = s0 + s1 + (s2 + s3);
      }
    }
  }
  return { type, data: finish(type.element, out) };
}
