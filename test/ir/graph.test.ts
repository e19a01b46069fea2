// The graph IR itself: typed construction, the verifier, the lowering-rule lookup.
import { describe, expect, it } from "vitest";
import { GraphBuilder } from "../../compiler/ir/graph-builder.js";
import { GraphError, MissingLoweringRuleError, OP_NAMES, ruleFor, type KernelGraph } from "../../compiler/ir/graph.js";
import { graphProblems, verifyGraph } from "../../compiler/ir/graph-verify.js";
import { EVAL_RULES } from "../../compiler/ir/graph-eval-ops.js";
import type { KernelSig, TensorSig } from "../../contract/manifest.js";

const f32 = (name: string, shape: number[]): TensorSig => ({ name, shape, dtype: "f32", role: "weight", donated: false });
const i32 = (name: string, shape: number[], role: TensorSig["role"] = "input"): TensorSig => ({ name, shape, dtype: "i32", role, donated: false });

/** A toy kernel: embed → rmsNorm → lmHead → argmax. */
function toySig(): KernelSig {
  return {
    kernel: "target_step",
    bucket: { requests: 2 },
    bucketId: "r2",
    args: [f32("embed", [8, 4]), f32("norm", [4]), i32("ids", [2])],
    results: [i32("next_tokens", [2], "output")],
  };
}

function toyGraph(sig = toySig()): KernelGraph {
  const g = new GraphBuilder(sig);
  const m = g.func("main", sig.args.map((a) => ({ name: a.name, type: { shape: a.shape, dtype: a.dtype } })));
  const x = m.embed(m.param("embed"), m.param("ids"));
  m.ret([m.argmax(m.lmHead(m.rmsNorm(x, m.param("norm"), 1e-6), m.param("embed")))]);
  return g.finish();
}

describe("graph builder", () => {
  it("infers result types from the op rules", () => {
    const g = toyGraph();
    verifyGraph(g);
    const main = g.funcs[0];
    expect(main.nodes.map((n) => n.op)).toEqual(["embed", "rmsNorm", "lmHead", "argmax"]);
    expect(main.values[main.results[0]]).toEqual({ shape: [2], dtype: "i32" });
    expect(main.values[main.nodes[2].outputs[0]]).toEqual({ shape: [2, 8], dtype: "f32" });
  });

  it("rejects an ill-typed node where it is made, naming the op", () => {
    const sig = toySig();
    const g = new GraphBuilder(sig);
    const m = g.func("main", sig.args.map((a) => ({ name: a.name, type: { shape: a.shape, dtype: a.dtype } })));
    expect(() => m.linear(m.param("embed"), m.param("norm"))).toThrow(/linear: weight must have rank 2/);
    expect(() => m.embed(m.param("embed"), m.param("norm"))).toThrow(/embed: ids must be i32/);
    expect(() => m.reshape(m.param("embed"), [3, 3])).toThrow(GraphError);
    expect(() => m.call("nowhere", [])).toThrow(/no function @nowhere/);
  });

  it("types the paged ops by the pool layout [L, 2, kvHeads, pages, pageSize, D] and pagedAttention's optional groupTable", () => {
    const sig = toySig();
    const g = new GraphBuilder(sig);
    const m = g.func("main", [
      { name: "q", type: { shape: [3, 2, 4, 8], dtype: "f32" } },
      { name: "pool", type: { shape: [2, 2, 2, 5, 4, 8], dtype: "f32" } },
      { name: "bad_pool", type: { shape: [2, 5, 4, 2, 2, 8], dtype: "f32" } },
      { name: "tables", type: { shape: [2, 6], dtype: "i32" } },
      { name: "positions", type: { shape: [3, 2], dtype: "i32" } },
      { name: "group_table", type: { shape: [3], dtype: "i32" } },
      { name: "layer", type: { shape: [], dtype: "i32" } },
    ]);
    const p = (n: string) => m.param(n);
    expect(m.pagedAttention(p("q"), p("pool"), p("tables"), p("positions"), p("layer"), p("group_table")).type).toEqual({ shape: [3, 2, 4, 8], dtype: "f32" });
    expect(() => m.pagedAttention(p("q"), p("pool"), p("tables"), p("positions"), p("layer"))).toThrow(/without a groupTable, tables must have one row per group/);
    expect(() => m.pagedAttention(p("q"), p("pool"), p("tables"), p("positions"), p("layer"), p("layer"))).toThrow(/groupTable must be i32\[G\]/);
    expect(() => m.pagedAttention(p("q"), p("bad_pool"), p("tables"), p("positions"), p("layer"), p("group_table"))).toThrow(/pool axis 1 must be 2/);
    // 2 table rows of 6 pages x 4 slots; kvHeads 2, D 8.
    expect(m.readPagedCache(p("pool"), p("tables"), 1, 0).type).toEqual({ shape: [2, 24, 2, 8], dtype: "f32" });
  });

  it("types calls by the callee's signature", () => {
    const sig = toySig();
    const g = new GraphBuilder(sig);
    const layer = g.func("layer", [{ name: "x", type: { shape: [2, 4], dtype: "f32" } }, { name: "w", type: { shape: [4], dtype: "f32" } }]);
    layer.ret([layer.rmsNorm(layer.param("x"), layer.param("w"), 1e-6)]);
    const m = g.func("main", sig.args.map((a) => ({ name: a.name, type: { shape: a.shape, dtype: a.dtype } })));
    const [y] = m.call("layer", [m.embed(m.param("embed"), m.param("ids")), m.param("norm")]);
    expect(y.type).toEqual({ shape: [2, 4], dtype: "f32" });
    expect(() => m.call("layer", [m.param("norm"), m.param("norm")])).toThrow(/operand 0 of @layer/);
    m.ret([m.argmax(m.lmHead(y, m.param("embed")))]);
    const graph = g.finish();
    expect(graph.funcs.map((f) => f.name)).toEqual(["main", "layer"]);
    verifyGraph(graph);
  });

  it("keeps one copy of a shared function and refuses a different body under the same name", () => {
    const g = new GraphBuilder(toySig());
    const params = [{ name: "x", type: { shape: [2, 4], dtype: "f32" as const } }, { name: "w", type: { shape: [4], dtype: "f32" as const } }];
    const norm = (eps: number) => g.shared("layer", params, (b) => [b.rmsNorm(b.param("x"), b.param("w"), eps)]);
    expect(norm(1e-6)).toBe("layer");
    expect(norm(1e-6)).toBe("layer");
    expect(() => norm(1e-5)).toThrow(/two different bodies for shared function @layer/);
    const m = g.func("main", toySig().args.map((a) => ({ name: a.name, type: { shape: a.shape, dtype: a.dtype } })));
    m.ret([m.argmax(m.lmHead(m.call("layer", [m.embed(m.param("embed"), m.param("ids")), m.param("norm")])[0], m.param("embed")))]);
    expect(g.finish().funcs.map((f) => f.name)).toEqual(["main", "layer"]);
  });
});

describe("graph verifier", () => {
  it("accepts a well-formed graph", () => {
    expect(graphProblems(toyGraph())).toEqual([]);
  });

  it("holds main to its KernelSig: argument names, shapes and result types", () => {
    const g = toyGraph();
    const renamed = { ...g, sig: { ...g.sig, args: g.sig.args.map((a, i) => (i === 2 ? { ...a, name: "tokens" } : a)) } };
    expect(graphProblems(renamed)).toEqual(["target_step.r2: argument 2 is 'ids', the signature says 'tokens'"]);
    const reshaped = { ...g, sig: { ...g.sig, results: [i32("next_tokens", [4], "output")] } };
    expect(graphProblems(reshaped)[0]).toMatch(/result 'next_tokens' is i32\[2\], the signature says i32\[4\]/);
  });

  it("finds use before definition, wrong result types and recursion", () => {
    const g = toyGraph();
    const main = g.funcs[0];
    const swapped = { ...main, nodes: [main.nodes[1], main.nodes[0], ...main.nodes.slice(2)] };
    expect(graphProblems({ ...g, funcs: [swapped] }).join("\n")).toMatch(/used before it is defined/);
    const badType = { ...main, values: main.values.map((t, i) => (i === main.nodes[0].outputs[0] ? { shape: [2, 5], dtype: "f32" as const } : t)) };
    expect(graphProblems({ ...g, funcs: [badType] }).join("\n")).toMatch(/result 0 is f32\[2,5\], its rule says f32\[2,4\]/);
    const selfCall = {
      name: "loop",
      values: [{ shape: [1], dtype: "f32" as const }, { shape: [1], dtype: "f32" as const }],
      params: [{ name: "x", id: 0 }],
      nodes: [{ op: "call" as const, attrs: { callee: "loop" }, inputs: [0], outputs: [1] }],
      results: [1],
    };
    expect(graphProblems({ ...g, funcs: [main, selfCall] })).toContain("recursive call: @loop -> @loop");
    expect(() => verifyGraph({ ...g, funcs: [swapped] })).toThrow(/kernel graph target_step.r2 is malformed/);
  });
});

describe("lowering rule tables", () => {
  it("a missing rule is a loud error naming the op and the backend", () => {
    const table = { backend: "jax", rules: { add: "ops.add" } };
    expect(ruleFor(table, "add")).toBe("ops.add");
    expect(() => ruleFor(table, "rope")).toThrow(MissingLoweringRuleError);
    expect(() => ruleFor(table, "rope")).toThrow("no jax lowering rule for graph op 'rope'");
  });

  it("the evaluator has a rule for every op of the closed set", () => {
    expect(Object.keys(EVAL_RULES).sort()).toEqual([...OP_NAMES].sort());
  });
});
