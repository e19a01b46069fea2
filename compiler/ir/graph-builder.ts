/**
 * Builds kernel graphs: one FuncBuilder per function, a method per op, result types inferred by the
 * op rules (graph-ops.ts), so a shape mistake fails where the node is made.
 */
import type { RopeScaling } from "../../dsl/types.js";
import { GraphError, type GFunc, type GNode, type GType, type KernelGraph, type OpAttrMap, type OpName } from "./graph.js";
import { inferTypes } from "./graph-ops.js";
import type { KernelSig } from "../../contract/manifest.js";

/** A value of the function being built. */
export interface GVal {
  readonly id: number;
  readonly type: GType;
}

const NONE: Record<string, never> = {};

export class GraphBuilder {
  private readonly funcs: GFunc[] = [];

  constructor(readonly sig: KernelSig) {}

  func(name: string, params: readonly { name: string; type: GType }[]): FuncBuilder {
    if (this.funcs.some((f) => f.name === name)) throw new GraphError(`function @${name} defined twice`);
    return new FuncBuilder(name, params, (n) => this.funcs.find((f) => f.name === n), (f) => this.funcs.push(f));
  }

  has(name: string): boolean {
    return this.funcs.some((f) => f.name === name);
  }

  /**
   * A function shared by several call sites (one per decoder layer): `body` builds it each time, and the
   * first build is kept. A later build must be structurally identical, or the name failed to say what
   * differs between the bodies: that is a compiler bug, reported here rather than silently miscompiled.
   */
  shared(name: string, params: readonly { name: string; type: GType }[], body: (b: FuncBuilder) => readonly GVal[]): string {
    let built: GFunc | undefined;
    const b = new FuncBuilder(name, params, (n) => this.funcs.find((f) => f.name === n), (f) => (built = f));
    b.ret(body(b));
    const existing = this.funcs.find((f) => f.name === name);
    if (!existing) this.funcs.push(built!);
    else if (structureKey(existing) !== structureKey(built!)) throw new GraphError(`internal error: two different bodies for shared function @${name}`);
    return name;
  }

  finish(): KernelGraph {
    if (!this.funcs.some((f) => f.name === "main")) throw new GraphError("graph has no @main");
    // main first, then callees in definition order: a stable, readable order for every backend.
    const main = this.funcs.find((f) => f.name === "main")!;
    return { sig: this.sig, funcs: [main, ...this.funcs.filter((f) => f !== main)] };
  }
}

/** Everything a function computes, as text: equal keys mean interchangeable functions. */
function structureKey(f: GFunc): string {
  return JSON.stringify([f.params, f.values, f.nodes, f.results]);
}

export class FuncBuilder {
  private readonly values: GType[] = [];
  private readonly nodes: GNode[] = [];
  readonly params: readonly GVal[];
  private readonly paramNames: readonly string[];

  constructor(
    readonly name: string,
    params: readonly { name: string; type: GType }[],
    private readonly lookup: (name: string) => GFunc | undefined,
    private readonly done: (f: GFunc) => void,
  ) {
    this.params = params.map((p) => this.value(p.type));
    this.paramNames = params.map((p) => p.name);
  }

  /** The parameter called `name`. */
  param(name: string): GVal {
    const i = this.paramNames.indexOf(name);
    if (i < 0) throw new GraphError(`@${this.name} has no parameter '${name}'`);
    return this.params[i];
  }

  hasParam(name: string): boolean {
    return this.paramNames.includes(name);
  }

  private value(type: GType): GVal {
    const v = { id: this.values.length, type: { shape: [...type.shape], dtype: type.dtype } };
    this.values.push(v.type);
    return v;
  }

  op<K extends OpName>(op: K, inputs: readonly GVal[], attrs: OpAttrMap[K]): GVal[] {
    const types = inferTypes(op, inputs.map((v) => v.type), attrs, (n) => {
      const f = this.lookup(n);
      return f && { params: f.params.map((p) => f.values[p.id]), results: f.results.map((r) => f.values[r]) };
    });
    const outs = types.map((t) => this.value(t));
    this.nodes.push({ op, attrs, inputs: inputs.map((v) => v.id), outputs: outs.map((v) => v.id) } as GNode);
    return outs;
  }

  private one<K extends OpName>(op: K, inputs: readonly GVal[], attrs: OpAttrMap[K]): GVal {
    return this.op(op, inputs, attrs)[0];
  }

  embed(table: GVal, ids: GVal): GVal {
    return this.one("embed", [table, ids], NONE);
  }
  rmsNorm(x: GVal, w: GVal, eps: number): GVal {
    return this.one("rmsNorm", [x, w], { eps });
  }
  linear(x: GVal, w: GVal, bias?: GVal): GVal {
    return this.one("linear", bias ? [x, w, bias] : [x, w], NONE);
  }
  headNorm(x: GVal, w: GVal, eps: number): GVal {
    return this.one("headNorm", [x, w], { eps });
  }
  rope(x: GVal, positions: GVal, theta: number, scaling: RopeScaling | null): GVal {
    return this.one("rope", [x, positions], { theta, scaling });
  }
  reshape(x: GVal, shape: readonly number[]): GVal {
    return this.one("reshape", [x], { shape: [...shape] });
  }
  slice(x: GVal, start: readonly number[], limit: readonly number[]): GVal {
    return this.one("slice", [x], { start: [...start], limit: [...limit] });
  }
  concat(xs: readonly GVal[], axis: number): GVal {
    return this.one("concat", xs, { axis });
  }
  add(a: GVal, b: GVal): GVal {
    return this.one("add", [a, b], NONE);
  }
  swiglu(gate: GVal, up: GVal): GVal {
    return this.one("swiglu", [gate, up], NONE);
  }
  lmHead(x: GVal, w: GVal): GVal {
    return this.one("lmHead", [x, w], NONE);
  }
  argmax(x: GVal): GVal {
    return this.one("argmax", [x], NONE);
  }
  acceptGreedy(block: GVal, target: GVal): GVal {
    return this.one("acceptGreedy", [block, target], NONE);
  }
  samplingProbs(logits: GVal, temperature: GVal, topK: GVal, topP: GVal): GVal {
    return this.one("samplingProbs", [logits, temperature, topK, topP], NONE);
  }
  /** `[accepted, tokens]`. */
  acceptSample(block: GVal, probs: GVal, uniforms: GVal): GVal[] {
    return this.op("acceptSample", [block, probs, uniforms], NONE);
  }
  makeBlock(last: GVal, drafts: GVal | null, blockSize: number, maskTokenId: number): GVal {
    return this.one("makeBlock", drafts ? [last, drafts] : [last], { blockSize, maskTokenId });
  }
  blockPositions(seqLens: GVal, blockSize: number): GVal {
    return this.one("blockPositions", [seqLens], { blockSize });
  }
  gatherRows(table: GVal, idx: GVal): GVal {
    return this.one("gatherRows", [table, idx], NONE);
  }
  scatterRows(table: GVal, idx: GVal, rows: GVal): GVal {
    return this.one("scatterRows", [table, idx, rows], NONE);
  }
  stateRows(next: GVal, held: GVal, lens: GVal): GVal {
    return this.one("stateRows", [next, held, lens], NONE);
  }
  /** `accepted` null: a one-token step (a = 0). */
  advanceState(state: GVal, tokens: GVal, accepted: GVal | null): GVal {
    return this.one("advanceState", accepted ? [state, tokens, accepted] : [state, tokens], NONE);
  }
  pagedRows(tables: GVal, positions: GVal, pageSize: number): GVal {
    return this.one("pagedRows", [tables, positions], { pageSize });
  }
  constI32(value: number): GVal {
    return this.one("constI32", [], { value });
  }
  writePagedRows(pool: GVal, k: GVal, v: GVal, rows: GVal, layer: GVal): GVal {
    return this.one("writePagedRows", [pool, k, v, rows, layer], NONE);
  }
  writeStaticRows(cache: GVal, x: GVal, rows: GVal, layer: number): GVal {
    return this.one("writeStaticRows", [cache, x, rows], { layer });
  }
  writeStaticBlock(cache: GVal, x: GVal, slots: GVal, starts: GVal, layer: number): GVal {
    return this.one("writeStaticBlock", [cache, x, slots, starts], { layer });
  }
  readStaticCache(cache: GVal, slots: GVal, layer: number): GVal {
    return this.one("readStaticCache", [cache, slots], { layer });
  }
  readPagedCache(pool: GVal, tables: GVal, layer: number, kv: 0 | 1): GVal {
    return this.one("readPagedCache", [pool, tables], { layer, kv });
  }
  /** `groupTable[G]`: the row of `tables[R, P]` each group reads through; without it, group g reads row g. */
  pagedAttention(q: GVal, pool: GVal, tables: GVal, positions: GVal, layer: GVal, groupTable?: GVal): GVal {
    return this.one("pagedAttention", groupTable ? [q, pool, tables, positions, layer, groupTable] : [q, pool, tables, positions, layer], NONE);
  }
  blockAttention(q: GVal, kCtx: GVal, vCtx: GVal, kBlk: GVal, vBlk: GVal, seqLens: GVal, window: number | null): GVal {
    return this.one("blockAttention", [q, kCtx, vCtx, kBlk, vBlk, seqLens], { window });
  }
  call(callee: string, inputs: readonly GVal[]): GVal[] {
    return this.op("call", inputs, { callee });
  }
  /** `layers` iterations of `callee` (see OpAttrMap.scanLayers): the final carries, then carry 0 after each layer of `collect`. */
  scanLayers(callee: string, carries: readonly GVal[], invariants: readonly GVal[], stacked: readonly GVal[], layers: number, collect: readonly number[]): GVal[] {
    return this.op("scanLayers", [...carries, ...invariants, ...stacked], { callee, layers, carries: carries.length, invariants: invariants.length, collect: [...collect] });
  }

  /** Up to `cycles` iterations of `callee` (see OpAttrMap.cycleLoop); carry 0 is `remaining[R]`. */
  cycleLoop(callee: string, carries: readonly GVal[], invariants: readonly GVal[], cycles: number): GVal[] {
    return this.op("cycleLoop", [...carries, ...invariants], { callee, cycles, carries: carries.length, invariants: invariants.length });
  }
  maskRows(x: GVal, live: GVal, fill: number): GVal {
    return this.one("maskRows", [x, live], { fill });
  }
  remainingAfter(remaining: GVal, tokens: GVal, accepted: GVal, stopIds: GVal): GVal {
    return this.one("remainingAfter", [remaining, tokens, accepted, stopIds], NONE);
  }
  writeCycle(buf: GVal, x: GVal, i: GVal): GVal {
    return this.one("writeCycle", [buf, x, i], NONE);
  }
  cycleBuffer(rows: GVal, cycles: number, rowShape: readonly number[], value: number): GVal {
    return this.one("cycleBuffer", [rows], { cycles, rowShape: [...rowShape], value });
  }

  /** Ends the function with `results`; it becomes callable. */
  ret(results: readonly GVal[]): GFunc {
    const f: GFunc = {
      name: this.name,
      values: this.values,
      params: this.params.map((p, i) => ({ name: this.paramNames[i], id: p.id })),
      nodes: this.nodes,
      results: results.map((r) => r.id),
    };
    this.done(f);
    return f;
  }
}
