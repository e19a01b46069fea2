/**
 * The reference backend: runs the manifest's StableHLO modules with the project's own interpreter on
 * the CPU. Each module is parsed once, on first use. Weights and caches are held as interpreter
 * tensors between calls; a kernel's donated caches come back as results and replace the held ones,
 * exactly as buffer donation works on a device.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { formatType, numElements, type Block, type Func, type Module, type Op, type Region, type TensorType } from "../../compiler/stablehlo/ir.js";
import { InterpreterError, lookupRule, type CheckResult, type EvalContext } from "../../compiler/stablehlo/interpreter/index.js";
import { TERMINATORS } from "../../compiler/stablehlo/interpreter/op-table.js";
import { finish, zeros, type Tensor, type TensorData } from "../../compiler/stablehlo/interpreter/tensor.js";
import { parseModules } from "../../compiler/stablehlo/parser.js";
import type { Backend, KernelInput, Weights } from "../backend.js";
import type { Manifest, ManifestKernel, ManifestTensor } from "../manifest.js";

export class ReferenceBackendError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ReferenceBackendError";
  }
}

/**
 * Where the modules are: an output folder on disk, the compiler's in-memory artifacts (path → text),
 * or a function that renders a module on first use (tests that touch few of many buckets).
 */
export type ModuleSource =
  | { readonly dir: string }
  | { readonly files: ReadonlyMap<string, string> }
  | { readonly render: (file: string) => string | undefined };

export class ReferenceBackend implements Backend {
  private manifest: Manifest | null = null;
  private readonly modules = new Map<string, Module>();
  private readonly weights = new Map<string, Tensor>();
  private readonly caches = new Map<string, Tensor>();
  /** Kernel calls run so far (for reports). */
  calls = 0;
  /**
   * The most bytes of tensors one kernel call held at once (arguments included), over all calls so
   * far: a deterministic measure of the interpreter's working set.
   */
  peakCallBytes = 0;

  constructor(private readonly source: ModuleSource) {}

  async init(manifest: Manifest, weights: Weights): Promise<void> {
    // Parsed modules survive a re-init with the same manifest (they depend on nothing else).
    if (this.manifest?.contentHash !== manifest.contentHash || this.manifest?.name !== manifest.name) this.modules.clear();
    this.manifest = manifest;
    this.weights.clear();
    this.caches.clear();
    for (const w of manifest.weights) {
      const data = weights.get(w.name);
      if (!data) throw new ReferenceBackendError(`weight ${w.name} missing`);
      // A copy: bf16 values are rounded by the interpreter, and the caller's arrays stay untouched.
      this.weights.set(w.name, { type: { shape: [...w.shape], element: w.dtype }, data: Float32Array.from(data) });
    }
    for (const k of manifest.kernels) {
      for (const a of k.args) if (a.role === "cache" && !this.caches.has(a.name)) this.caches.set(a.name, zeros({ shape: [...a.shape], element: a.dtype }));
    }
  }

  private module(k: ManifestKernel): Module {
    let m = this.modules.get(k.file);
    if (m) return m;
    let text: string | undefined;
    if ("files" in this.source) text = this.source.files.get(k.file);
    else if ("render" in this.source) text = this.source.render(k.file);
    else {
      try {
        text = readFileSync(join(this.source.dir, k.file), "utf8");
      } catch {
        text = undefined;
      }
    }
    if (text === undefined) throw new ReferenceBackendError(`${k.file}: no such module (compile with --emit stablehlo)`);
    const mods = parseModules(text, k.file);
    if (mods.length !== 1) throw new ReferenceBackendError(`${k.file}: expected one module, found ${mods.length}`);
    m = mods[0];
    this.modules.set(k.file, m);
    return m;
  }

  private arg(a: ManifestTensor, inputs: ReadonlyMap<string, KernelInput>): Tensor {
    if (a.role === "weight") return this.weights.get(a.name)!;
    if (a.role === "cache") {
      const c = this.caches.get(a.name);
      if (!c) throw new ReferenceBackendError(`cache ${a.name} was not allocated`);
      return c;
    }
    const v = inputs.get(a.name);
    if (!v) throw new ReferenceBackendError(`input ${a.name} missing`);
    const element = a.dtype === "f32" ? "f32" : "i32";
    if (element === "f32" ? !(v instanceof Float32Array) : !(v instanceof Int32Array)) throw new ReferenceBackendError(`input ${a.name} must be a ${element === "f32" ? "Float32Array" : "Int32Array"}`);
    return { type: { shape: [...a.shape], element }, data: v };
  }

  async run(kernel: ManifestKernel, inputs: ReadonlyMap<string, KernelInput>): Promise<Map<string, Int32Array>> {
    if (!this.manifest) throw new ReferenceBackendError("run() before init()");
    const mod = this.module(kernel);
    const args = kernel.args.map((a) => this.arg(a, inputs));
    const runner = new LivenessRunner(mod);
    const results = runner.callFunction("main", args);
    this.peakCallBytes = Math.max(this.peakCallBytes, runner.peakBytes);
    this.calls++;
    if (results.length !== kernel.results.length) {
      throw new ReferenceBackendError(`${kernel.file}: ${results.length} results, the manifest lists ${kernel.results.length}`);
    }
    const out = new Map<string, Int32Array>();
    kernel.results.forEach((r, i) => {
      const t = results[i];
      if (r.role === "cache") this.caches.set(r.name, t);
      else {
        if (!(t.data instanceof Int32Array)) throw new ReferenceBackendError(`${kernel.file}: result ${r.name} is not i32`);
        out.set(r.name, Int32Array.from(t.data));
      }
    });
    return out;
  }

  async close(): Promise<void> {
    this.modules.clear();
    this.weights.clear();
    this.caches.clear();
    this.manifest = null;
  }
}

/**
 * Runs functions of a module as the StableHLO interpreter does, but frees every SSA value after its
 * last use. The interpreter's own driver keeps every value of a block until the block returns; a
 * kernel updates its layer-stacked caches once per layer (a scatter into `[L, ...]`), so keeping each
 * intermediate cache made one call hold L copies of an L-sized cache: memory quadratic in the layers.
 * Here at most a few copies are live at once, so memory grows linearly with the model.
 * `liveBytes`/`peakBytes` count the bytes of distinct tensors the driver holds (deterministic).
 */
export class LivenessRunner implements EvalContext {
  readonly checks: CheckResult[] = [];
  private readonly funcs = new Map<string, Func>();
  private readonly held = new Map<TensorData, number>();
  private scope: LiveScope | undefined;
  private depth = 0;
  liveBytes = 0;
  peakBytes = 0;

  constructor(readonly module: Module) {
    for (const f of module.funcs) this.funcs.set(f.name, f);
  }

  private hold(t: Tensor): void {
    const n = this.held.get(t.data) ?? 0;
    this.held.set(t.data, n + 1);
    if (n === 0) {
      this.liveBytes += t.data.byteLength;
      if (this.liveBytes > this.peakBytes) this.peakBytes = this.liveBytes;
    }
  }

  private release(t: Tensor): void {
    const n = this.held.get(t.data) ?? 0;
    if (n <= 1) {
      this.held.delete(t.data);
      if (n === 1) this.liveBytes -= t.data.byteLength;
    } else this.held.set(t.data, n - 1);
  }

  callFunction(name: string, args: readonly Tensor[]): Tensor[] {
    const func = this.funcs.get(name);
    if (!func) throw new InterpreterError(`no function @${name} in the module`, this.module.loc);
    if (args.length !== func.args.length) throw new InterpreterError(`@${name} takes ${func.args.length} arguments, got ${args.length}`, func.loc);
    const inputs = args.map((t, i) => {
      const want = func.args[i].type;
      if (!typeMatches(t, want)) throw new InterpreterError(`@${name} argument ${i}: expected ${formatType(want)}, got ${formatType(t.type)}`, func.loc);
      return t.type.element === "bf16" ? { type: t.type, data: finish("bf16", t.data.slice()) } : t;
    });
    const saved = this.scope;
    try {
      if (++this.depth > MAX_CALL_DEPTH) throw new InterpreterError(`call depth exceeds ${MAX_CALL_DEPTH} at @${name}`, func.loc);
      const results = this.runBlock(func.body, inputs, new LiveScope());
      if (results.length !== func.resultTypes.length) throw new InterpreterError(`@${name} returns ${results.length} values, declares ${func.resultTypes.length}`, func.loc);
      results.forEach((t, i) => {
        if (!typeMatches(t, func.resultTypes[i])) throw new InterpreterError(`@${name} returns ${formatType(t.type)} where ${formatType(func.resultTypes[i])} is declared`, func.loc);
      });
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
      return this.runBlock(block, args, new LiveScope(saved));
    } finally {
      this.scope = saved;
    }
  }

  recordCheck(check: CheckResult): void {
    this.checks.push(check);
  }

  private runBlock(block: Block, args: readonly Tensor[], scope: LiveScope): Tensor[] {
    if (args.length !== block.args.length) throw new InterpreterError(`block takes ${block.args.length} arguments, got ${args.length}`, block.ops[0]?.loc);
    const { dying, unusedArgs } = liveness(block);
    const set = (name: string, t: Tensor) => {
      const old = scope.values.get(name);
      if (old) this.release(old);
      scope.values.set(name, t);
      this.hold(t);
    };
    const drop = (name: string) => {
      const t = scope.values.get(name);
      if (!t) return;
      scope.values.delete(name);
      this.release(t);
    };
    try {
      block.args.forEach((a, i) => set(a.name, args[i]));
      for (const name of unusedArgs) drop(name);
      for (let i = 0; i < block.ops.length; i++) {
        const op = block.ops[i];
        const operands = op.operands.map((v) => {
          const t = scope.get(v.name);
          if (!t) throw new InterpreterError(`${op.name}: operand ${v.name} has no value`, op.loc);
          return t;
        });
        if (TERMINATORS.has(op.name)) return operands;
        const rule = lookupRule(op.name);
        if (!rule) throw new InterpreterError(`unsupported op '${op.name}'`, op.loc);
        this.scope = scope;
        let results: Tensor[];
        try {
          results = rule(op, operands, this);
        } catch (e) {
          if (e instanceof InterpreterError) throw e;
          throw new InterpreterError(`${op.name}: ${e instanceof Error ? e.message : String(e)}`, op.loc);
        }
        if (results.length !== op.results.length) throw new InterpreterError(`${op.name}: produced ${results.length} results, the op declares ${op.results.length}`, op.loc);
        op.results.forEach((r, j) => {
          if (results[j].data.length !== numElements(r.type)) {
            throw new InterpreterError(`${op.name}: result ${r.name} has ${results[j].data.length} elements, ${formatType(r.type)} needs ${numElements(r.type)}`, op.loc);
          }
          set(r.name, results[j]);
        });
        for (const name of dying[i]) drop(name);
      }
      throw new InterpreterError("block has no terminator (func.return / stablehlo.return)", block.ops[block.ops.length - 1]?.loc);
    } finally {
      for (const t of scope.values.values()) this.release(t);
      scope.values.clear();
    }
  }
}

class LiveScope {
  readonly values = new Map<string, Tensor>();
  constructor(private readonly parent?: LiveScope) {}
  get(name: string): Tensor | undefined {
    return this.values.get(name) ?? this.parent?.get(name);
  }
}

const MAX_CALL_DEPTH = 200;

function typeMatches(t: Tensor, type: TensorType): boolean {
  return t.type.element === type.element && t.type.shape.length === type.shape.length && t.type.shape.every((d, i) => d === type.shape[i]) && t.data.length === numElements(type);
}

interface Liveness {
  /** Per op: the names this block defines whose last use is that op (or, never used, its definition). */
  readonly dying: readonly (readonly string[])[];
  /** Block arguments nothing uses. */
  readonly unusedArgs: readonly string[];
}

const LIVENESS = new WeakMap<Block, Liveness>();

/** Every value name an op reads, its nested regions included. */
function reads(op: Op, into: Set<string>): Set<string> {
  for (const v of op.operands) into.add(v.name);
  for (const r of op.regions) for (const b of r.blocks) for (const o of b.ops) reads(o, into);
  return into;
}

function liveness(block: Block): Liveness {
  let l = LIVENESS.get(block);
  if (l) return l;
  const last = new Map<string, number>();
  const defined = new Set<string>(block.args.map((a) => a.name));
  block.ops.forEach((op, i) => {
    for (const name of reads(op, new Set())) last.set(name, i);
    for (const r of op.results) {
      defined.add(r.name);
      if (!last.has(r.name)) last.set(r.name, i);
    }
  });
  const dying: string[][] = block.ops.map(() => []);
  for (const name of defined) {
    const i = last.get(name);
    if (i !== undefined) dying[i].push(name);
  }
  l = { dying, unusedArgs: block.args.filter((a) => !last.has(a.name)).map((a) => a.name) };
  LIVENESS.set(block, l);
  return l;
}
