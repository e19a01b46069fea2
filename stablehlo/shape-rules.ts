/**
 * Per-op type rules of the StableHLO spec, in one table keyed by op name: which operands and attributes
 * an op takes and what its results' types are. The verifier checks parsed modules with them; the
 * builder infers result types with them.
 */
import {
  type Attribute,
  type DenseElements,
  type DotDimensionNumbers,
  type ElementType,
  type GatherDimensionNumbers,
  type Region,
  type ScatterDimensionNumbers,
  type TensorType,
  formatType,
  isFloat,
  isInteger,
  numElements,
  sameType,
} from "./ir.js";

export type Attrs = Readonly<Record<string, Attribute>>;

export type RuleCode = "stablehlo-type-mismatch" | "stablehlo-bad-attribute" | "stablehlo-unknown-op";

/** A broken rule; `code` says whether types, attributes or the op name are at fault. */
export class ShapeError extends Error {
  constructor(
    message: string,
    readonly code: RuleCode = "stablehlo-type-mismatch",
  ) {
    super(message);
    this.name = "ShapeError";
  }
}

export interface RuleViolation {
  readonly code: RuleCode;
  readonly message: string;
}

/** What inference cannot know from operands alone (convert's element type, reshape's shape, ...). */
export interface InferHints {
  readonly resultTypes?: readonly TensorType[];
}

interface Rule {
  /** Result types, or a thrown ShapeError when operands, attributes or regions break the rule. */
  infer(operands: readonly TensorType[], attrs: Attrs, regions: readonly Region[], hints: InferHints): TensorType[];
}

// ---------------------------------------------------------------------------------------------
// Helpers

function fail(message: string): never {
  throw new ShapeError(message);
}

function badAttr(message: string): never {
  throw new ShapeError(message, "stablehlo-bad-attribute");
}

const t = formatType;

function tensor(shape: readonly number[], element: ElementType): TensorType {
  return { shape: [...shape], element };
}

function count(operands: readonly TensorType[], n: number, what = "operand"): void {
  if (operands.length !== n) fail(`expects ${n} ${what}(s), got ${operands.length}`);
}

function attr<K extends Attribute["kind"]>(attrs: Attrs, key: string, kind: K): Extract<Attribute, { kind: K }> {
  const a = attrs[key];
  if (!a) badAttr(`missing attribute '${key}'`);
  if (a.kind !== kind) badAttr(`attribute '${key}' must be ${kind}, not ${a.kind}`);
  return a as Extract<Attribute, { kind: K }>;
}

function optionalAttr<K extends Attribute["kind"]>(attrs: Attrs, key: string, kind: K): Extract<Attribute, { kind: K }> | undefined {
  return attrs[key] === undefined ? undefined : attr(attrs, key, kind);
}

function ints(attrs: Attrs, key: string): readonly number[] {
  return attr(attrs, key, "ints").values;
}

function int(attrs: Attrs, key: string): number {
  return attr(attrs, key, "int").value;
}

function hint(hints: InferHints, op: string, i = 0): TensorType {
  const r = hints.resultTypes?.[i];
  if (!r) fail(`${op} needs its result type`);
  return r;
}

function same(a: TensorType, b: TensorType, what: string): void {
  if (!sameType(a, b)) fail(`${what}: ${t(a)} vs ${t(b)}`);
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

function checkDims(dims: readonly number[], rank: number, what: string): void {
  const seen = new Set<number>();
  for (const d of dims) {
    if (!Number.isInteger(d) || d < 0 || d >= rank) fail(`${what} ${d} is out of range for rank ${rank}`);
    if (seen.has(d)) fail(`${what} ${d} appears twice`);
    seen.add(d);
  }
}

function isBool(e: ElementType): boolean {
  return e === "i1";
}

function isSigned(e: ElementType): boolean {
  return e === "i32" || e === "i64";
}

/** The region's single block: its argument types and what its terminator returns. */
function regionSig(region: Region | undefined, what: string): { args: TensorType[]; returns: TensorType[] } {
  if (!region || region.blocks.length !== 1) fail(`${what} must be a region with one block`);
  const block = region.blocks[0];
  const last = block.ops[block.ops.length - 1];
  if (!last || last.name !== "stablehlo.return") fail(`${what} must end with stablehlo.return`);
  return { args: block.args.map((a) => a.type), returns: last.operands.map((o) => o.type) };
}

function checkRegion(region: Region | undefined, what: string, args: readonly TensorType[], returns: readonly TensorType[]): void {
  const sig = regionSig(region, what);
  if (sig.args.length !== args.length || sig.args.some((a, i) => !sameType(a, args[i]))) {
    fail(`${what} takes (${args.map(t).join(", ")}), but its block declares (${sig.args.map(t).join(", ")})`);
  }
  if (sig.returns.length !== returns.length || sig.returns.some((a, i) => !sameType(a, returns[i]))) {
    fail(`${what} must return (${returns.map(t).join(", ")}), but returns (${sig.returns.map(t).join(", ")})`);
  }
}

// ---------------------------------------------------------------------------------------------
// Element-wise ops

type ElementClass = "any" | "float" | "int" | "intOrBool" | "numeric";

function elementOk(e: ElementType, c: ElementClass): boolean {
  switch (c) {
    case "any":
      return true;
    case "float":
      return isFloat(e);
    case "int":
      return isInteger(e);
    case "intOrBool":
      return isInteger(e) || isBool(e);
    case "numeric":
      return isFloat(e) || isInteger(e);
  }
}

const CLASS_TEXT: Record<ElementClass, string> = {
  any: "any element type",
  float: "a float element type",
  int: "an integer element type",
  intOrBool: "an integer or i1 element type",
  numeric: "a float or integer element type",
};

function unary(c: ElementClass): Rule {
  return {
    infer(ops) {
      count(ops, 1);
      if (!elementOk(ops[0].element, c)) fail(`needs ${CLASS_TEXT[c]}, got ${t(ops[0])}`);
      return [ops[0]];
    },
  };
}

function binary(c: ElementClass): Rule {
  return {
    infer(ops) {
      count(ops, 2);
      same(ops[0], ops[1], "operands must have the same type");
      if (!elementOk(ops[0].element, c)) fail(`needs ${CLASS_TEXT[c]}, got ${t(ops[0])}`);
      return [ops[0]];
    },
  };
}

const DIRECTIONS = ["EQ", "NE", "GE", "GT", "LE", "LT"];
const COMPARE_TYPES = ["FLOAT", "TOTALORDER", "SIGNED", "UNSIGNED"];

const compare: Rule = {
  infer(ops, attrs) {
    count(ops, 2);
    same(ops[0], ops[1], "operands must have the same type");
    const dir = attr(attrs, "comparison_direction", "enum").value;
    if (!DIRECTIONS.includes(dir)) badAttr(`comparison_direction must be one of ${DIRECTIONS.join(", ")}, not ${dir}`);
    const ct = optionalAttr(attrs, "compare_type", "enum")?.value;
    if (ct !== undefined) {
      if (!COMPARE_TYPES.includes(ct)) badAttr(`compare_type must be one of ${COMPARE_TYPES.join(", ")}, not ${ct}`);
      const e = ops[0].element;
      const ok = isFloat(e) ? ct === "FLOAT" || ct === "TOTALORDER" : isSigned(e) ? ct === "SIGNED" : ct === "UNSIGNED";
      if (!ok) fail(`compare_type ${ct} does not fit element type ${e}`);
    }
    return [tensor(ops[0].shape, "i1")];
  },
};

const select: Rule = {
  infer(ops) {
    count(ops, 3);
    const [pred, onTrue, onFalse] = ops;
    if (pred.element !== "i1") fail(`the predicate must be i1, got ${t(pred)}`);
    same(onTrue, onFalse, "on_true and on_false must have the same type");
    if (pred.shape.length !== 0 && !sameShape(pred.shape, onTrue.shape)) fail(`the predicate ${t(pred)} must be a scalar or shaped like ${t(onTrue)}`);
    return [onTrue];
  },
};

const clamp: Rule = {
  infer(ops) {
    count(ops, 3);
    const [min, x, max] = ops;
    for (const [b, what] of [[min, "min"], [max, "max"]] as const) {
      if (b.element !== x.element) fail(`${what} ${t(b)} must have the element type of the operand ${t(x)}`);
      if (b.shape.length !== 0 && !sameShape(b.shape, x.shape)) fail(`${what} ${t(b)} must be a scalar or shaped like ${t(x)}`);
    }
    return [x];
  },
};

const convert: Rule = {
  infer(ops, _attrs, _regions, hints) {
    count(ops, 1);
    const r = hint(hints, "convert");
    if (!sameShape(r.shape, ops[0].shape)) fail(`convert keeps the shape: ${t(ops[0])} cannot become ${t(r)}`);
    return [tensor(ops[0].shape, r.element)];
  },
};

/** Same-shape reinterpretation between element types of the same bit width (f32 <-> i32/ui32 ...). */
const bitcastConvert: Rule = {
  infer(ops, _attrs, _regions, hints) {
    count(ops, 1);
    const r = hint(hints, "bitcast_convert");
    const bits: Record<ElementType, number> = { i1: 1, bf16: 16, f32: 32, i32: 32, ui32: 32, f64: 64, i64: 64 };
    if (!sameShape(r.shape, ops[0].shape)) fail(`bitcast_convert keeps the shape here: ${t(ops[0])} cannot become ${t(r)}`);
    if (bits[r.element] !== bits[ops[0].element]) fail(`bitcast_convert needs element types of one bit width: ${t(ops[0])} vs ${t(r)}`);
    return [tensor(ops[0].shape, r.element)];
  },
};

const isFinite: Rule = {
  infer(ops) {
    count(ops, 1);
    if (!isFloat(ops[0].element)) fail(`needs a float element type, got ${t(ops[0])}`);
    return [tensor(ops[0].shape, "i1")];
  },
};

// ---------------------------------------------------------------------------------------------
// Shape ops

const reshape: Rule = {
  infer(ops, _attrs, _regions, hints) {
    count(ops, 1);
    const r = hint(hints, "reshape");
    if (r.element !== ops[0].element) fail(`reshape keeps the element type: ${t(ops[0])} cannot become ${t(r)}`);
    if (numElements(r) !== numElements(ops[0])) fail(`reshape keeps the element count: ${t(ops[0])} has ${numElements(ops[0])}, ${t(r)} has ${numElements(r)}`);
    return [r];
  },
};

const transpose: Rule = {
  infer(ops, attrs) {
    count(ops, 1);
    const perm = ints(attrs, "permutation");
    const x = ops[0];
    if (perm.length !== x.shape.length) fail(`permutation ${JSON.stringify(perm)} must have ${x.shape.length} entries for ${t(x)}`);
    checkDims(perm, x.shape.length, "permutation entry");
    return [tensor(perm.map((p) => x.shape[p]), x.element)];
  },
};

const broadcastInDim: Rule = {
  infer(ops, attrs, _regions, hints) {
    count(ops, 1);
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
  },
};

const concatenate: Rule = {
  infer(ops, attrs) {
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
  },
};

const slice: Rule = {
  infer(ops, attrs) {
    count(ops, 1);
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
  },
};

function checkIndices(indices: readonly TensorType[], rank: number): void {
  if (indices.length !== rank) fail(`expects ${rank} start indices, got ${indices.length}`);
  for (const i of indices) {
    if (i.shape.length !== 0 || !isInteger(i.element)) fail(`start indices must be integer scalars, got ${t(i)}`);
    if (i.element !== indices[0].element) fail(`start indices must share one type: ${t(indices[0])} vs ${t(i)}`);
  }
}

const dynamicSlice: Rule = {
  infer(ops, attrs) {
    if (ops.length < 1) fail("expects an operand");
    const x = ops[0];
    checkIndices(ops.slice(1), x.shape.length);
    const sizes = ints(attrs, "slice_sizes");
    if (sizes.length !== x.shape.length) fail(`slice_sizes must have ${x.shape.length} entries for ${t(x)}`);
    sizes.forEach((s, i) => {
      if (s < 0 || s > x.shape[i]) fail(`slice size ${s} does not fit dimension ${i} of ${t(x)}`);
    });
    return [tensor(sizes, x.element)];
  },
};

const dynamicUpdateSlice: Rule = {
  infer(ops) {
    if (ops.length < 2) fail("expects an operand and an update");
    const [x, u] = ops;
    if (u.element !== x.element || u.shape.length !== x.shape.length) fail(`update ${t(u)} must share element type and rank with ${t(x)}`);
    u.shape.forEach((d, i) => {
      if (d > x.shape[i]) fail(`update ${t(u)} does not fit in ${t(x)} (dimension ${i})`);
    });
    checkIndices(ops.slice(2), x.shape.length);
    return [x];
  },
};

const iota: Rule = {
  infer(ops, attrs, _regions, hints) {
    count(ops, 0);
    const r = hint(hints, "iota");
    const d = int(attrs, "iota_dimension");
    if (r.shape.length === 0) fail("iota needs a result of rank 1 or more");
    if (d < 0 || d >= r.shape.length) fail(`iota_dimension ${d} is out of range for ${t(r)}`);
    if (isBool(r.element)) fail("iota cannot produce i1");
    return [r];
  },
};

const constant: Rule = {
  infer(ops, attrs) {
    count(ops, 0);
    const v = attr(attrs, "value", "dense").value;
    checkDense(v);
    return [v.type];
  },
};

function checkDense(v: DenseElements): void {
  const n = v.splat ? 1 : numElements(v.type);
  if (v.values.length !== n) badAttr(`dense literal of ${t(v.type)} holds ${v.values.length} values, expected ${n}`);
}

// ---------------------------------------------------------------------------------------------
// Reductions, contractions, gathers, loops

const reduce: Rule = {
  infer(ops, attrs, regions) {
    if (ops.length === 0 || ops.length % 2 !== 0) fail("expects N inputs followed by N init values");
    const n = ops.length / 2;
    const inputs = ops.slice(0, n);
    const inits = ops.slice(n);
    const dims = ints(attrs, "dimensions");
    for (const x of inputs) {
      if (!sameShape(x.shape, inputs[0].shape)) fail(`inputs must share one shape: ${t(inputs[0])} vs ${t(x)}`);
    }
    checkDims(dims, inputs[0].shape.length, "reduced dimension");
    inits.forEach((init, i) => {
      if (init.shape.length !== 0) fail(`init value ${i} must be a scalar, got ${t(init)}`);
      if (init.element !== inputs[i].element) fail(`init value ${i} ${t(init)} must have the element type of input ${t(inputs[i])}`);
    });
    if (regions.length !== 1) fail("expects one body region");
    checkRegion(regions[0], "the reduce body", [...inits, ...inits], inits);
    const shape = inputs[0].shape.filter((_, i) => !dims.includes(i));
    return inits.map((init) => tensor(shape, init.element));
  },
};

function dotDims(d: DotDimensionNumbers, lhs: TensorType, rhs: TensorType): void {
  const lb = d.lhsBatchingDimensions;
  const rb = d.rhsBatchingDimensions;
  const lc = d.lhsContractingDimensions;
  const rc = d.rhsContractingDimensions;
  if (lb.length !== rb.length) fail(`batching dimensions differ in number: [${lb}] x [${rb}]`);
  if (lc.length !== rc.length) fail(`contracting dimensions differ in number: [${lc}] x [${rc}]`);
  checkDims([...lb, ...lc], lhs.shape.length, "lhs dimension");
  checkDims([...rb, ...rc], rhs.shape.length, "rhs dimension");
  lb.forEach((d0, i) => {
    if (lhs.shape[d0] !== rhs.shape[rb[i]]) fail(`batching dimension sizes differ: lhs ${d0} is ${lhs.shape[d0]}, rhs ${rb[i]} is ${rhs.shape[rb[i]]}`);
  });
  lc.forEach((d0, i) => {
    if (lhs.shape[d0] !== rhs.shape[rc[i]]) fail(`contracting dimension sizes differ: lhs ${d0} is ${lhs.shape[d0]}, rhs ${rc[i]} is ${rhs.shape[rc[i]]}`);
  });
}

const dotGeneral: Rule = {
  infer(ops, attrs, _regions, hints) {
    count(ops, 2);
    const [lhs, rhs] = ops;
    const d = attr(attrs, "dot_dimension_numbers", "dot").value;
    if (lhs.element !== rhs.element) fail(`operands must share an element type: ${t(lhs)} vs ${t(rhs)}`);
    dotDims(d, lhs, rhs);
    const free = (x: TensorType, used: readonly number[]): number[] => x.shape.filter((_, i) => !used.includes(i));
    const shape = [
      ...d.lhsBatchingDimensions.map((i) => lhs.shape[i]),
      ...free(lhs, [...d.lhsBatchingDimensions, ...d.lhsContractingDimensions]),
      ...free(rhs, [...d.rhsBatchingDimensions, ...d.rhsContractingDimensions]),
    ];
    // Like preferred_element_type: a float dot may accumulate into another float type (bf16 -> f32).
    const want = hints.resultTypes?.[0]?.element;
    const element = want !== undefined && want !== lhs.element && isFloat(want) && isFloat(lhs.element) ? want : lhs.element;
    return [tensor(shape, element)];
  },
};

/** Legacy `dot`: vector·vector, matrix·vector, vector·matrix or matrix·matrix. */
const dot: Rule = {
  infer(ops, _attrs, _regions, hints) {
    count(ops, 2);
    const [lhs, rhs] = ops;
    if (lhs.element !== rhs.element) fail(`operands must share an element type: ${t(lhs)} vs ${t(rhs)}`);
    const [lr, rr] = [lhs.shape.length, rhs.shape.length];
    if (lr < 1 || lr > 2 || rr < 1 || rr > 2) fail(`operands must be vectors or matrices: ${t(lhs)}, ${t(rhs)}`);
    if (lhs.shape[lr - 1] !== rhs.shape[0]) fail(`contracting dimensions differ: ${t(lhs)} · ${t(rhs)}`);
    const shape = [...lhs.shape.slice(0, lr - 1), ...rhs.shape.slice(1)];
    const want = hints.resultTypes?.[0]?.element;
    const element = want !== undefined && want !== lhs.element && isFloat(want) && isFloat(lhs.element) ? want : lhs.element;
    return [tensor(shape, element)];
  },
};

/** pad: `low + high + d + max(d - 1, 0) * interior` per dimension; edges may be negative (they crop). */
const pad: Rule = {
  infer(ops, attrs) {
    count(ops, 2);
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
  },
};

const reverse: Rule = {
  infer(ops, attrs) {
    count(ops, 1);
    const dims = ints(attrs, "dimensions");
    checkDims(dims, ops[0].shape.length, "reversed dimension");
    if (new Set(dims).size !== dims.length) fail(`dimensions ${JSON.stringify(dims)} must be unique`);
    return [ops[0]];
  },
};

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

const gather: Rule = {
  infer(ops, attrs) {
    count(ops, 2);
    const [operand, indices] = ops;
    if (!isInteger(indices.element)) fail(`start indices must be integers, got ${t(indices)}`);
    const g = attr(attrs, "dimension_numbers", "gather").value;
    const sliceSizes = ints(attrs, "slice_sizes");
    optionalAttr(attrs, "indices_are_sorted", "bool");
    return [tensor(gatherShape(operand, indices, g, sliceSizes), operand.element)];
  },
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

const scatter: Rule = {
  infer(ops, attrs, regions) {
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
  },
};

const whileRule: Rule = {
  infer(ops, _attrs, regions) {
    if (regions.length !== 2) fail("expects a cond and a body region");
    checkRegion(regions[0], "the while cond", ops, [tensor([], "i1")]);
    checkRegion(regions[1], "the while body", ops, ops);
    return [...ops];
  },
};

// ---------------------------------------------------------------------------------------------
// func and check ops

const call: Rule = {
  infer(_ops, attrs, _regions, hints) {
    attr(attrs, "callee", "symbol");
    // The callee's signature lives in the module; the verifier compares it, inference takes it as given.
    if (!hints.resultTypes) fail("func.call needs its callee's result types");
    return [...hints.resultTypes];
  },
};

const terminatorRule: Rule = { infer: () => [] };

const expectEq: Rule = {
  infer(ops) {
    count(ops, 2);
    same(ops[0], ops[1], "operands must have the same type");
    return [];
  },
};

function expectConst(floatOnly: boolean): Rule {
  return {
    infer(ops, attrs) {
      count(ops, 1);
      const v = attr(attrs, "value", "dense").value;
      checkDense(v);
      same(ops[0], v.type, "the operand and the expected value must have the same type");
      if (floatOnly && !isFloat(ops[0].element)) fail(`needs a float element type, got ${t(ops[0])}`);
      if (floatOnly) optionalAttr(attrs, "tolerance", "float");
      return [];
    },
  };
}

const expectAlmostEq: Rule = {
  infer(ops, attrs) {
    count(ops, 2);
    same(ops[0], ops[1], "operands must have the same type");
    if (!isFloat(ops[0].element)) fail(`needs a float element type, got ${t(ops[0])}`);
    optionalAttr(attrs, "tolerance", "float");
    return [];
  },
};

const expectClose: Rule = {
  infer(ops, attrs) {
    count(ops, 2);
    same(ops[0], ops[1], "operands must have the same type");
    if (!isFloat(ops[0].element)) fail(`needs a float element type, got ${t(ops[0])}`);
    optionalAttr(attrs, "max_ulp_difference", "int");
    optionalAttr(attrs, "min_ulp_difference", "int");
    return [];
  },
};

// ---------------------------------------------------------------------------------------------
// The table

const RULES: Record<string, Rule> = {
  "stablehlo.abs": unary("numeric"),
  "stablehlo.negate": unary("numeric"),
  "stablehlo.sign": unary("numeric"),
  "stablehlo.exponential": unary("float"),
  "stablehlo.exponential_minus_one": unary("float"),
  "stablehlo.log": unary("float"),
  "stablehlo.log_plus_one": unary("float"),
  "stablehlo.sqrt": unary("float"),
  "stablehlo.rsqrt": unary("float"),
  "stablehlo.cbrt": unary("float"),
  "stablehlo.tanh": unary("float"),
  "stablehlo.tan": unary("float"),
  "stablehlo.logistic": unary("float"),
  "stablehlo.cosine": unary("float"),
  "stablehlo.sine": unary("float"),
  "stablehlo.floor": unary("float"),
  "stablehlo.ceil": unary("float"),
  "stablehlo.round_nearest_even": unary("float"),
  "stablehlo.round_nearest_afz": unary("float"),
  "stablehlo.not": unary("intOrBool"),
  "stablehlo.popcnt": unary("int"),
  "stablehlo.count_leading_zeros": unary("int"),
  "stablehlo.is_finite": isFinite,
  "stablehlo.add": binary("any"),
  "stablehlo.subtract": binary("numeric"),
  "stablehlo.multiply": binary("any"),
  "stablehlo.divide": binary("numeric"),
  "stablehlo.remainder": binary("numeric"),
  "stablehlo.power": binary("numeric"),
  "stablehlo.maximum": binary("any"),
  "stablehlo.minimum": binary("any"),
  "stablehlo.atan2": binary("float"),
  "stablehlo.and": binary("intOrBool"),
  "stablehlo.or": binary("intOrBool"),
  "stablehlo.xor": binary("intOrBool"),
  "stablehlo.shift_left": binary("int"),
  "stablehlo.shift_right_arithmetic": binary("int"),
  "stablehlo.shift_right_logical": binary("int"),
  "stablehlo.compare": compare,
  "stablehlo.select": select,
  "stablehlo.clamp": clamp,
  "stablehlo.convert": convert,
  "stablehlo.bitcast_convert": bitcastConvert,
  "stablehlo.reshape": reshape,
  "stablehlo.transpose": transpose,
  "stablehlo.broadcast_in_dim": broadcastInDim,
  "stablehlo.concatenate": concatenate,
  "stablehlo.slice": slice,
  "stablehlo.dynamic_slice": dynamicSlice,
  "stablehlo.dynamic_update_slice": dynamicUpdateSlice,
  "stablehlo.iota": iota,
  "stablehlo.constant": constant,
  "stablehlo.reduce": reduce,
  "stablehlo.dot_general": dotGeneral,
  "stablehlo.dot": dot,
  "stablehlo.pad": pad,
  "stablehlo.reverse": reverse,
  "stablehlo.gather": gather,
  "stablehlo.scatter": scatter,
  "stablehlo.while": whileRule,
  "stablehlo.return": terminatorRule,
  "func.return": terminatorRule,
  "func.call": call,
  "check.expect_eq": expectEq,
  "check.expect_eq_const": expectConst(false),
  "check.expect_almost_eq": expectAlmostEq,
  "check.expect_almost_eq_const": expectConst(true),
  "check.expect_close": expectClose,
};

/** Ops that end a block: never produce results. */
export const TERMINATORS: ReadonlySet<string> = new Set(["stablehlo.return", "func.return"]);

export function hasRule(name: string): boolean {
  return Object.hasOwn(RULES, name);
}

export function knownOps(): string[] {
  return Object.keys(RULES).sort();
}

/** Result types of an op; throws ShapeError (with a code) when the op breaks its rule. */
export function inferResultTypes(
  name: string,
  operandTypes: readonly TensorType[],
  attrs: Attrs,
  regions: readonly Region[] = [],
  hints: InferHints = {},
): TensorType[] {
  const rule = RULES[name];
  if (!rule) throw new ShapeError(`unknown op '${name}'`, "stablehlo-unknown-op");
  return rule.infer(operandTypes, attrs, regions, hints);
}

/** Everything wrong with one op, given its actual result types (empty when it follows its rule). */
export function checkOpViolations(
  name: string,
  operandTypes: readonly TensorType[],
  resultTypes: readonly TensorType[],
  attrs: Attrs,
  regions: readonly Region[] = [],
): RuleViolation[] {
  let inferred: TensorType[];
  try {
    inferred = inferResultTypes(name, operandTypes, attrs, regions, { resultTypes });
  } catch (e) {
    if (e instanceof ShapeError) return [{ code: e.code, message: `${name}: ${e.message}` }];
    throw e;
  }
  if (name === "func.call") return [];
  if (inferred.length !== resultTypes.length || inferred.some((r, i) => !sameType(r, resultTypes[i]))) {
    return [
      {
        code: "stablehlo-type-mismatch",
        message: `${name}: result type should be (${inferred.map(t).join(", ")}), but is (${resultTypes.map(t).join(", ")})`,
      },
    ];
  }
  return [];
}

/** Error strings for one op (empty when it follows its rule). */
export function checkOp(
  name: string,
  operandTypes: readonly TensorType[],
  resultTypes: readonly TensorType[],
  attrs: Attrs,
  regions: readonly Region[] = [],
): string[] {
  return checkOpViolations(name, operandTypes, resultTypes, attrs, regions).map((v) => v.message);
}
