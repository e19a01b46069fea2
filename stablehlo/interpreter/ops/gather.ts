/**
 * gather, with the spec's full dimension numbers (offset_dims, collapsed_slice_dims,
 * operand_batching_dims, start_indices_batching_dims, start_index_map, index_vector_dim).
 * Start indices are clamped so the whole slice lies inside the operand. For each batch position of
 * the indices, one window of `slice_sizes` is copied with `stridedCopy`.
 */
import { numElements } from "../../ir.js";
import { gatherAttr, intsAttr } from "../attrs.js";
import type { OpRule } from "../context.js";
import { InterpreterError } from "../errors.js";
import { stridedCopy } from "../strided.js";
import { allocData, stridesOf } from "../tensor.js";
import { batchPosition, forEachIndex, IndexVectors } from "./index-space.js";

export const gatherRule: OpRule = (op, [operand, startIndices]) => {
  const dn = gatherAttr(op);
  const sliceSizes = intsAttr(op, "slice_sizes");
  const type = op.results[0].type;
  const oShape = operand.type.shape;
  const oStrides = stridesOf(oShape);
  const rStrides = stridesOf(type.shape);
  const offsetDims = new Set(dn.offsetDims);
  const batchDims = type.shape.map((_, d) => d).filter((d) => !offsetDims.has(d));
  const vectors = new IndexVectors(startIndices, dn.indexVectorDim);
  if (vectors.batchShape.length !== batchDims.length || batchDims.some((d, i) => type.shape[d] !== vectors.batchShape[i])) {
    throw new InterpreterError(`${op.name}: result batch dims [${batchDims.map((d) => type.shape[d])}] do not match indices batch shape [${vectors.batchShape}]`, op.loc);
  }
  const dropped = new Set([...dn.collapsedSliceDims, ...dn.operandBatchingDims]);
  const windowDims = oShape.map((_, d) => d).filter((d) => !dropped.has(d));
  if (windowDims.length !== dn.offsetDims.length) {
    throw new InterpreterError(`${op.name}: ${dn.offsetDims.length} offset_dims for ${windowDims.length} window dims`, op.loc);
  }
  const windowShape = windowDims.map((d) => sliceSizes[d]);
  const windowSrcStrides = windowDims.map((d) => oStrides[d]);
  const windowDstStrides = dn.offsetDims.map((d) => rStrides[d]);
  const batchDstStrides = batchDims.map((d) => rStrides[d]);
  const maxStart = dn.startIndexMap.map((d) => oShape[d] - sliceSizes[d]);
  const batchPos = dn.startIndicesBatchingDims.map((d) => batchPosition(d, dn.indexVectorDim));
  const start = new Array<number>(vectors.length).fill(0);
  const out = allocData(type.element, numElements(type));
  forEachIndex(vectors.batchShape, (batch) => {
    vectors.read(batch, start);
    let src = 0;
    for (let j = 0; j < start.length; j++) {
      const s = Math.min(Math.max(start[j], 0), maxStart[j]);
      src += s * oStrides[dn.startIndexMap[j]];
    }
    for (let i = 0; i < dn.operandBatchingDims.length; i++) src += batch[batchPos[i]] * oStrides[dn.operandBatchingDims[i]];
    let dst = 0;
    for (let i = 0; i < batch.length; i++) dst += batch[i] * batchDstStrides[i];
    stridedCopy(windowShape, operand.data, windowSrcStrides, src, out, windowDstStrides, dst);
  });
  return [{ type, data: out }];
};
