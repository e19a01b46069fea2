/**
 * Shared index bookkeeping for gather and scatter: walking the batch (scatter) positions of the
 * indices tensor and reading one start-index vector at each.
 */
import type { Tensor } from "../tensor.js";
import { stridesOf } from "../tensor.js";

/** Visits every multi-index of `shape` in row-major order (the array is reused; do not keep it). */
export function forEachIndex(shape: readonly number[], visit: (idx: readonly number[]) => void): void {
  if (shape.some((d) => d === 0)) return;
  const rank = shape.length;
  const idx = new Array<number>(rank).fill(0);
  for (;;) {
    visit(idx);
    let d = rank - 1;
    for (; d >= 0; d--) {
      if (++idx[d] < shape[d]) break;
      idx[d] = 0;
    }
    if (d < 0) return;
  }
}

/**
 * The indices tensor seen as a batch of index vectors: `batchShape` is its shape without
 * `indexVectorDim` (which may equal its rank: then every element is a 1-vector).
 */
export class IndexVectors {
  readonly batchShape: number[];
  readonly length: number;
  private readonly batchStrides: number[];
  private readonly vectorStride: number;

  constructor(
    private readonly indices: Tensor,
    indexVectorDim: number,
  ) {
    const shape = indices.type.shape;
    const strides = stridesOf(shape);
    this.batchShape = shape.filter((_, d) => d !== indexVectorDim);
    this.batchStrides = strides.filter((_, d) => d !== indexVectorDim);
    this.length = indexVectorDim < shape.length ? shape[indexVectorDim] : 1;
    this.vectorStride = indexVectorDim < shape.length ? strides[indexVectorDim] : 0;
  }

  /** Writes the index vector at batch position `batch` into `out`. */
  read(batch: readonly number[], out: number[]): void {
    let base = 0;
    for (let i = 0; i < batch.length; i++) base += batch[i] * this.batchStrides[i];
    for (let j = 0; j < this.length; j++) out[j] = Number(this.indices.data[base + j * this.vectorStride]);
  }
}

/** Position in the batch index of indices-tensor dim `d` (the index vector dim is dropped). */
export function batchPosition(d: number, indexVectorDim: number): number {
  return d < indexVectorDim ? d : d - 1;
}
