/** Shape ops: reshape, transpose, broadcast_in_dim, concatenate, slice, dynamic slices, iota, constant, pad, reverse. */
import { type TensorType, formatType, isInteger, numElements, sameType } from "../ir.js";
import { constantRule, iotaRule } from "../interpreter/ops/constant.js";
import { dynamicSliceRule, dynamicUpdateSliceRule } from "../interpreter/ops/dynamic-slice.js";
import { broadcastInDimRule, concatenateRule, padRule, reshapeRule, reverseRule, sliceRule, transposeRule } from "../interpreter/ops/shape.js";
import { formatDense, functionalType, hasOnly, ints as printInts, names, simple } from "../printer/format.js";
import { COMPACT, keyedInts } from "./forms.js";
import { attr, checkDense, checkDims, fail, hint, int, ints, isBool, t, tensor } from "./rule-helpers.js";
import type { OpDef, PrettyPrinter, TypeRule } from "./types.js";

const reshape: TypeRule = (ops, _attrs, _regions, hints) => {
  const r = hint(hints, "reshape");
  if (r.element !== ops[0].element) fail(`reshape keeps the element type: ${t(ops[0])} cannot become ${t(r)}`);
  if (numElements(r) !== numElements(ops[0])) fail(`reshape keeps the element count: ${t(ops[0])} has ${numElements(ops[0])}, ${t(r)} has ${numElements(r)}`);
  return [r];
};

const transpose: TypeRule = (ops, attrs) => {
  const perm = ints(attrs, "permutation");
  const x = ops[0];
  if (perm.length !== x.shape.length) fail(`permutation ${JSON.stringify(perm)} must have ${x.shape.length} entries for ${t(x)}`);
  checkDims(perm, x.shape.length, "permutation entry");
  return [tensor(perm.map((p) => x.shape[p]), x.element)];
};

const broadcastInDim: TypeRule = (ops, attrs, _regions, hints) => {
  const x = ops[0];
  const r = hint(hints, "broadcast_in_dim");
  const dims = ints(attrs, "broadcast_dimensions");
  if (r.element !== x.element) fail(`broadcast_in_dim keeps the element type: ${t(x)} cannot become ${t(r)}`);
  if (dims.length !== x.shape.length) fail(`broadcast_dimensions ${JSON.stringify(dims)} must have ${x.shape.length} entries for ${t(x)}`);
  checkDims(dims, r.shape.length, "broadcast dimension");
  dims.forEach((d, i) => {
    if (x.shape[i] !== 1 && x.shape[i] !== r.shape[d]) {
      fail(`operand dimension ${i} (${x.shape[i]}) must be 1 or equal result dimension ${d} (${r.shape[d]})`);
    }
  });
  return [r];
};

const concatenate: TypeRule = (ops, attrs) => {
  if (ops.length === 0) fail("expects at least one operand");
  const dim = int(attrs, "dimension");
  const first = ops[0];
  if (dim < 0 || dim >= first.shape.length) fail(`dimension ${dim} is out of range for ${t(first)}`);
  let total = 0;
  for (const o of ops) {
    if (o.element !== first.element || o.shape.length !== first.shape.length) fail(`operands must share element type and rank: ${t(first)} vs ${t(o)}`);
    o.shape.forEach((d, i) => {
      if (i !== dim && d !== first.shape[i]) fail(`operands may differ only in dimension ${dim}: ${t(first)} vs ${t(o)}`);
    });
    total += o.shape[dim];
  }
  return [tensor(first.shape.map((d, i) => (i === dim ? total : d)), first.element)];
};

const slice: TypeRule = (ops, attrs) => {
  const x = ops[0];
  const start = ints(attrs, "start_indices");
  const limit = ints(attrs, "limit_indices");
  const strides = ints(attrs, "strides");
  const rank = x.shape.length;
  if (start.length !== rank || limit.length !== rank || strides.length !== rank) fail(`slice bounds must have ${rank} entries for ${t(x)}`);
  const shape = x.shape.map((d, i) => {
    if (start[i] < 0 || start[i] > limit[i] || limit[i] > d) fail(`slice [${start[i]}:${limit[i]}] is out of range for dimension ${i} of ${t(x)}`);
    if (strides[i] < 1) fail(`stride ${strides[i]} must be positive`);
    return Math.ceil((limit[i] - start[i]) / strides[i]);
  });
  return [tensor(shape, x.element)];
};

function checkIndices(indices: readonly TensorType[], rank: number): void {
  if (indices.length !== rank) fail(`expects ${rank} start indices, got ${indices.length}`);
  for (const i of indices) {
    if (i.shape.length !== 0 || !isInteger(i.element)) fail(`start indices must be integer scalars, got ${t(i)}`);
    if (i.element !== indices[0].element) fail(`start indices must share one type: ${t(indices[0])} vs ${t(i)}`);
  }
}

const dynamicSlice: TypeRule = (ops, attrs) => {
  if (ops.length < 1) fail("expects an operand");
  const x = ops[0];
  checkIndices(ops.slice(1), x.shape.length);
  const sizes = ints(attrs, "slice_sizes");
  if (sizes.length !== x.shape.length) fail(`slice_sizes must have ${x.shape.length} entries for ${t(x)}`);
  sizes.forEach((s, i) => {
    if (s < 0 || s > x.shape[i]) fail(`slice size ${s} does not fit dimension ${i} of ${t(x)}`);
  });
  return [tensor(sizes, x.element)];
};

const dynamicUpdateSlice: TypeRule = (ops) => {
  if (ops.length < 2) fail("expects an operand and an update");
  const [x, u] = ops;
  if (u.element !== x.element || u.shape.length !== x.shape.length) fail(`update ${t(u)} must share element type and rank with ${t(x)}`);
  u.shape.forEach((d, i) => {
    if (d > x.shape[i]) fail(`update ${t(u)} does not fit in ${t(x)} (dimension ${i})`);
  });
  checkIndices(ops.slice(2), x.shape.length);
  return [x];
};

const iota: TypeRule = (ops, attrs, _regions, hints) => {
  const r = hint(hints, "iota");
  const d = int(attrs, "iota_dimension");
  if (r.shape.length === 0) fail("iota needs a result of rank 1 or more");
  if (d < 0 || d >= r.shape.length) fail(`iota_dimension ${d} is out of range for ${t(r)}`);
  if (isBool(r.element)) fail("iota cannot produce i1");
  return [r];
};

const constant: TypeRule = (ops, attrs) => {
  const v = attr(attrs, "value", "dense").value;
  checkDense(v);
  return [v.type];
};

/** pad: `low + high + d + max(d - 1, 0) * interior` per dimension; edges may be negative (they crop). */
const pad: TypeRule = (ops, attrs) => {
  const [x, value] = ops;
  if (value.shape.length !== 0 || value.element !== x.element) fail(`padding value must be a ${x.element} scalar, got ${t(value)}`);
  const low = ints(attrs, "edge_padding_low");
  const high = ints(attrs, "edge_padding_high");
  const interior = ints(attrs, "interior_padding");
  const rank = x.shape.length;
  if (low.length !== rank || high.length !== rank || interior.length !== rank) fail(`padding must have ${rank} entries per attribute for ${t(x)}`);
  const shape = x.shape.map((d, i) => {
    if (interior[i] < 0) fail(`interior_padding ${interior[i]} must not be negative`);
    const size = low[i] + high[i] + d + Math.max(d - 1, 0) * interior[i];
    if (size < 0) fail(`dimension ${i} would have negative size ${size}`);
    return size;
  });
  return [tensor(shape, x.element)];
};

const reverse: TypeRule = (ops, attrs) => {
  const dims = ints(attrs, "dimensions");
  checkDims(dims, ops[0].shape.length, "reversed dimension");
  if (new Set(dims).size !== dims.length) fail(`dimensions ${JSON.stringify(dims)} must be unique`);
  return [ops[0]];
};

const printConstant: PrettyPrinter = (op) => {
  const v = op.attrs.value;
  if (!simple(op) || op.operands.length !== 0 || v?.kind !== "dense" || !sameType(v.value.type, op.results[0].type) || !hasOnly(op, ["value"])) {
    return undefined;
  }
  return `stablehlo.constant ${formatDense(v.value)} : ${formatType(op.results[0].type)}`;
};

const printIota: PrettyPrinter = (op) => {
  const d = op.attrs.iota_dimension;
  if (!simple(op) || op.operands.length !== 0 || d?.kind !== "int" || !hasOnly(op, ["iota_dimension"])) return undefined;
  return `stablehlo.iota dim = ${d.value} : ${formatType(op.results[0].type)}`;
};

const printConcatenate: PrettyPrinter = (op) => {
  const d = op.attrs.dimension;
  if (!simple(op) || op.operands.length === 0 || d?.kind !== "int" || !hasOnly(op, ["dimension"])) return undefined;
  return `stablehlo.concatenate ${names(op.operands)}, dim = ${d.value} : ${functionalType(op)}`;
};

const printSlice: PrettyPrinter = (op) => {
  const s = op.attrs.start_indices;
  const l = op.attrs.limit_indices;
  const st = op.attrs.strides;
  if (!simple(op) || op.operands.length !== 1 || s?.kind !== "ints" || l?.kind !== "ints" || st?.kind !== "ints") return undefined;
  if (!hasOnly(op, ["start_indices", "limit_indices", "strides"]) || l.values.length !== s.values.length || st.values.length !== s.values.length) {
    return undefined;
  }
  const ranges = s.values.map((v, i) => (st.values[i] === 1 ? `${v}:${l.values[i]}` : `${v}:${l.values[i]}:${st.values[i]}`));
  return `stablehlo.slice ${op.operands[0].name} [${ranges.join(", ")}] : ${functionalType(op)}`;
};

const printDynamicSlice: PrettyPrinter = (op) => {
  const s = op.attrs.slice_sizes;
  if (!simple(op) || op.operands.length < 1 || s?.kind !== "ints" || !hasOnly(op, ["slice_sizes"])) return undefined;
  return `stablehlo.dynamic_slice ${names(op.operands)}, sizes = ${printInts(s.values)} : ${functionalType(op)}`;
};

export const SHAPE_OPS: readonly OpDef[] = [
  { name: "stablehlo.reshape", family: "shape", operands: 1, results: 1, type: reshape, evaluate: reshapeRule, form: COMPACT },
  { name: "stablehlo.transpose", family: "shape", operands: 1, results: 1, type: transpose, evaluate: transposeRule, form: keyedInts("permutation", "dims") },
  {
    name: "stablehlo.broadcast_in_dim",
    family: "shape",
    operands: 1,
    results: 1,
    type: broadcastInDim,
    evaluate: broadcastInDimRule,
    form: keyedInts("broadcast_dimensions", "dims"),
  },
  {
    name: "stablehlo.concatenate",
    family: "shape",
    results: 1,
    type: concatenate,
    evaluate: concatenateRule,
    form: { print: printConcatenate, keys: [{ word: "dim", attr: "dimension", value: "int" }] },
  },
  // The pretty `[start:limit:stride, ...]` form has its own grammar rule (parser/grammar-pretty.ts).
  { name: "stablehlo.slice", family: "shape", operands: 1, results: 1, type: slice, evaluate: sliceRule, form: { print: printSlice } },
  {
    name: "stablehlo.dynamic_slice",
    family: "shape",
    results: 1,
    type: dynamicSlice,
    evaluate: dynamicSliceRule,
    form: { print: printDynamicSlice, keys: [{ word: "sizes", attr: "slice_sizes", value: "ints" }] },
  },
  { name: "stablehlo.dynamic_update_slice", family: "shape", results: 1, type: dynamicUpdateSlice, evaluate: dynamicUpdateSliceRule, form: COMPACT },
  {
    name: "stablehlo.iota",
    family: "shape",
    operands: 0,
    results: 1,
    type: iota,
    evaluate: iotaRule,
    form: { print: printIota, keys: [{ word: "dim", attr: "iota_dimension", value: "int" }] },
  },
  { name: "stablehlo.constant", family: "shape", operands: 0, results: 1, type: constant, evaluate: constantRule, form: { print: printConstant, denseType: "result" } },
  { name: "stablehlo.pad", family: "shape", operands: 2, results: 1, type: pad, evaluate: padRule },
  // Printed in the generic form; the parser also reads `stablehlo.reverse %x, dims = [..]`.
  { name: "stablehlo.reverse", family: "shape", operands: 1, results: 1, type: reverse, evaluate: reverseRule, form: { keys: [{ word: "dims", attr: "dimensions", value: "ints" }] } },
];
