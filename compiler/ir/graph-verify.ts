/**
 * The graph verifier, run after a kernel graph is built and before any backend sees it: SSA order,
 * every node's types by its op rule, calls to existing functions without recursion, and `@main`
 * matching its KernelSig exactly (argument names, order, shapes, dtypes; result shapes and dtypes).
 */
import { formatGType, GraphError, type GFunc, type GType, type KernelGraph } from "./graph.js";
import { inferTypes } from "./graph-ops.js";
import type { TensorSig } from "../../contract/manifest.js";

function sameType(a: GType, b: GType): boolean {
  return a.dtype === b.dtype && a.shape.length === b.shape.length && a.shape.every((d, i) => d === b.shape[i]);
}

const sigType = (s: TensorSig): GType => ({ shape: s.shape, dtype: s.dtype });

/** All problems of `g`, one line each; empty when the graph is well formed. */
export function graphProblems(g: KernelGraph): string[] {
  const problems: string[] = [];
  const byName = new Map<string, GFunc>();
  for (const f of g.funcs) {
    if (byName.has(f.name)) problems.push(`function @${f.name} defined twice`);
    byName.set(f.name, f);
  }
  const callee = (n: string) => {
    const f = byName.get(n);
    return f && { params: f.params.map((p) => f.values[p.id]), results: f.results.map((r) => f.values[r]) };
  };

  for (const f of g.funcs) {
    const defined = new Set<number>();
    f.params.forEach((p, i) => {
      if (p.id !== i) problems.push(`@${f.name}: parameter ${i} has value id ${p.id}`);
      defined.add(p.id);
    });
    f.nodes.forEach((n, k) => {
      const where = `@${f.name} node ${k} (${n.op})`;
      for (const id of n.inputs) if (!defined.has(id)) problems.push(`${where}: operand %${id} used before it is defined`);
      try {
        const types = inferTypes(n.op, n.inputs.map((id) => f.values[id]), n.attrs as never, callee);
        if (types.length !== n.outputs.length) problems.push(`${where}: ${types.length} results expected, has ${n.outputs.length}`);
        types.forEach((t, j) => {
          const got = f.values[n.outputs[j]];
          if (got && !sameType(t, got)) problems.push(`${where}: result ${j} is ${formatGType(got)}, its rule says ${formatGType(t)}`);
        });
      } catch (e) {
        if (!(e instanceof GraphError)) throw e;
        problems.push(`${where}: ${e.message}`);
      }
      for (const id of n.outputs) {
        if (defined.has(id)) problems.push(`${where}: value %${id} defined twice`);
        defined.add(id);
      }
    });
    for (const id of f.results) if (!defined.has(id)) problems.push(`@${f.name}: result %${id} is not defined`);
  }

  problems.push(...cycles(g.funcs));

  const main = byName.get("main");
  if (!main) return [...problems, "graph has no @main"];
  const sig = g.sig;
  const id = `${sig.kernel}.${sig.bucketId}`;
  if (main.params.length !== sig.args.length) problems.push(`${id}: @main has ${main.params.length} arguments, the signature ${sig.args.length}`);
  sig.args.forEach((a, i) => {
    const p = main.params[i];
    if (!p) return;
    if (p.name !== a.name) problems.push(`${id}: argument ${i} is '${p.name}', the signature says '${a.name}'`);
    if (!sameType(main.values[p.id], sigType(a))) problems.push(`${id}: argument '${a.name}' is ${formatGType(main.values[p.id])}, the signature says ${formatGType(sigType(a))}`);
  });
  if (main.results.length !== sig.results.length) problems.push(`${id}: @main returns ${main.results.length} results, the signature ${sig.results.length}`);
  sig.results.forEach((r, i) => {
    const v = main.results[i];
    if (v !== undefined && !sameType(main.values[v], sigType(r))) problems.push(`${id}: result '${r.name}' is ${formatGType(main.values[v])}, the signature says ${formatGType(sigType(r))}`);
  });
  return problems;
}

function cycles(funcs: readonly GFunc[]): string[] {
  const calls = new Map(funcs.map((f) => [f.name, f.nodes.flatMap((n) => (n.op === "call" || n.op === "scanLayers" || n.op === "cycleLoop" ? [n.attrs.callee] : []))]));
  const state = new Map<string, "active" | "done">();
  const out: string[] = [];
  const visit = (name: string, path: string[]) => {
    if (state.get(name) === "done") return;
    if (state.get(name) === "active") {
      out.push(`recursive call: ${[...path, name].map((n) => `@${n}`).join(" -> ")}`);
      return;
    }
    state.set(name, "active");
    for (const c of calls.get(name) ?? []) visit(c, [...path, name]);
    state.set(name, "done");
  };
  for (const f of funcs) visit(f.name, []);
  return out;
}

/** Throws a GraphError listing every problem of `g`. */
export function verifyGraph(g: KernelGraph): void {
  const problems = graphProblems(g);
  if (problems.length > 0) {
    throw new GraphError(`internal error: kernel graph ${g.sig.kernel}.${g.sig.bucketId} is malformed:\n  ${problems.join("\n  ")}`);
  }
}
