/**
 * Prints the StableHLO op IR in the pretty textual form JAX prints (`stablehlo.add %a, %b : tensor<4xf32>`),
 * falling back to MLIR's generic form where JAX does (gather, scatter) or where an op carries more than
 * its pretty form can say. Output is deterministic, and floats print so they re-parse to the same value.
 */
import {
  type Attribute,
  type Block,
  type DenseElements,
  type ElementType,
  type Func,
  type Module,
  type Op,
  type TensorType,
  type Value,
  formatType,
  isFloat,
  roundToElement,
  sameType,
} from "./ir.js";

// ---------------------------------------------------------------------------------------------
// Literals

const SPECIAL_BITS: Record<string, { nan: string; inf: string; ninf: string }> = {
  f32: { nan: "0x7FC00000", inf: "0x7F800000", ninf: "0xFF800000" },
  bf16: { nan: "0x7FC0", inf: "0x7F80", ninf: "0xFF80" },
  f64: { nan: "0x7FF8000000000000", inf: "0x7FF0000000000000", ninf: "0xFFF0000000000000" },
};

function exponentForm(v: number, digits: number): string {
  // MLIR writes at least two exponent digits: 1.000000e+00.
  return v.toExponential(digits).replace(/e([+-])(\d)$/, "e$10$2");
}

/**
 * A float literal that re-parses to exactly `v` in `element`: MLIR's `1.000000e+00` when six decimals
 * suffice, more digits when not, hex bits for NaN and infinities.
 */
export function formatFloat(v: number, element: ElementType): string {
  const special = SPECIAL_BITS[element] ?? SPECIAL_BITS.f64;
  if (Number.isNaN(v)) return special.nan;
  if (v === Infinity) return special.inf;
  if (v === -Infinity) return special.ninf;
  if (Object.is(v, -0)) return "-0.000000e+00";
  const maxDigits = element === "f64" ? 16 : 8;
  for (let digits = 6; digits < maxDigits; digits++) {
    const s = exponentForm(v, digits);
    if (roundToElement(Number(s), element) === v) return s;
  }
  return exponentForm(v, maxDigits);
}

function formatElement(v: number, element: ElementType): string {
  if (isFloat(element)) return formatFloat(v, element);
  if (element === "i1") return v ? "true" : "false";
  return String(v);
}

/** `dense<...>` without its type. */
export function formatDense(d: DenseElements): string {
  const e = d.type.element;
  if (d.splat) return `dense<${formatElement(d.values[0], e)}>`;
  if (d.values.length === 0) return "dense<>";
  const shape = d.type.shape;
  if (shape.length === 0) return `dense<${formatElement(d.values[0], e)}>`;
  let i = 0;
  const walk = (dim: number): string => {
    const parts: string[] = [];
    for (let k = 0; k < shape[dim]; k++) parts.push(dim === shape.length - 1 ? formatElement(d.values[i++], e) : walk(dim + 1));
    return `[${parts.join(", ")}]`;
  };
  return `dense<${walk(0)}>`;
}

function formatString(s: string): string {
  // MLIR escapes quotes, backslashes and non-printables as two hex digits.
  return `"${s.replace(/["\\]|[^\x20-\x7e]/g, (c) => `\\${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`)}"`;
}

function formatSymbol(name: string): string {
  return /^[a-zA-Z_$.][\w$.-]*$/.test(name) ? `@${name}` : `@${formatString(name)}`;
}

function ints(values: readonly number[]): string {
  return `[${values.join(", ")}]`;
}

/** MLIR's enum attribute spelling per attribute key (`#stablehlo<comparison_direction GT>`). */
const ENUM_KIND: Record<string, string> = {
  comparison_direction: "comparison_direction",
  compare_type: "comparison_type",
};

function fields(entries: [string, readonly number[] | number][]): string {
  // Empty dimension lists are left out, as MLIR prints them.
  return entries
    .filter(([, v]) => typeof v === "number" || v.length > 0)
    .map(([k, v]) => `${k} = ${typeof v === "number" ? v : ints(v)}`)
    .join(", ");
}

/** An attribute value in the generic syntax. */
export function formatAttribute(key: string, a: Attribute): string {
  switch (a.kind) {
    case "int":
      return `${a.value} : ${a.type ?? "i64"}`;
    case "float":
      return `${formatFloat(a.value, a.type ?? "f64")} : ${a.type ?? "f64"}`;
    case "bool":
      return a.value ? "true" : "false";
    case "string":
      return formatString(a.value);
    case "ints":
      return a.values.length === 0 ? "array<i64>" : `array<i64: ${a.values.join(", ")}>`;
    case "enum":
      return `#stablehlo<${ENUM_KIND[key] ?? key} ${a.value}>`;
    case "symbol":
      return formatSymbol(a.value);
    case "dense":
      return `${formatDense(a.value)} : ${formatType(a.value.type)}`;
    case "dot": {
      const d = a.value;
      return `#stablehlo.dot<${fields([
        ["lhs_batching_dimensions", d.lhsBatchingDimensions],
        ["rhs_batching_dimensions", d.rhsBatchingDimensions],
        ["lhs_contracting_dimensions", d.lhsContractingDimensions],
        ["rhs_contracting_dimensions", d.rhsContractingDimensions],
      ])}>`;
    }
    case "gather": {
      const g = a.value;
      return `#stablehlo.gather<${fields([
        ["offset_dims", g.offsetDims],
        ["collapsed_slice_dims", g.collapsedSliceDims],
        ["operand_batching_dims", g.operandBatchingDims],
        ["start_indices_batching_dims", g.startIndicesBatchingDims],
        ["start_index_map", g.startIndexMap],
        ["index_vector_dim", g.indexVectorDim],
      ])}>`;
    }
    case "scatter": {
      const s = a.value;
      return `#stablehlo.scatter<${fields([
        ["update_window_dims", s.updateWindowDims],
        ["inserted_window_dims", s.insertedWindowDims],
        ["input_batching_dims", s.inputBatchingDims],
        ["scatter_indices_batching_dims", s.scatterIndicesBatchingDims],
        ["scatter_dims_to_operand_dims", s.scatterDimsToOperandDims],
        ["index_vector_dim", s.indexVectorDim],
      ])}>`;
    }
  }
}

/** `{a = 1 : i64, b = true}`, keys sorted as MLIR sorts dictionaries. */
export function formatAttrDict(attrs: Readonly<Record<string, Attribute>>): string {
  const keys = Object.keys(attrs).sort();
  const key = (k: string): string => (/^[a-zA-Z_][\w$.]*$/.test(k) ? k : formatString(k));
  return `{${keys.map((k) => `${key(k)} = ${formatAttribute(k, attrs[k])}`).join(", ")}}`;
}

// ---------------------------------------------------------------------------------------------
// Types and value lists

function typeList(types: readonly TensorType[]): string {
  return types.map(formatType).join(", ");
}

function resultTypes(types: readonly TensorType[]): string {
  return types.length === 1 ? formatType(types[0]) : `(${typeList(types)})`;
}

function functionalType(op: Op): string {
  return `(${typeList(op.operands.map((v) => v.type))}) -> ${resultTypes(op.results.map((v) => v.type))}`;
}

/** One type when operands and results all share it (MLIR's SameOperandsAndResultType form). */
function compactOrFunctional(op: Op): string {
  const all = [...op.operands, ...op.results].map((v) => v.type);
  return all.length > 0 && all.every((t) => sameType(t, all[0])) ? formatType(all[0]) : functionalType(op);
}

function names(values: readonly Value[]): string {
  return values.map((v) => v.name).join(", ");
}

function lhs(results: readonly Value[]): string {
  if (results.length === 0) return "";
  const m = /^(.*)#0$/.exec(results[0].name);
  if (m && results.every((r, i) => r.name === `${m[1]}#${i}`)) return `${m[1]}:${results.length} = `;
  return `${names(results)} = `;
}

function hasOnly(op: Op, keys: readonly string[]): boolean {
  return Object.keys(op.attrs).every((k) => keys.includes(k));
}

function blockArgs(args: readonly Value[]): string {
  return args.map((a) => `${a.name}: ${formatType(a.type)}`).join(", ");
}

// ---------------------------------------------------------------------------------------------
// Pretty forms, one printer per op; undefined means "use the generic form"

type Pretty = (op: Op, ind: string) => string | undefined;

const COMPACT_OPS = [
  "abs", "add", "and", "atan2", "cbrt", "ceil", "clamp", "convert", "cosine", "count_leading_zeros", "divide",
  "dynamic_update_slice", "exponential", "exponential_minus_one", "floor", "is_finite", "log", "log_plus_one",
  "logistic", "maximum", "minimum", "multiply", "negate", "not", "or", "popcnt", "power", "remainder", "reshape",
  "round_nearest_afz", "round_nearest_even", "rsqrt", "shift_left", "shift_right_arithmetic",
  "shift_right_logical", "sign", "sine", "sqrt", "subtract", "tan", "tanh", "xor",
].map((n) => `stablehlo.${n}`);

function simple(op: Op): boolean {
  return op.results.length === 1 && op.regions.length === 0;
}

function withDims(key: string, label: string): Pretty {
  return (op) => {
    const a = op.attrs[key];
    if (!simple(op) || op.operands.length !== 1 || a?.kind !== "ints" || !hasOnly(op, [key])) return undefined;
    return `${op.name} ${names(op.operands)}, ${label} = ${ints(a.values)} : ${functionalType(op)}`;
  };
}

function terminator(word: string): Pretty {
  return (op) => {
    if (op.results.length > 0 || op.regions.length > 0 || !hasOnly(op, [])) return undefined;
    if (op.operands.length === 0) return word;
    return `${word} ${names(op.operands)} : ${typeList(op.operands.map((v) => v.type))}`;
  };
}

function printRegionOps(block: Block, ind: string): string {
  return block.ops.map((o) => `${printOp(o, ind)}\n`).join("");
}

/** `applies stablehlo.add` when the body is one binary op on the two block arguments, as MLIR prints it. */
function compactReducer(op: Op): string | undefined {
  if (op.operands.length !== 2 || op.regions.length !== 1 || op.regions[0].blocks.length !== 1) return undefined;
  const init = op.operands[1].type;
  const b = op.regions[0].blocks[0];
  if (init.shape.length !== 0 || b.args.length !== 2 || b.ops.length !== 2) return undefined;
  const [inner, ret] = b.ops;
  const ok =
    b.args.every((a) => sameType(a.type, init)) &&
    inner.name.startsWith("stablehlo.") &&
    inner.operands.length === 2 &&
    inner.operands[0].name === b.args[0].name &&
    inner.operands[1].name === b.args[1].name &&
    inner.results.length === 1 &&
    sameType(inner.results[0].type, init) &&
    inner.regions.length === 0 &&
    Object.keys(inner.attrs).length === 0 &&
    ret.name === "stablehlo.return" &&
    ret.operands.length === 1 &&
    ret.operands[0].name === inner.results[0].name &&
    Object.keys(ret.attrs).length === 0;
  return ok ? inner.name : undefined;
}

const printReduce: Pretty = (op, ind) => {
  const dims = op.attrs.dimensions;
  const n = op.operands.length / 2;
  if (dims?.kind !== "ints" || !Number.isInteger(n) || n < 1 || op.regions.length !== 1 || op.regions[0].blocks.length !== 1) return undefined;
  const block = op.regions[0].blocks[0];
  if (block.args.length !== 2 * n) return undefined;
  const rest = Object.fromEntries(Object.entries(op.attrs).filter(([k]) => k !== "dimensions"));
  const pairs = Array.from({ length: n }, (_, i) => `(${op.operands[i].name} init: ${op.operands[n + i].name})`).join(", ");
  const extra = Object.keys(rest).length > 0 ? ` ${formatAttrDict(rest)}` : "";
  const head = `stablehlo.reduce${pairs}`;
  const applies = compactReducer(op);
  if (applies) return `${head} applies ${applies} across dimensions = ${ints(dims.values)}${extra} : ${functionalType(op)}`;
  const groups = Array.from({ length: n }, (_, i) => `(${blockArgs([block.args[i], block.args[n + i]])})`).join(" ");
  return (
    `${head} across dimensions = ${ints(dims.values)}${extra} : ${functionalType(op)}\n` +
    `${ind}  reducer${groups} {\n${printRegionOps(block, `${ind}    `)}${ind}  }`
  );
};

const printWhile: Pretty = (op, ind) => {
  if (op.regions.length !== 2 || !hasOnly(op, [])) return undefined;
  const [cond, body] = op.regions.map((r) => r.blocks);
  if (cond.length !== 1 || body.length !== 1) return undefined;
  const args = cond[0].args;
  const sameArgs =
    args.length === op.operands.length &&
    body[0].args.length === args.length &&
    args.every((a, i) => a.name === body[0].args[i].name && sameType(a.type, op.operands[i].type) && sameType(body[0].args[i].type, a.type)) &&
    op.results.length === args.length &&
    op.results.every((r, i) => sameType(r.type, args[i].type));
  if (!sameArgs) return undefined;
  const inits = args.map((a, i) => `${a.name} = ${op.operands[i].name}`).join(", ");
  return (
    `stablehlo.while(${inits}) : ${typeList(args.map((a) => a.type))}\n` +
    `${ind}cond {\n${printRegionOps(cond[0], `${ind}  `)}` +
    `${ind}} do {\n${printRegionOps(body[0], `${ind}  `)}${ind}}`
  );
};

const printCompare: Pretty = (op) => {
  const dir = op.attrs.comparison_direction;
  const ct = op.attrs.compare_type;
  if (!simple(op) || op.operands.length !== 2 || dir?.kind !== "enum" || (ct && ct.kind !== "enum") || !hasOnly(op, ["comparison_direction", "compare_type"])) {
    return undefined;
  }
  // JAX's printer puts two spaces before each enum keyword.
  const type = ct?.kind === "enum" ? `,  ${ct.value}` : "";
  return `stablehlo.compare  ${dir.value}, ${names(op.operands)}${type} : ${functionalType(op)}`;
};

const printSelect: Pretty = (op) => {
  if (!simple(op) || op.operands.length !== 3 || !hasOnly(op, [])) return undefined;
  const [p, t, f] = op.operands;
  const r = op.results[0];
  if (sameType(t.type, r.type) && sameType(f.type, r.type)) {
    return `stablehlo.select ${names(op.operands)} : ${formatType(p.type)}, ${formatType(r.type)}`;
  }
  return `stablehlo.select ${names(op.operands)} : ${functionalType(op)}`;
};

const printConstant: Pretty = (op) => {
  const v = op.attrs.value;
  if (!simple(op) || op.operands.length !== 0 || v?.kind !== "dense" || !sameType(v.value.type, op.results[0].type) || !hasOnly(op, ["value"])) {
    return undefined;
  }
  return `stablehlo.constant ${formatDense(v.value)} : ${formatType(op.results[0].type)}`;
};

const printIota: Pretty = (op) => {
  const d = op.attrs.iota_dimension;
  if (!simple(op) || op.operands.length !== 0 || d?.kind !== "int" || !hasOnly(op, ["iota_dimension"])) return undefined;
  return `stablehlo.iota dim = ${d.value} : ${formatType(op.results[0].type)}`;
};

const printConcatenate: Pretty = (op) => {
  const d = op.attrs.dimension;
  if (!simple(op) || op.operands.length === 0 || d?.kind !== "int" || !hasOnly(op, ["dimension"])) return undefined;
  return `stablehlo.concatenate ${names(op.operands)}, dim = ${d.value} : ${functionalType(op)}`;
};

const printSlice: Pretty = (op) => {
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

const printDynamicSlice: Pretty = (op) => {
  const s = op.attrs.slice_sizes;
  if (!simple(op) || op.operands.length < 1 || s?.kind !== "ints" || !hasOnly(op, ["slice_sizes"])) return undefined;
  return `stablehlo.dynamic_slice ${names(op.operands)}, sizes = ${ints(s.values)} : ${functionalType(op)}`;
};

const printDotGeneral: Pretty = (op) => {
  const d = op.attrs.dot_dimension_numbers;
  if (!simple(op) || op.operands.length !== 2 || d?.kind !== "dot" || !hasOnly(op, ["dot_dimension_numbers"])) return undefined;
  const v = d.value;
  const batch =
    v.lhsBatchingDimensions.length > 0 || v.rhsBatchingDimensions.length > 0
      ? `batching_dims = ${ints(v.lhsBatchingDimensions)} x ${ints(v.rhsBatchingDimensions)}, `
      : "";
  const contract = `contracting_dims = ${ints(v.lhsContractingDimensions)} x ${ints(v.rhsContractingDimensions)}`;
  return `stablehlo.dot_general ${names(op.operands)}, ${batch}${contract} : ${functionalType(op)}`;
};

const printCall: Pretty = (op) => {
  const c = op.attrs.callee;
  if (c?.kind !== "symbol" || op.regions.length !== 0 || !hasOnly(op, ["callee"])) return undefined;
  return `func.call ${formatSymbol(c.value)}(${names(op.operands)}) : ${functionalType(op)}`;
};

function noResults(op: Op): boolean {
  return op.results.length === 0 && op.regions.length === 0;
}

const printExpectEq: Pretty = (op) => {
  if (!noResults(op) || op.operands.length !== 2 || !hasOnly(op, [])) return undefined;
  return `check.expect_eq ${names(op.operands)} : ${formatType(op.operands[0].type)}`;
};

const printExpectEqConst: Pretty = (op) => {
  const v = op.attrs.value;
  if (!noResults(op) || op.operands.length !== 1 || v?.kind !== "dense" || !hasOnly(op, ["value"])) return undefined;
  return `check.expect_eq_const ${op.operands[0].name}, ${formatDense(v.value)} : ${formatType(v.value.type)}`;
};

function tolerance(op: Op): string | undefined {
  const t = op.attrs.tolerance;
  if (!t) return "";
  if (t.kind !== "float") return undefined;
  return `, tolerance = ${formatFloat(t.value, t.type ?? "f64")}${t.type ? ` : ${t.type}` : ""}`;
}

const printExpectAlmostEq: Pretty = (op) => {
  const tol = tolerance(op);
  if (!noResults(op) || op.operands.length !== 2 || tol === undefined || !hasOnly(op, ["tolerance"])) return undefined;
  return `check.expect_almost_eq ${names(op.operands)}${tol} : ${formatType(op.operands[0].type)}`;
};

const printExpectAlmostEqConst: Pretty = (op) => {
  const v = op.attrs.value;
  const tol = tolerance(op);
  if (!noResults(op) || op.operands.length !== 1 || v?.kind !== "dense" || tol === undefined || !hasOnly(op, ["value", "tolerance"])) {
    return undefined;
  }
  return `check.expect_almost_eq_const ${op.operands[0].name}, ${formatDense(v.value)} : ${formatType(v.value.type)}${tol}`;
};

const printExpectClose: Pretty = (op) => {
  const max = op.attrs.max_ulp_difference;
  const min = op.attrs.min_ulp_difference;
  if (!noResults(op) || op.operands.length !== 2 || max?.kind !== "int" || (min && min.kind !== "int")) return undefined;
  if (!hasOnly(op, ["max_ulp_difference", "min_ulp_difference"])) return undefined;
  const minText = min?.kind === "int" ? `, min_ulp_difference = ${min.value}` : "";
  return `check.expect_close ${names(op.operands)}, max_ulp_difference = ${max.value}${minText} : ${typeList(op.operands.map((v) => v.type))}`;
};

const PRETTY: Record<string, Pretty> = {
  "stablehlo.constant": printConstant,
  "stablehlo.iota": printIota,
  "stablehlo.compare": printCompare,
  "stablehlo.select": printSelect,
  "stablehlo.broadcast_in_dim": withDims("broadcast_dimensions", "dims"),
  "stablehlo.transpose": withDims("permutation", "dims"),
  "stablehlo.concatenate": printConcatenate,
  "stablehlo.slice": printSlice,
  "stablehlo.dynamic_slice": printDynamicSlice,
  "stablehlo.dot_general": printDotGeneral,
  "stablehlo.reduce": printReduce,
  "stablehlo.while": printWhile,
  "stablehlo.return": terminator("stablehlo.return"),
  "func.return": terminator("return"),
  "func.call": printCall,
  "check.expect_eq": printExpectEq,
  "check.expect_eq_const": printExpectEqConst,
  "check.expect_almost_eq": printExpectAlmostEq,
  "check.expect_almost_eq_const": printExpectAlmostEqConst,
  "check.expect_close": printExpectClose,
};
for (const name of COMPACT_OPS) {
  PRETTY[name] = (op) => (simple(op) && hasOnly(op, []) ? `${op.name} ${names(op.operands)} : ${compactOrFunctional(op)}` : undefined);
}

// ---------------------------------------------------------------------------------------------
// Generic form and structure

function printGeneric(op: Op, ind: string): string {
  const props = Object.keys(op.attrs).length > 0 ? ` <${formatAttrDict(op.attrs)}>` : "";
  let regions = "";
  if (op.regions.length > 0) {
    const rs = op.regions.map((r) => {
      const b = r.blocks[0];
      const label = b.args.length > 0 ? `${ind}^bb0(${blockArgs(b.args)}):\n` : "";
      return `{\n${label}${printRegionOps(b, `${ind}  `)}${ind}}`;
    });
    regions = ` (${rs.join(", ")})`;
  }
  return `"${op.name}"(${names(op.operands)})${props}${regions} : ${functionalType(op)}`;
}

/** One op (and its regions) at an indentation, without a trailing newline. */
export function printOp(op: Op, ind = ""): string {
  if (op.regions.some((r) => r.blocks.length !== 1)) throw new Error(`cannot print ${op.name}: regions must hold exactly one block`);
  const pretty = PRETTY[op.name]?.(op, ind);
  return `${ind}${lhs(op.results)}${pretty ?? printGeneric(op, ind)}`;
}

function printFunc(f: Func, ind: string): string {
  const args = f.args
    .map((a) => `${a.name}: ${formatType(a.type)}${Object.keys(a.attrs).length > 0 ? ` ${formatAttrDict(a.attrs)}` : ""}`)
    .join(", ");
  const results = f.resultTypes.length === 0 ? "" : ` -> ${resultTypes(f.resultTypes)}`;
  return `${ind}func.func ${f.visibility} ${formatSymbol(f.name)}(${args})${results} {\n${printRegionOps(f.body, `${ind}  `)}${ind}}\n`;
}

export function printModule(m: Module): string {
  const name = m.name !== undefined ? ` ${formatSymbol(m.name)}` : "";
  const attrs = Object.keys(m.attrs).length > 0 ? ` attributes ${formatAttrDict(m.attrs)}` : "";
  return `module${name}${attrs} {\n${m.funcs.map((f) => printFunc(f, "  ")).join("")}}\n`;
}

/** Several modules as one file, split the way the parser splits (`// -----`). */
export function printModules(ms: readonly Module[]): string {
  return ms.map(printModule).join("\n// -----\n\n");
}
