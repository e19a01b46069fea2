/** gather and scatter (printed in the generic form, as JAX prints them). */
import { type GatherDimensionNumbers, type ScatterDimensionNumbers, type TensorType, isInteger } from "../ir.js";
import { gatherRule } from "../interpreter/ops/gather.js";
import { scatterRule } from "../interpreter/ops/scatter.js";
import { attr, checkDims, checkRegion, fail, ints, optionalAttr, sameShape, t, tensor } from "./rule-helpers.js";
import type { OpDef, TypeRule } from "./types.js";

function gatherShape(operand: TensorType, indices: TensorType, g: GatherDimensionNumbers, sliceSizes: readonly number[]): number[] {
  const rank = operand.shape.length;
  const ivd = g.indexVectorDim;
  if (ivd < 0 || ivd > indices.shape.length) fail(`index_vector_dim ${ivd} is out of range for ${t(indices)}`);
  const indexVectorSize = ivd < indices.shape.length ? indices.shape[ivd] : 1;
  if (g.startIndexMap.length !== indexVectorSize) fail(`start_index_map has ${g.startIndexMap.length} entries, the index vector has ${indexVectorSize}`);
  checkDims(g.startIndexMap, rank, "start_index_map entry");
  checkDims([...g.collapsedSliceDims, ...g.operandBatchingDims], rank, "collapsed or batching dimension");
  if (g.operandBatchingDims.length !== g.startIndicesBatchingDims.length) fail("operand_batching_dims and start_indices_batching_dims differ in number");
  checkDims([...g.startIndicesBatchingDims, ...(ivd < indices.shape.length ? [ivd] : [])], indices.shape.length, "start indices dimension");
  if (sliceSizes.length !== rank) fail(`slice_sizes must have ${rank} entries for ${t(operand)}`);
  sliceSizes.forEach((s, i) => {
    if (s < 0 || s > operand.shape[i]) fail(`slice size ${s} does not fit dimension ${i} of ${t(operand)}`);
  });
  for (const d of [...g.collapsedSliceDims, ...g.operandBatchingDims]) {
    if (sliceSizes[d] > 1) fail(`slice size of collapsed or batching dimension ${d} must be 0 or 1, got ${sliceSizes[d]}`);
  }
  const batch = indices.shape.filter((_, i) => i !== ivd);
  const offsets = sliceSizes.filter((_, i) => !g.collapsedSliceDims.includes(i) && !g.operandBatchingDims.includes(i));
  const resultRank = batch.length + offsets.length;
  if (g.offsetDims.length !== offsets.length) fail(`offset_dims has ${g.offsetDims.length} entries, the slice keeps ${offsets.length} dimensions`);
  checkDims(g.offsetDims, resultRank, "offset dimension");
  const sorted = [...g.offsetDims].sort((a, b) => a - b);
  if (!sorted.every((d, i) => d === g.offsetDims[i])) fail("offset_dims must be sorted");
  const shape: number[] = [];
  let b = 0;
  let o = 0;
  for (let i = 0; i < resultRank; i++) shape.push(g.offsetDims.includes(i) ? offsets[o++] : batch[b++]);
  return shape;
}

const gather: TypeRule = (ops, attrs) => {
  const [operand, indices] = ops;
  if (!isInteger(indices.element)) fail(`start indices must be integers, got ${t(indices)}`);
  const g = attr(attrs, "dimension_numbers", "gather").value;
  const sliceSizes = ints(attrs, "slice_sizes");
  optionalAttr(attrs, "indices_are_sorted", "bool");
  return [tensor(gatherShape(operand, indices, g, sliceSizes), operand.element)];
};

function checkScatter(inputs: readonly TensorType[], indices: TensorType, updates: readonly TensorType[], s: ScatterDimensionNumbers): void {
  const x = inputs[0];
  const rank = x.shape.length;
  const ivd = s.indexVectorDim;
  if (ivd < 0 || ivd > indices.shape.length) fail(`index_vector_dim ${ivd} is out of range for ${t(indices)}`);
  const indexVectorSize = ivd < indices.shape.length ? indices.shape[ivd] : 1;
  if (s.scatterDimsToOperandDims.length !== indexVectorSize) {
    fail(`scatter_dims_to_operand_dims has ${s.scatterDimsToOperandDims.length} entries, the index vector has ${indexVectorSize}`);
  }
  checkDims(s.scatterDimsToOperandDims, rank, "scatter_dims_to_operand_dims entry");
  checkDims([...s.insertedWindowDims, ...s.inputBatchingDims], rank, "inserted or batching dimension");
  if (s.inputBatchingDims.length !== s.scatterIndicesBatchingDims.length) fail("input_batching_dims and scatter_indices_batching_dims differ in number");
  const scatterShape = indices.shape.filter((_, i) => i !== ivd);
  const windowRank = rank - s.insertedWindowDims.length - s.inputBatchingDims.length;
  if (s.updateWindowDims.length !== windowRank) fail(`update_window_dims has ${s.updateWindowDims.length} entries, the window has rank ${windowRank}`);
  const windowInputDims = x.shape.map((_, i) => i).filter((i) => !s.insertedWindowDims.includes(i) && !s.inputBatchingDims.includes(i));
  for (const u of updates) {
    const updateRank = scatterShape.length + windowRank;
    if (u.shape.length !== updateRank) fail(`updates ${t(u)} must have rank ${updateRank}`);
    checkDims(s.updateWindowDims, updateRank, "update window dimension");
    const scatterDims = u.shape.map((_, i) => i).filter((i) => !s.updateWindowDims.includes(i));
    scatterDims.forEach((d, k) => {
      if (u.shape[d] !== scatterShape[k]) fail(`updates ${t(u)} dimension ${d} must be ${scatterShape[k]} to match the indices ${t(indices)}`);
    });
    s.updateWindowDims.forEach((d, k) => {
      if (u.shape[d] > x.shape[windowInputDims[k]]) fail(`updates ${t(u)} window dimension ${d} exceeds input dimension ${windowInputDims[k]} of ${t(x)}`);
    });
  }
}

const scatter: TypeRule = (ops, attrs, regions) => {
  if (ops.length < 3 || ops.length % 2 !== 1) fail("expects N inputs, the indices and N updates");
  const n = (ops.length - 1) / 2;
  const inputs = ops.slice(0, n);
  const indices = ops[n];
  const updates = ops.slice(n + 1);
  if (!isInteger(indices.element)) fail(`scatter indices must be integers, got ${t(indices)}`);
  inputs.forEach((x, i) => {
    if (!sameShape(x.shape, inputs[0].shape)) fail(`inputs must share one shape: ${t(inputs[0])} vs ${t(x)}`);
    if (updates[i].element !== x.element) fail(`updates ${t(updates[i])} must have the element type of ${t(x)}`);
  });
  const s = attr(attrs, "scatter_dimension_numbers", "scatter").value;
  optionalAttr(attrs, "indices_are_sorted", "bool");
  optionalAttr(attrs, "unique_indices", "bool");
  checkScatter(inputs, indices, updates, s);
  if (regions.length !== 1) fail("expects one update region");
  const scalars = inputs.map((x) => tensor([], x.element));
  checkRegion(regions[0], "the scatter update computation", [...scalars, ...scalars], scalars);
  return [...inputs];
};

export const GATHER_SCATTER_OPS: readonly OpDef[] = [
  { name: "stablehlo.gather", family: "gather-scatter", operands: 2, results: 1, type: gather, evaluate: gatherRule },
  { name: "stablehlo.scatter", family: "gather-scatter", regions: 1, type: scatter, evaluate: scatterRule },
];
