/**
 * Lowers kernel graphs to Python: each graph function becomes a `def` whose body is one line per node,
 * written by the node's rule (rules.ts). The target's decoder layers are one `scanLayers` node, whose
 * rule is one `lax.scan` (`ops.scan_layers`) over the stacked weights, so a kernel's trace and compile
 * time do not grow with the layer count; a run of consecutive calls of one draft layer function in
 * `@main` also becomes one `lax.scan`, over those layers' weights stacked at load (layer-scan.ts).
 */
import { GraphError, ruleFor, type GFunc, type GNode, type KernelGraph, type OpName } from "../ir/graph.js";
import { findLayerRuns, stackOf, type LayerRun } from "./layer-scan.js";
import { pyName, str, JaxEmitError, int } from "./python.js";
import { JAX_RULES, shapeTuple, type JaxRule, type JaxRuleCtx } from "./rules.js";
import type { TensorDType } from "../../contract/dtypes.js";

const JNP_DTYPE: Record<TensorDType, string> = { f32: "jnp.float32", bf16: "jnp.bfloat16", i32: "jnp.int32" };

/** Module-level constants shared by every kernel of a package (rope frequencies). */
export class ConstantPool {
  private readonly byExpr = new Map<string, string>();

  name(expr: string): string {
    let n = this.byExpr.get(expr);
    if (!n) {
      n = `_CONST_${this.byExpr.size}`;
      this.byExpr.set(expr, n);
    }
    return n;
  }

  lines(): string[] {
    return [...this.byExpr].map(([expr, n]) => `${n} = ${expr}`);
  }
}

/** One kernel lowered: its Python functions (layer functions first, then the kernel) and its params. */
export interface LoweredKernel {
  readonly kernel: string;
  readonly text: string;
  /** Keys of the params dict the kernel function reads, in argument order (stacked names have `$`). */
  readonly params: readonly string[];
}

/** Every value's Python expression in the function being lowered. */
type Env = Map<number, string>;

class FunctionWriter {
  readonly lines: string[] = [];
  private scans = 0;
  /** Local names are numbered in definition order, so that the text does not depend on value ids. */
  private locals = 0;
  /** Values some node or the result list reads: an unread output of a tuple-valued node binds `_`. */
  private readonly used: ReadonlySet<number>;

  constructor(
    private readonly ctx: JaxRuleCtx,
    private readonly fn: GFunc,
  ) {
    this.used = new Set([...fn.nodes.flatMap((n) => n.inputs), ...fn.results]);
  }

  emit(line: string, depth = 1): void {
    this.lines.push(`${"    ".repeat(depth)}${line}`);
  }

  node(node: GNode, env: Env): void {
    const rule = ruleFor(JAX_RULES, node.op) as JaxRule<OpName>;
    const ins = node.inputs.map((id) => this.fn.values[id]);
    const outs = node.outputs.map((id) => this.fn.values[id]);
    const expr = rule(
      node.inputs.map((id) => {
        const e = env.get(id);
        if (e === undefined) throw new GraphError(`internal error: value %${id} of @${this.fn.name} used before it is lowered`);
        return e;
      }),
      node.attrs as never,
      ins,
      outs,
      this.ctx,
    );
    if (node.op === "constI32") {
      env.set(node.outputs[0], expr);
      return;
    }
    const names = node.outputs.map((id) => (node.outputs.length > 1 && !this.used.has(id) ? "_" : `v${this.locals++}`));
    this.emit(`${names.length === 1 ? names[0] : names.join(", ")} = ${expr}`);
    node.outputs.forEach((id, i) => env.set(id, names[i]));
  }

  /** A layer run as one `lax.scan`; sets the run's outside-visible outputs in `env`. */
  scan(run: LayerRun, env: Env, paramKey: (name: string) => string): void {
    const n = this.scans++;
    const callee = this.ctx.func(run.callee);
    const carries = run.operands.flatMap((p, i) => (p.kind === "carry" ? [{ ...p, i }] : []));
    const scanned = run.operands.flatMap((p, i) => (p.kind === "ints" || p.kind === "stack" ? [{ ...p, i }] : []));
    const buffers = [...run.collected].map(([out, ks]) => ({ out, ks }));
    const last = run.calls.length - 1;
    const calleeFn = run.calleeFn;

    const body = `_scan_${n}`;
    const carryNames = carries.map((_, j) => `c${j}`);
    const bufNames = buffers.map((_, j) => `b${j}`);
    const xsNames = scanned.map((_, j) => `x${j}`);
    const slotNames = buffers.map((_, j) => `s${j}`);
    const outNames = calleeFn.results.map((_, o) => `y${o}`);
    const tuple = (xs: readonly string[]) => (xs.length === 1 ? `(${xs[0]},)` : `(${xs.join(", ")})`);

    this.emit(`def ${body}(carry, xs):`);
    this.emit(`${tuple([...carryNames, ...bufNames])} = carry`, 2);
    this.emit(`${tuple([...xsNames, ...slotNames])} = xs`, 2);
    const args = run.operands.map((p, i) => {
      if (p.kind === "invariant") return env.get(p.value)!;
      if (p.kind === "carry") return carryNames[carries.findIndex((c) => c.i === i)];
      return xsNames[scanned.findIndex((s) => s.i === i)];
    });
    this.emit(`${outNames.length === 1 ? outNames[0] : outNames.join(", ")} = ${callee}(${args.join(", ")})`, 2);
    buffers.forEach((b, j) => this.emit(`${bufNames[j]} = ${bufNames[j]}.at[${slotNames[j]}].set(${outNames[b.out]}, mode="drop")`, 2));
    this.emit(`return ${tuple([...carries.map((c) => outNames[c.out]), ...bufNames])}, None`, 2);

    const inits = carries.map((c) => env.get(c.init)!);
    const zeros = buffers.map((b) => {
      const carry = carries.find((c) => c.out === b.out);
      if (carry) return `jnp.zeros((${int(b.ks.length)}, *${env.get(carry.init)}.shape), ${env.get(carry.init)}.dtype)`;
      const t = calleeFn.values[calleeFn.results[b.out]];
      return `jnp.zeros(${shapeTuple([b.ks.length, ...t.shape])}, ${JNP_DTYPE[t.dtype]})`;
    });
    const xs = scanned.map((s) => {
      if (s.kind === "ints") {
        const v = s.values;
        const step = v.every((x, k) => x === v[0] + k);
        return step ? `jnp.arange(${int(v[0])}, ${int(v[0] + v.length)}, dtype=jnp.int32)` : `jnp.array(${shapeTuple(v)}, jnp.int32)`;
      }
      const key = `w[${str(paramKey(s.stack))}]`;
      return s.from === 0 && s.to === s.size ? key : `${key}[${int(s.from)}:${int(s.to)}]`;
    });
    const slots = buffers.map((b) => shapeTuple(run.calls.map((_, k) => (b.ks.includes(k) ? b.ks.indexOf(k) : b.ks.length))));
    const finals = carries.map((_, j) => `f${n}_${j}`);
    const bufs = buffers.map((_, j) => `g${n}_${j}`);
    this.emit(`${tuple([...finals, ...bufs])}, _ = lax.scan(${body}, ${tuple([...inits, ...zeros])}, ${tuple([...xs, ...slots.map((s) => `jnp.array(${s}, jnp.int32)`)])})`);

    carries.forEach((c, j) => env.set(run.calls[last].outputs[c.out], finals[j]));
    buffers.forEach((b, j) => b.ks.forEach((k, idx) => env.set(run.calls[k].outputs[b.out], `${bufs[j]}[${int(idx)}]`)));
  }
}

/** The Python of one kernel × bucket graph. `stacked`: the stack names every kernel of the package uses. */
export function lowerKernelGraph(g: KernelGraph, consts: ConstantPool, stacked: ReadonlySet<string>): LoweredKernel {
  const kernel = g.sig.kernel;
  const fnName = (f: string) => (f === "main" ? kernel : `_${kernel}_${pyName(f)}`);
  const ctx: JaxRuleCtx = { constant: (e) => consts.name(e), func: fnName };
  const parts: string[] = [];

  for (const fn of g.funcs) {
    if (fn.name === "main") continue;
    const w = new FunctionWriter(ctx, fn);
    const env: Env = new Map();
    const names = uniqueNames(fn.params.map((p) => p.name));
    fn.params.forEach((p, i) => env.set(p.id, names[i]));
    for (const node of fn.nodes) w.node(node, env);
    w.emit(`return ${fn.results.map((id) => env.get(id)).join(", ")}`);
    parts.push(`def ${fnName(fn.name)}(${names.join(", ")}):\n${w.lines.join("\n")}`);
  }

  const main = g.funcs.find((f) => f.name === "main")!;
  const w = new FunctionWriter(ctx, main);
  const env: Env = new Map();
  const paramKey = (name: string) => {
    const s = stackOf(name);
    return s && stacked.has(s.stack) ? s.stack : name;
  };
  const params: string[] = [];
  const argNames: string[] = [];
  main.params.forEach((p, i) => {
    const a = g.sig.args[i];
    if (a.role === "weight") {
      const key = paramKey(p.name);
      if (!params.includes(key)) params.push(key);
      env.set(p.id, key === p.name ? `w[${str(key)}]` : `w[${str(key)}][${int(stackOf(p.name)!.index)}]`);
    } else {
      const n = pyName(p.name);
      if (n !== p.name) throw new JaxEmitError(`kernel argument '${p.name}' is not a Python identifier`);
      argNames.push(n);
      env.set(p.id, n);
    }
  });
  for (const node of main.nodes) if (node.op === "constI32") w.node(node, env);
  const runs = findLayerRuns(g);
  const runAt = new Map(runs.map((r) => [r.calls[0], r]));
  const inRun = new Set(runs.flatMap((r) => r.calls));
  for (const node of main.nodes) {
    if (node.op === "constI32") continue;
    const run = runAt.get(node);
    if (run) w.scan(run, env, paramKey);
    else if (!inRun.has(node)) w.node(node, env);
  }
  // Always a tuple: jit's out_shardings are a tuple of the kernel's results, even of one.
  const results = main.results.map((id) => env.get(id)!);
  w.emit(`return ${results.length === 1 ? `(${results[0]},)` : results.join(", ")}`);
  parts.push(`def ${kernel}(w, ${argNames.join(", ")}):\n${w.lines.join("\n")}`);
  return { kernel, text: parts.join("\n\n\n"), params };
}

function uniqueNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.map((raw) => {
    let n = pyName(raw);
    while (seen.has(n)) n = `${n}_`;
    seen.add(n);
    return n;
  });
}
