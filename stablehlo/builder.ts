/**
 * An ergonomic builder of StableHLO modules for the kernel emitter. Every op infers its result types
 * with the shape rules; a type error is a compiler bug and throws at once, at the line that made it.
 * Values are named as MLIR prints them: `%arg0...` for arguments (block arguments continue the count),
 * `%0, %1, ...` for results (`%5#1` for result 1 of a multi-result op), `%iterArg...` for while loops.
 */
import {
  type Attribute,
  type ComparisonDirection,
  type ComparisonType,
  type DenseElements,
  type DotDimensionNumbers,
  type ElementType,
  type Func,
  type FuncArg,
  type GatherDimensionNumbers,
  type Module,
  type Op,
  type Region,
  type ScatterDimensionNumbers,
  type TensorType,
  type Value,
  formatType,
  isFloat,
  numElements,
  roundToElement,
  sameType,
  tensorType,
} from "./ir.js";
import { type InferHints, ShapeError, inferResultTypes } from "./shape-rules.js";

export interface ArgSpec {
  /** The SSA name without `%` (`tokens` prints `%tokens`); `%argN` when absent. */
  readonly name?: string;
  readonly type: TensorType;
  /** e.g. `{ "jax.buffer_donor": { kind: "bool", value: true } }` for a donated buffer. */
  readonly attrs?: Readonly<Record<string, Attribute>>;
}

/** A function already added to the module, for `call`. */
export interface FuncRef {
  readonly name: string;
  readonly argTypes: readonly TensorType[];
  readonly resultTypes: readonly TensorType[];
}

export interface DotDims {
  readonly lhsBatch?: readonly number[];
  readonly rhsBatch?: readonly number[];
  readonly lhsContract: readonly number[];
  readonly rhsContract: readonly number[];
}

/** Gather dimension numbers; the batching lists default to empty. */
export type GatherDims = Omit<GatherDimensionNumbers, "operandBatchingDims" | "startIndicesBatchingDims"> &
  Partial<Pick<GatherDimensionNumbers, "operandBatchingDims" | "startIndicesBatchingDims">>;

/** Scatter dimension numbers; the batching lists default to empty. */
export type ScatterDims = Omit<ScatterDimensionNumbers, "inputBatchingDims" | "scatterIndicesBatchingDims"> &
  Partial<Pick<ScatterDimensionNumbers, "inputBatchingDims" | "scatterIndicesBatchingDims">>;

/** Binary ops a reduce or scatter body can be made of directly. */
export type Combiner = "add" | "multiply" | "maximum" | "minimum" | "and" | "or";

export type BinaryOp =
  | Combiner
  | "subtract"
  | "divide"
  | "remainder"
  | "power"
  | "xor"
  | "atan2"
  | "shift_left"
  | "shift_right_arithmetic"
  | "shift_right_logical";

export type UnaryOp =
  | "negate"
  | "exponential"
  | "log"
  | "sqrt"
  | "rsqrt"
  | "tanh"
  | "logistic"
  | "cosine"
  | "sine"
  | "abs"
  | "floor"
  | "ceil"
  | "sign"
  | "not"
  | "round_nearest_even"
  | "exponential_minus_one"
  | "log_plus_one";

const SSA_NAME = /^[a-zA-Z_][\w$.-]*$/;
/** Names the builder generates itself; a user-chosen argument name may not take one of them. */
const GENERATED_NAME = /^(arg\d+|iterArg(_\d+)?|\d+)$/;

/** Per-function naming state, shared by the function body and every region inside it. */
class FuncContext {
  nextValue = 0;
  nextArg: number;
  nextIter = 0;
  nextHidden = 0;

  constructor(
    readonly module: ModuleBuilder,
    readonly funcName: string,
    argCount: number,
    readonly defined = new Set<Value>(),
  ) {
    this.nextArg = argCount;
  }

  resultNames(n: number): string[] {
    if (n === 0) return [];
    const base = `%${this.nextValue++}`;
    return n === 1 ? [base] : Array.from({ length: n }, (_, i) => `${base}#${i}`);
  }

  blockArgName(): string {
    return `%arg${this.nextArg++}`;
  }

  /** A context whose names are never printed (compact reduce bodies), sharing what is defined. */
  hiddenContext(): FuncContext {
    const id = this.nextHidden++;
    const hidden = new FuncContext(this.module, this.funcName, 0, this.defined);
    hidden.resultNames = (n: number) => Array.from({ length: n }, (_, i) => `%__reduce${id}_out${i}`);
    hidden.blockArgName = () => `%__reduce${id}_arg${hidden.nextArg++}`;
    return hidden;
  }

  iterArgName(): string {
    const k = this.nextIter++;
    return k === 0 ? "%iterArg" : `%iterArg_${k - 1}`;
  }
}

function bug(op: string, message: string): Error {
  return new Error(`stablehlo builder: ${op}: ${message}`);
}

export class FuncBuilder {
  /** @internal Use ModuleBuilder.func. */
  constructor(
    private readonly ctx: FuncContext,
    private readonly ops: Op[],
  ) {}

  // ------------------------------------------------------------------------------------------
  // Core

  /**
   * Emits any op with rule-inferred result types. `hints` carries result types inference cannot know;
   * `names` are result names reserved before the op's regions were built (MLIR numbers results first).
   */
  op(
    name: string,
    operands: readonly Value[],
    attrs: Record<string, Attribute> = {},
    regions: readonly Region[] = [],
    hints: InferHints = {},
    names?: readonly string[],
  ): Value[] {
    for (const v of operands) {
      if (!this.ctx.defined.has(v)) throw bug(name, `operand ${v.name} does not belong to @${this.ctx.funcName}`);
    }
    let types: TensorType[];
    try {
      types = inferResultTypes(name, operands.map((v) => v.type), attrs, regions, hints);
    } catch (e) {
      if (e instanceof ShapeError) throw bug(name, e.message);
      throw e;
    }
    if (names && names.length !== types.length) throw bug(name, `${names.length} reserved result names for ${types.length} results`);
    const results = (names ?? this.ctx.resultNames(types.length)).map((n, i) => ({ name: n, type: types[i] }));
    for (const r of results) this.ctx.defined.add(r);
    this.ops.push({ name, operands: [...operands], results, attrs, regions });
    return results;
  }

  private one(name: string, operands: readonly Value[], attrs: Record<string, Attribute> = {}, regions: readonly Region[] = [], hints: InferHints = {}): Value {
    return this.op(name, operands, attrs, regions, hints)[0];
  }

  /** A single-block region whose block takes `argTypes`; `fill` returns what stablehlo.return yields. */
  private region(
    argTypes: readonly TensorType[],
    argNames: readonly string[] | undefined,
    fill: (f: FuncBuilder, args: Value[]) => Value[],
    ctx: FuncContext = this.ctx,
  ): Region {
    const ops: Op[] = [];
    const inner = new FuncBuilder(ctx, ops);
    const args = argTypes.map((type, i) => ({ name: argNames?.[i] ?? ctx.blockArgName(), type }));
    for (const a of args) ctx.defined.add(a);
    const returned = fill(inner, args);
    inner.op("stablehlo.return", returned);
    return { blocks: [{ args, ops }] };
  }

  // ------------------------------------------------------------------------------------------
  // Element-wise

  unary(op: UnaryOp, x: Value): Value {
    return this.one(`stablehlo.${op}`, [x]);
  }

  binary(op: BinaryOp, a: Value, b: Value): Value {
    return this.one(`stablehlo.${op}`, [a, b]);
  }

  add(a: Value, b: Value): Value {
    return this.binary("add", a, b);
  }
  subtract(a: Value, b: Value): Value {
    return this.binary("subtract", a, b);
  }
  multiply(a: Value, b: Value): Value {
    return this.binary("multiply", a, b);
  }
  divide(a: Value, b: Value): Value {
    return this.binary("divide", a, b);
  }
  maximum(a: Value, b: Value): Value {
    return this.binary("maximum", a, b);
  }
  minimum(a: Value, b: Value): Value {
    return this.binary("minimum", a, b);
  }
  power(a: Value, b: Value): Value {
    return this.binary("power", a, b);
  }
  remainder(a: Value, b: Value): Value {
    return this.binary("remainder", a, b);
  }
  and(a: Value, b: Value): Value {
    return this.binary("and", a, b);
  }
  or(a: Value, b: Value): Value {
    return this.binary("or", a, b);
  }
  xor(a: Value, b: Value): Value {
    return this.binary("xor", a, b);
  }
  negate(x: Value): Value {
    return this.unary("negate", x);
  }
  exp(x: Value): Value {
    return this.unary("exponential", x);
  }
  log(x: Value): Value {
    return this.unary("log", x);
  }
  sqrt(x: Value): Value {
    return this.unary("sqrt", x);
  }
  rsqrt(x: Value): Value {
    return this.unary("rsqrt", x);
  }
  tanh(x: Value): Value {
    return this.unary("tanh", x);
  }
  logistic(x: Value): Value {
    return this.unary("logistic", x);
  }
  cosine(x: Value): Value {
    return this.unary("cosine", x);
  }
  sine(x: Value): Value {
    return this.unary("sine", x);
  }
  abs(x: Value): Value {
    return this.unary("abs", x);
  }
  floor(x: Value): Value {
    return this.unary("floor", x);
  }
  not(x: Value): Value {
    return this.unary("not", x);
  }

  convert(x: Value, element: ElementType): Value {
    return this.one("stablehlo.convert", [x], {}, [], { resultTypes: [tensorType(x.type.shape, element)] });
  }

  /** `type` defaults to the one the element type implies (FLOAT, SIGNED or UNSIGNED). */
  compare(direction: ComparisonDirection, a: Value, b: Value, type?: ComparisonType): Value {
    const e = a.type.element;
    const ct = type ?? (isFloat(e) ? "FLOAT" : e === "i32" || e === "i64" ? "SIGNED" : "UNSIGNED");
    return this.one("stablehlo.compare", [a, b], {
      comparison_direction: { kind: "enum", value: direction },
      compare_type: { kind: "enum", value: ct },
    });
  }

  select(pred: Value, onTrue: Value, onFalse: Value): Value {
    return this.one("stablehlo.select", [pred, onTrue, onFalse]);
  }

  clamp(min: Value, x: Value, max: Value): Value {
    return this.one("stablehlo.clamp", [min, x, max]);
  }

  // ------------------------------------------------------------------------------------------
  // Constants and shapes

  /** A constant: one number fills the tensor (a splat); an array is the row-major contents. */
  constant(type: TensorType, values: number | readonly number[]): Value {
    const list = typeof values === "number" ? [values] : values;
    const splat = typeof values === "number";
    if (!splat && list.length !== numElements(type)) throw bug("constant", `${list.length} values for ${formatType(type)}`);
    const e = type.element;
    const rounded = list.map((v) => {
      if (!isFloat(e) && !Number.isInteger(v)) throw bug("constant", `${v} is not an integer, as ${e} needs`);
      if (e === "i1" && v !== 0 && v !== 1) throw bug("constant", `${v} is not 0 or 1, as i1 needs`);
      return isFloat(e) ? roundToElement(v, e) : v;
    });
    return this.constantDense({ type: tensorType(type.shape, e), splat, values: rounded });
  }

  constantDense(value: DenseElements): Value {
    return this.one("stablehlo.constant", [], { value: { kind: "dense", value } });
  }

  /** A rank-0 constant. */
  scalar(value: number, element: ElementType): Value {
    return this.constant(tensorType([], element), value);
  }

  iota(type: TensorType, dim: number): Value {
    return this.one("stablehlo.iota", [], { iota_dimension: { kind: "int", value: dim } }, [], { resultTypes: [type] });
  }

  reshape(x: Value, shape: readonly number[]): Value {
    return this.one("stablehlo.reshape", [x], {}, [], { resultTypes: [tensorType(shape, x.type.element)] });
  }

  transpose(x: Value, permutation: readonly number[]): Value {
    return this.one("stablehlo.transpose", [x], { permutation: { kind: "ints", values: [...permutation] } });
  }

  /** Operand dimension i maps to result dimension dims[i]. */
  broadcastInDim(x: Value, shape: readonly number[], dims: readonly number[]): Value {
    return this.one("stablehlo.broadcast_in_dim", [x], { broadcast_dimensions: { kind: "ints", values: [...dims] } }, [], {
      resultTypes: [tensorType(shape, x.type.element)],
    });
  }

  concatenate(xs: readonly Value[], dim: number): Value {
    return this.one("stablehlo.concatenate", xs, { dimension: { kind: "int", value: dim } });
  }

  slice(x: Value, start: readonly number[], limit: readonly number[], strides?: readonly number[]): Value {
    return this.one("stablehlo.slice", [x], {
      start_indices: { kind: "ints", values: [...start] },
      limit_indices: { kind: "ints", values: [...limit] },
      strides: { kind: "ints", values: strides ? [...strides] : start.map(() => 1) },
    });
  }

  /** Start indices are scalars, one per dimension; the op clamps them so the slice stays inside. */
  dynamicSlice(x: Value, starts: readonly Value[], sizes: readonly number[]): Value {
    return this.one("stablehlo.dynamic_slice", [x, ...starts], { slice_sizes: { kind: "ints", values: [...sizes] } });
  }

  dynamicUpdateSlice(x: Value, update: Value, starts: readonly Value[]): Value {
    return this.one("stablehlo.dynamic_update_slice", [x, update, ...starts]);
  }

  // ------------------------------------------------------------------------------------------
  // Contractions, reductions, gathers, loops, calls

  /** Result dimensions: batch, lhs free, rhs free. `resultElement` widens a float dot (bf16 -> f32). */
  dotGeneral(lhs: Value, rhs: Value, dims: DotDims, resultElement?: ElementType): Value {
    const value: DotDimensionNumbers = {
      lhsBatchingDimensions: [...(dims.lhsBatch ?? [])],
      rhsBatchingDimensions: [...(dims.rhsBatch ?? [])],
      lhsContractingDimensions: [...dims.lhsContract],
      rhsContractingDimensions: [...dims.rhsContract],
    };
    const hints: InferHints = resultElement ? { resultTypes: [tensorType([], resultElement)] } : {};
    const r = this.one("stablehlo.dot_general", [lhs, rhs], { dot_dimension_numbers: { kind: "dot", value } }, [], hints);
    if (resultElement && r.type.element !== resultElement) {
      throw bug("dot_general", `cannot produce ${resultElement} from ${lhs.type.element} operands`);
    }
    return r;
  }

  /** Reduces `x` over `dims` with a binary op (printed compactly) or a body of two scalars. */
  reduce(x: Value, init: Value, dims: readonly number[], body: Combiner | ((f: FuncBuilder, a: Value, b: Value) => Value)): Value {
    if (typeof body !== "string") return this.reduceMulti([x], [init], dims, (f, lhs, rhs) => [body(f, lhs[0], rhs[0])])[0];
    // The compact form (`applies stablehlo.add`) never prints the body, so its names stay out of the
    // numbering, as they do in MLIR's output.
    const names = this.ctx.resultNames(1);
    const hidden = this.ctx.hiddenContext();
    const region = this.region([init.type, init.type], undefined, (f, [a, b]) => [f.binary(body, a, b)], hidden);
    return this.op("stablehlo.reduce", [x, init], { dimensions: { kind: "ints", values: [...dims] } }, [region], {}, names)[0];
  }

  /** Reduces several inputs together (argmax: values and indices); the body sees both sides' scalars. */
  reduceMulti(
    xs: readonly Value[],
    inits: readonly Value[],
    dims: readonly number[],
    body: (f: FuncBuilder, lhs: Value[], rhs: Value[]) => Value[],
  ): Value[] {
    if (xs.length !== inits.length || xs.length === 0) throw bug("reduce", `${xs.length} inputs but ${inits.length} init values`);
    const n = xs.length;
    const names = this.ctx.resultNames(n);
    const scalars = inits.map((i) => i.type);
    const region = this.region([...scalars, ...scalars], undefined, (f, args) => body(f, args.slice(0, n), args.slice(n)));
    return this.op("stablehlo.reduce", [...xs, ...inits], { dimensions: { kind: "ints", values: [...dims] } }, [region], {}, names);
  }

  gather(operand: Value, indices: Value, dims: GatherDims, sliceSizes: readonly number[], indicesAreSorted = false): Value {
    const value: GatherDimensionNumbers = {
      offsetDims: [...dims.offsetDims],
      collapsedSliceDims: [...dims.collapsedSliceDims],
      operandBatchingDims: [...(dims.operandBatchingDims ?? [])],
      startIndicesBatchingDims: [...(dims.startIndicesBatchingDims ?? [])],
      startIndexMap: [...dims.startIndexMap],
      indexVectorDim: dims.indexVectorDim,
    };
    return this.one("stablehlo.gather", [operand, indices], {
      dimension_numbers: { kind: "gather", value },
      slice_sizes: { kind: "ints", values: [...sliceSizes] },
      indices_are_sorted: { kind: "bool", value: indicesAreSorted },
    });
  }

  /** `update` "replace" writes the update; a combiner merges old and new; a function builds any body. */
  scatter(
    input: Value,
    indices: Value,
    updates: Value,
    dims: ScatterDims,
    update: "replace" | Combiner | ((f: FuncBuilder, current: Value, incoming: Value) => Value),
    opts: { readonly indicesAreSorted?: boolean; readonly uniqueIndices?: boolean } = {},
  ): Value {
    const value: ScatterDimensionNumbers = {
      updateWindowDims: [...dims.updateWindowDims],
      insertedWindowDims: [...dims.insertedWindowDims],
      inputBatchingDims: [...(dims.inputBatchingDims ?? [])],
      scatterIndicesBatchingDims: [...(dims.scatterIndicesBatchingDims ?? [])],
      scatterDimsToOperandDims: [...dims.scatterDimsToOperandDims],
      indexVectorDim: dims.indexVectorDim,
    };
    const names = this.ctx.resultNames(1);
    const scalar = tensorType([], input.type.element);
    const region = this.region([scalar, scalar], undefined, (f, [cur, inc]) => {
      if (update === "replace") return [inc];
      if (typeof update === "string") return [f.binary(update, cur, inc)];
      return [update(f, cur, inc)];
    });
    return this.op("stablehlo.scatter", [input, indices, updates], {
      scatter_dimension_numbers: { kind: "scatter", value },
      indices_are_sorted: { kind: "bool", value: opts.indicesAreSorted ?? false },
      unique_indices: { kind: "bool", value: opts.uniqueIndices ?? false },
    }, [region], {}, names)[0];
  }

  /** Loops while `cond` (an i1 scalar) holds; `body` returns the next loop values. */
  while(inits: readonly Value[], cond: (f: FuncBuilder, vals: Value[]) => Value, body: (f: FuncBuilder, vals: Value[]) => Value[]): Value[] {
    const types = inits.map((v) => v.type);
    const results = this.ctx.resultNames(inits.length);
    const names = inits.map(() => this.ctx.iterArgName());
    const condRegion = this.region(types, names, (f, vals) => [cond(f, vals)]);
    const bodyRegion = this.region(types, names, body);
    return this.op("stablehlo.while", inits, {}, [condRegion, bodyRegion], {}, results);
  }

  call(callee: string | FuncRef, args: readonly Value[]): Value[] {
    const name = typeof callee === "string" ? callee : callee.name;
    const ref = this.ctx.module.lookup(name);
    if (!ref) throw bug("func.call", `@${name} is not defined (yet) in this module`);
    const argTypes = args.map((a) => a.type);
    if (argTypes.length !== ref.argTypes.length || argTypes.some((t, i) => !sameType(t, ref.argTypes[i]))) {
      throw bug("func.call", `@${name} takes (${ref.argTypes.map(formatType).join(", ")}), got (${argTypes.map(formatType).join(", ")})`);
    }
    return this.op("func.call", args, { callee: { kind: "symbol", value: name } }, [], { resultTypes: ref.resultTypes });
  }
}

export class ModuleBuilder {
  private readonly funcs: Func[] = [];
  private readonly refs = new Map<string, FuncRef>();

  constructor(
    readonly name?: string,
    private readonly attrs: Readonly<Record<string, Attribute>> = {},
  ) {}

  /** @internal */
  lookup(name: string): FuncRef | undefined {
    return this.refs.get(name);
  }

  /** Adds a function; `body` gets the argument values and returns the function's results. */
  func(
    name: string,
    visibility: "public" | "private",
    args: readonly ArgSpec[],
    body: (f: FuncBuilder, args: Value[]) => Value[],
  ): FuncRef {
    if (this.refs.has(name)) throw bug("func.func", `@${name} is defined twice`);
    const ctx = new FuncContext(this, name, args.length);
    const seen = new Set<string>();
    const fargs: FuncArg[] = args.map((a, i) => {
      if (a.name !== undefined && (!SSA_NAME.test(a.name) || GENERATED_NAME.test(a.name))) {
        throw bug("func.func", `argument name '${a.name}' is not a valid SSA name or clashes with generated names`);
      }
      const n = a.name !== undefined ? `%${a.name}` : `%arg${i}`;
      if (seen.has(n)) throw bug("func.func", `argument ${n} of @${name} is declared twice`);
      seen.add(n);
      return { name: n, type: a.type, attrs: { ...(a.attrs ?? {}) } };
    });
    for (const a of fargs) ctx.defined.add(a);
    const ops: Op[] = [];
    const f = new FuncBuilder(ctx, ops);
    const results = body(f, [...fargs]);
    f.op("func.return", results);
    const resultTypes = results.map((r) => r.type);
    this.funcs.push({ name, visibility, args: fargs, resultTypes, body: { args: fargs, ops } });
    const ref: FuncRef = { name, argTypes: fargs.map((a) => a.type), resultTypes };
    this.refs.set(name, ref);
    return ref;
  }

  build(): Module {
    const m: Module = { attrs: { ...this.attrs }, funcs: [...this.funcs] };
    return this.name !== undefined ? { ...m, name: this.name } : m;
  }
}
