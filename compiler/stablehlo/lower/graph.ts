/**
 * Lowers a kernel graph to a StableHLO module: each graph function becomes a `func.func` (main
 * public, layers private) whose arguments keep the graph's parameter names, each node becomes the ops
 * of its rule. Donated main arguments carry JAX's `jax.buffer_donor = true`.
 */
import { formatGType, GraphError, ruleFor, type GFunc, type GNode, type GType, type KernelGraph } from "../../ir/graph.js";
import { ModuleBuilder, type ArgSpec, type FuncBuilder } from "../../../stablehlo/builder.js";
import { formatType, type Module, type Value } from "../../../stablehlo/ir.js";
import { elementOf, type StableHloRule } from "./context.js";
import { STABLEHLO_RULES } from "./rules.js";

function sameGType(v: Value, t: GType): boolean {
  return v.type.element === elementOf(t.dtype) && v.type.shape.length === t.shape.length && v.type.shape.every((d, i) => d === t.shape[i]);
}

function lowerNode(f: FuncBuilder, fn: GFunc, node: GNode, env: Map<number, Value>): void {
  const rule = ruleFor(STABLEHLO_RULES, node.op) as StableHloRule<typeof node.op>;
  const out = node.outputs.map((id) => fn.values[id]);
  const results = rule(f, node.inputs.map((id) => env.get(id)!), node.attrs as never, out);
  if (results.length !== out.length || results.some((r, i) => !sameGType(r, out[i]))) {
    throw new GraphError(
      `internal error: the stablehlo rule for '${node.op}' in @${fn.name} produced (${results.map((r) => formatType(r.type)).join(", ")}), the graph says (${out.map(formatGType).join(", ")})`,
    );
  }
  node.outputs.forEach((id, i) => env.set(id, results[i]));
}

/** Functions ordered so that every callee comes before its callers. */
function calleesFirst(g: KernelGraph): GFunc[] {
  const out: GFunc[] = [];
  const visit = (fn: GFunc) => {
    if (out.includes(fn)) return;
    for (const n of fn.nodes) if (n.op === "call" || n.op === "scanLayers" || n.op === "cycleLoop") visit(g.funcs.find((x) => x.name === n.attrs.callee)!);
    out.push(fn);
  };
  g.funcs.forEach(visit);
  return out;
}

export function lowerGraph(g: KernelGraph, moduleName: string): Module {
  const mb = new ModuleBuilder(moduleName);
  for (const fn of calleesFirst(g)) {
    const isMain = fn.name === "main";
    const args: ArgSpec[] = fn.params.map((p, i) => {
      const t = fn.values[p.id];
      const donated = isMain && g.sig.args[i]?.donated === true;
      return {
        name: p.name,
        type: { shape: [...t.shape], element: elementOf(t.dtype) },
        ...(donated ? { attrs: { "jax.buffer_donor": { kind: "bool", value: true } } } : {}),
      };
    });
    mb.func(fn.name, isMain ? "public" : "private", args, (f, values) => {
      const env = new Map<number, Value>(fn.params.map((p, i) => [p.id, values[i]]));
      for (const node of fn.nodes) lowerNode(f, fn, node, env);
      return fn.results.map((id) => env.get(id)!);
    });
  }
  const m = mb.build();
  // Print @main first, then the layers in the graph's order, as JAX lays out a module.
  const byName = new Map(m.funcs.map((f) => [f.name, f]));
  return { ...m, funcs: g.funcs.map((f) => byName.get(f.name)!) };
}
