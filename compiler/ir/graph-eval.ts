/**
 * The graph evaluator: runs a kernel graph on host tensors with the reference op implementations of
 * graph-eval-ops.ts. It is the middle witness between the naive model and the StableHLO interpreter:
 * a lowering is proven when the interpreter's results match this evaluator's.
 */
import { formatGType, GraphError, numel, type GNode, type KernelGraph, type OpName } from "./graph.js";
import { EVAL_RULES, type EvalRule } from "./graph-eval-ops.js";
import type { GraphTensor } from "./graph-tensor.js";

/** Called after each node with the node's function name and its output tensors (for debugging and tests). */
export type EvalTrace = (func: string, node: GNode, outputs: readonly GraphTensor[]) => void;

/** Runs function `name` of `g` on `args` (in parameter order). Inputs are never modified. */
export function evalFunc(g: KernelGraph, name: string, args: readonly GraphTensor[], trace?: EvalTrace): GraphTensor[] {
  const fn = g.funcs.find((x) => x.name === name);
  if (!fn) throw new GraphError(`no function @${name}`);
  if (args.length !== fn.params.length) throw new GraphError(`@${name} takes ${fn.params.length} arguments, got ${args.length}`);
  const env = new Map<number, GraphTensor>();
  fn.params.forEach((p, i) => {
    const want = fn.values[p.id];
    const a = args[i];
    if (a.dtype !== want.dtype || a.shape.length !== want.shape.length || a.shape.some((d, k) => d !== want.shape[k]) || a.data.length !== numel(want.shape)) {
      throw new GraphError(`@${name} argument '${p.name}': expected ${formatGType(want)}, got ${a.dtype}[${a.shape.join(",")}]`);
    }
    env.set(p.id, a);
  });
  const ctx = { call: (callee: string, xs: readonly GraphTensor[]) => evalFunc(g, callee, xs, trace) };
  for (const node of fn.nodes) {
    const rule = EVAL_RULES[node.op] as EvalRule<OpName> | undefined;
    if (!rule) throw new GraphError(`the evaluator has no rule for graph op '${node.op}'`);
    const inputs = node.inputs.map((id) => env.get(id)!);
    const outputs = rule(inputs, node.attrs as never, node.outputs.map((id) => fn.values[id]), ctx);
    node.outputs.forEach((id, k) => env.set(id, outputs[k]));
    trace?.(name, node, outputs);
  }
  return fn.results.map((id) => env.get(id)!);
}

/** Runs a kernel on arguments by name; returns results by name (outputs, then the updated caches). */
export function evaluateKernel(g: KernelGraph, args: ReadonlyMap<string, GraphTensor>, trace?: EvalTrace): Map<string, GraphTensor> {
  const ordered = g.sig.args.map((a) => {
    const t = args.get(a.name);
    if (!t) throw new GraphError(`${g.sig.kernel}.${g.sig.bucketId}: missing argument '${a.name}'`);
    return t;
  });
  const results = evalFunc(g, "main", ordered, trace);
  return new Map(g.sig.results.map((r, i) => [r.name, results[i]]));
}
