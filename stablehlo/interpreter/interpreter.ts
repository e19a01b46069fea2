/**
 * Runs functions of a parsed StableHLO module. Values live in a scope chain keyed by SSA name
 * (regions see their enclosing block's values; functions see only their arguments). Each op is
 * dispatched through OP_TABLE; an unknown op, or any failure inside a rule, becomes an
 * InterpreterError carrying the op's source location.
 */
import type { Block, Func, Module, Op, Region, TensorType } from "../ir.js";
import { formatType, numElements } from "../ir.js";
import type { CheckResult, EvalContext } from "./context.js";
import { formatBytes, InterpreterError, InterpreterLimitError } from "./errors.js";
import { liveness } from "./liveness.js";
import { lookupRule, TERMINATORS } from "./op-table.js";
import { bytesPerElement, finish, type Tensor } from "./tensor.js";

class Scope {
  private readonly values = new Map<string, Tensor>();
  /** Bytes of the op results this scope holds (counted against maxBytes until the scope ends). */
  bytes = 0;
  constructor(private readonly parent?: Scope) {}

  get(name: string): Tensor | undefined {
    return this.values.get(name) ?? this.parent?.get(name);
  }

  set(name: string, t: Tensor): void {
    this.values.set(name, t);
  }

  delete(name: string): void {
    this.values.delete(name);
  }
}

const MAX_CALL_DEPTH = 200;

/**
 * Default limit on interpreted ops executed (every op of every block run, loop iterations included).
 * 10^7 is about 1.5 s of a tight interpreted loop; the examples' emitted kernels run a few thousand
 * ops per call (the most measured across the test suite: 2,174), so it stops runaway loops quickly
 * and leaves real programs three orders of magnitude of room.
 */
export const DEFAULT_MAX_STEPS = 10_000_000;
/** Default limit on bytes of live tensor data (4 GiB). */
export const DEFAULT_MAX_BYTES = 4 * 2 ** 30;

/** Resource limits of one interpreter; exceeding one throws InterpreterLimitError. */
export interface InterpreterOptions {
  /** Interpreted ops executed, loop iterations included (default DEFAULT_MAX_STEPS). */
  readonly maxSteps?: number;
  /**
   * Bytes of live tensor data: the results of every op whose block is still running (element count x
   * element size of each result type), checked before the op allocates (default DEFAULT_MAX_BYTES).
   */
  readonly maxBytes?: number;
}

function typeBytes(type: TensorType): number {
  return numElements(type) * bytesPerElement(type.element);
}

function typeMatches(t: Tensor, type: TensorType): boolean {
  return (
    t.type.element === type.element &&
    t.type.shape.length === type.shape.length &&
    t.type.shape.every((d, i) => d === type.shape[i]) &&
    t.data.length === numElements(type)
  );
}

export class Interpreter implements EvalContext {
  readonly checks: CheckResult[] = [];
  private readonly funcs = new Map<string, Func>();
  private scope: Scope | undefined;
  private depth = 0;
  /** Interpreted ops executed so far. */
  steps = 0;
  /** Bytes of live op results (see InterpreterOptions.maxBytes). */
  liveBytes = 0;
  /** The most liveBytes reached. */
  peakBytes = 0;
  readonly maxSteps: number;
  readonly maxBytes: number;

  constructor(
    readonly module: Module,
    options: InterpreterOptions = {},
  ) {
    for (const f of module.funcs) this.funcs.set(f.name, f);
    this.maxSteps = options.maxSteps ?? DEFAULT_MAX_STEPS;
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  }

  /** Runs function `name` on `args` (bf16 arguments are rounded to bf16 on entry). */
  run(name: string, args: readonly Tensor[]): Tensor[] {
    return this.callFunction(name, args);
  }

  callFunction(name: string, args: readonly Tensor[]): Tensor[] {
    const func = this.funcs.get(name);
    if (!func) throw new InterpreterError(`no function @${name} in the module`, this.module.loc);
    if (args.length !== func.args.length) {
      throw new InterpreterError(`@${name} takes ${func.args.length} arguments, got ${args.length}`, func.loc);
    }
    const inputs = args.map((t, i) => {
      const want = func.args[i].type;
      if (!typeMatches(t, want)) {
        throw new InterpreterError(`@${name} argument ${i}: expected ${formatType(want)}, got ${formatType(t.type)}`, func.loc);
      }
      return t.type.element === "bf16" ? { type: t.type, data: finish("bf16", t.data.slice()) } : t;
    });
    const saved = this.scope;
    try {
      if (++this.depth > MAX_CALL_DEPTH) throw new InterpreterError(`call depth exceeds ${MAX_CALL_DEPTH} at @${name}`, func.loc);
      const results = this.runBlock(func.body, inputs, new Scope());
      results.forEach((t, i) => {
        if (!func.resultTypes[i] || !typeMatches(t, func.resultTypes[i])) {
          throw new InterpreterError(`@${name} returns ${formatType(t.type)} where ${func.resultTypes[i] ? formatType(func.resultTypes[i]) : "nothing"} is declared`, func.loc);
        }
      });
      if (results.length !== func.resultTypes.length) {
        throw new InterpreterError(`@${name} returns ${results.length} values, declares ${func.resultTypes.length}`, func.loc);
      }
      return results;
    } finally {
      this.scope = saved;
      this.depth--;
    }
  }

  runRegion(region: Region, args: readonly Tensor[]): Tensor[] {
    const block = region.blocks[0];
    if (!block) throw new InterpreterError("empty region");
    const saved = this.scope;
    try {
      return this.runBlock(block, args, new Scope(saved));
    } finally {
      this.scope = saved;
    }
  }

  recordCheck(check: CheckResult): void {
    this.checks.push(check);
  }

  private runBlock(block: Block, args: readonly Tensor[], scope: Scope): Tensor[] {
    if (args.length !== block.args.length) {
      throw new InterpreterError(`block takes ${block.args.length} arguments, got ${args.length}`, block.ops[0]?.loc);
    }
    block.args.forEach((a, i) => scope.set(a.name, args[i]));
    try {
      return this.runOps(block, scope);
    } finally {
      this.liveBytes -= scope.bytes;
    }
  }

  private runOps(block: Block, scope: Scope): Tensor[] {
    const { dying } = liveness(block);
    for (let i = 0; i < block.ops.length; i++) {
      const op = block.ops[i];
      if (++this.steps > this.maxSteps) {
        throw new InterpreterLimitError("maxSteps", this.maxSteps, `${this.maxSteps} interpreted ops executed, and ${op.name} is next`, op.loc);
      }
      const operands = op.operands.map((v) => {
        const t = scope.get(v.name);
        if (!t) throw new InterpreterError(`${op.name}: operand ${v.name} has no value`, op.loc);
        return t;
      });
      if (TERMINATORS.has(op.name)) return operands;
      let bytes = 0;
      for (const r of op.results) bytes += typeBytes(r.type);
      if (this.liveBytes + bytes > this.maxBytes) this.tooManyBytes(op, bytes);
      this.liveBytes += bytes;
      scope.bytes += bytes;
      if (this.liveBytes > this.peakBytes) this.peakBytes = this.liveBytes;
      const results = this.evalOp(op, operands, scope);
      if (results.length !== op.results.length) {
        throw new InterpreterError(`${op.name}: produced ${results.length} results, the op declares ${op.results.length}`, op.loc);
      }
      op.results.forEach((r, j) => {
        if (results[j].data.length !== numElements(r.type)) {
          throw new InterpreterError(`${op.name}: result ${r.name} has ${results[j].data.length} elements, ${formatType(r.type)} needs ${numElements(r.type)}`, op.loc);
        }
        scope.set(r.name, results[j]);
      });
      // Values whose last reader was this op are dropped now, not when the block returns.
      for (const name of dying[i]) {
        const t = scope.get(name)!;
        scope.delete(name);
        const b = numElements(t.type) * bytesPerElement(t.type.element);
        this.liveBytes -= b;
        scope.bytes -= b;
      }
    }
    throw new InterpreterError("block has no terminator (func.return / stablehlo.return)", block.ops[block.ops.length - 1]?.loc);
  }

  private tooManyBytes(op: Op, bytes: number): never {
    const biggest = op.results.reduce((a, r) => (typeBytes(r.type) > typeBytes(a.type) ? r : a), op.results[0]);
    const detail =
      typeBytes(biggest.type) > this.maxBytes
        ? `${formatType(biggest.type)} is ${formatBytes(typeBytes(biggest.type))}`
        : `${op.name} would bring live tensors to ${formatBytes(this.liveBytes + bytes)}`;
    throw new InterpreterLimitError("maxBytes", this.maxBytes, detail, op.loc);
  }

  private evalOp(op: Op, operands: Tensor[], scope: Scope): Tensor[] {
    const rule = lookupRule(op.name);
    if (!rule) throw new InterpreterError(`unsupported op '${op.name}'`, op.loc);
    this.scope = scope;
    try {
      return rule(op, operands, this);
    } catch (e) {
      if (e instanceof InterpreterError) throw e;
      throw new InterpreterError(`${op.name}: ${e instanceof Error ? e.message : String(e)}`, op.loc);
    }
  }
}

/** Runs one function of a module; check ops inside it are recorded into `checks` when given. */
export function runFunction(
  module: Module,
  funcName: string,
  args: readonly Tensor[],
  checks?: CheckResult[],
  options?: InterpreterOptions,
): Tensor[] {
  const interp = new Interpreter(module, options);
  try {
    return interp.run(funcName, args);
  } finally {
    checks?.push(...interp.checks);
  }
}

export interface ModuleRun {
  readonly results: Tensor[];
  readonly checks: CheckResult[];
}

/** Runs a module's entry function (`@main` by default). */
export function runModule(module: Module, args: readonly Tensor[] = [], entry = "main", options?: InterpreterOptions): ModuleRun {
  const interp = new Interpreter(module, options);
  const results = interp.run(entry, args);
  return { results, checks: interp.checks };
}
