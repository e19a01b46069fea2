/**
 * Finds the runs of `@main` that a `lax.scan` can replace (the target's layers are one `scanLayers`
 * node already, lowered by its rule; what is left are runs of draft layer calls): two or more
 * consecutive calls of one layer function (only i32 constants between them) where each operand position is
 *   - the same value in every call (invariant: positions, block tables ...),
 *   - the previous call's output at one fixed result index (a carry: the hidden rows, the KV pool),
 *   - an i32 constant in every call (scanned: the layer index), or
 *   - the checkpoint tensor of consecutive layers `...layers.<i>....` (scanned: the stacked weights).
 * Outputs a later node reads (the draft features of `targetLayerIds`) are collected per call into a
 * buffer the scan fills. Anything else leaves the calls unrolled; both forms compute the same values.
 */
import type { GFunc, GNode, KernelGraph } from "../ir/graph.js";

export type RunOperand =
  | { readonly kind: "invariant"; readonly value: number }
  | { readonly kind: "carry"; readonly out: number; readonly init: number }
  | { readonly kind: "ints"; readonly values: readonly number[] }
  | { readonly kind: "stack"; readonly stack: string; readonly from: number; readonly to: number; readonly size: number };

export interface LayerRun {
  readonly callee: string;
  readonly calleeFn: GFunc;
  readonly calls: readonly GNode[];
  readonly operands: readonly RunOperand[];
  /** Result index → the calls (run positions) whose output at that index is read outside the chain. */
  readonly collected: ReadonlyMap<number, readonly number[]>;
}

const LAYER_NAME = /^(.*\.layers\.)(\d+)(\..+)$/;

/** `target.model.layers.3.mlp.up_proj.weight` → stack `target.model.layers.$.mlp.up_proj.weight`, index 3. */
export function stackOf(name: string): { stack: string; index: number } | null {
  const m = LAYER_NAME.exec(name);
  return m ? { stack: `${m[1]}$${m[3]}`, index: Number(m[2]) } : null;
}

/** How many layers stack `stack` has among `names`. */
function stackSize(stack: string, names: readonly string[]): number {
  return names.filter((n) => stackOf(n)?.stack === stack).length;
}

function operandPlan(main: GFunc, g: KernelGraph, calls: readonly GNode[], pos: number, producers: Map<number, GNode>): RunOperand | null {
  const vals = calls.map((c) => c.inputs[pos]);
  if (vals.every((v) => v === vals[0])) return { kind: "invariant", value: vals[0] };
  const out = calls[0].outputs.length > 0 ? calls[1].inputs[pos] : -1;
  const o = calls[0].outputs.indexOf(out);
  if (o >= 0 && calls.every((c, k) => k === 0 || c.inputs[pos] === calls[k - 1].outputs[o])) {
    return { kind: "carry", out: o, init: vals[0] };
  }
  const consts = vals.map((v) => producers.get(v));
  if (consts.every((n) => n?.op === "constI32")) {
    return { kind: "ints", values: consts.map((n) => (n as Extract<GNode, { op: "constI32" }>).attrs.value) };
  }
  const paramIndex = vals.map((v) => main.params.findIndex((p) => p.id === v));
  if (paramIndex.every((i) => i >= 0 && g.sig.args[i]?.role === "weight")) {
    const layers = paramIndex.map((i) => stackOf(main.params[i].name));
    const first = layers[0];
    if (first && layers.every((l, k) => l?.stack === first.stack && l.index === first.index + k)) {
      const size = stackSize(first.stack, g.sig.args.filter((a) => a.role === "weight").map((a) => a.name));
      return { kind: "stack", stack: first.stack, from: first.index, to: first.index + calls.length, size };
    }
  }
  return null;
}

/** The scannable runs of `@main`, in node order. */
export function findLayerRuns(g: KernelGraph): LayerRun[] {
  const main = g.funcs.find((f) => f.name === "main")!;
  const producers = new Map<number, GNode>();
  for (const n of main.nodes) for (const o of n.outputs) producers.set(o, n);
  const users = new Map<number, GNode[]>();
  for (const n of main.nodes) for (const i of n.inputs) users.set(i, [...(users.get(i) ?? []), n]);
  const results = new Set(main.results);

  const runs: LayerRun[] = [];
  const nodes = main.nodes.filter((n) => n.op !== "constI32");
  for (let i = 0; i < nodes.length; ) {
    const first = nodes[i];
    let j = i + 1;
    if (first.op === "call") {
      while (j < nodes.length && nodes[j].op === "call" && (nodes[j].attrs as { callee: string }).callee === first.attrs.callee) j++;
    }
    const calls: GNode[] = nodes.slice(i, j);
    i = j;
    if (first.op !== "call" || calls.length < 2) continue;
    const operands = first.inputs.map((_, pos) => operandPlan(main, g, calls, pos, producers));
    if (operands.some((p) => p === null)) continue;
    const plans = operands as RunOperand[];
    const carryPos = new Map(plans.flatMap((p, pos) => (p.kind === "carry" ? [[p.out, pos] as const] : [])));
    const collected = new Map<number, number[]>();
    let ok = true;
    calls.forEach((call, k) => {
      call.outputs.forEach((v, o) => {
        const outside = (users.get(v) ?? []).filter((u) => !(k < calls.length - 1 && u === calls[k + 1] && carryPos.has(o)));
        // The next call must read a carry only at its carry position.
        if (k < calls.length - 1 && carryPos.has(o) && calls[k + 1].inputs.some((x, pos) => x === v && pos !== carryPos.get(o))) ok = false;
        if (outside.some((u) => calls.includes(u as GNode))) ok = false;
        const isFinalCarry = k === calls.length - 1 && carryPos.has(o);
        if ((outside.length > 0 || results.has(v)) && !isFinalCarry) collected.set(o, [...(collected.get(o) ?? []), k]);
      });
    });
    if (!ok) continue;
    const calleeFn = g.funcs.find((f) => f.name === first.attrs.callee)!;
    runs.push({ callee: first.attrs.callee, calleeFn, calls, operands: plans, collected });
  }
  return runs;
}

/** The stacked weight names the runs of `graphs` scan over. */
export function scannedStacks(runs: readonly LayerRun[]): Set<string> {
  return new Set(runs.flatMap((r) => r.operands.flatMap((p) => (p.kind === "stack" ? [p.stack] : []))));
}
