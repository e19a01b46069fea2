/**
 * The one loop nest behind transpose, broadcast, slice, concatenate, pad, reverse, dynamic slices
 * and the windows of gather: copy a box of `shape` where box index `idx` reads
 * `src[srcOffset + Σ idx·srcStrides]` and writes `dst[dstOffset + Σ idx·dstStrides]`.
 * The innermost dimension runs as a tight loop; outer ones advance like an odometer.
 */
import type { TensorData } from "./tensor.js";

export function stridedCopy(
  shape: readonly number[],
  src: TensorData,
  srcStrides: readonly number[],
  srcOffset: number,
  dst: TensorData,
  dstStrides: readonly number[],
  dstOffset: number,
): void {
  const rank = shape.length;
  for (let d = 0; d < rank; d++) if (shape[d] === 0) return;
  if (rank === 0) {
    dst[dstOffset] = src[srcOffset];
    return;
  }
  const inner = shape[rank - 1];
  const sIn = srcStrides[rank - 1];
  const dIn = dstStrides[rank - 1];
  const idx = new Array<number>(rank).fill(0);
  let s = srcOffset;
  let t = dstOffset;
  for (;;) {
    if (sIn === 1 && dIn === 1) {
      for (let i = 0; i < inner; i++) dst[t + i] = src[s + i];
    } else {
      for (let i = 0, si = s, ti = t; i < inner; i++, si += sIn, ti += dIn) dst[ti] = src[si];
    }
    // Advance the outer dimensions.
    let d = rank - 2;
    for (; d >= 0; d--) {
      idx[d]++;
      s += srcStrides[d];
      t += dstStrides[d];
      if (idx[d] < shape[d]) break;
      s -= srcStrides[d] * shape[d];
      t -= dstStrides[d] * shape[d];
      idx[d] = 0;
    }
    if (d < 0) return;
  }
}
