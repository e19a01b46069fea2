// StableHLO emission of the tiny example: every module parses, verifies and re-prints identically;
// the module's layout (main first, layers private, donation) and the lowering table's completeness.
import { describe, expect, it } from "vitest";
import { emitGraph, emitKernel, emitKernelText } from "../../compiler/stablehlo/emit.js";
import { lowerGraph } from "../../compiler/stablehlo/lower/graph.js";
import { STABLEHLO_RULES } from "../../compiler/stablehlo/lower/rules.js";
import { parseModule } from "../../stablehlo/parser.js";
import { printModule } from "../../stablehlo/printer.js";
import { verifyModule } from "../../stablehlo/verifier.js";
import { MissingLoweringRuleError, OP_NAMES, ruleFor, type KernelGraph } from "../../compiler/ir/graph.js";
import type { DecoderPlan } from "../../compiler/ir/plan.js";
import type { Op } from "../../stablehlo/ir.js";
import { buildKernelGraph } from "../../compiler/kernels/build-kernels.js";
import { GraphBuilder } from "../../compiler/ir/graph-builder.js";
import { evaluateKernel } from "../../compiler/ir/graph-eval.js";
import { fromData } from "../../compiler/ir/graph-tensor.js";
import { runFunction } from "../../stablehlo/interpreter/interpreter.js";
import { ModuleBuilder } from "../../stablehlo/builder.js";
import { pagedAttention, pagedAttentionChunk } from "../../compiler/stablehlo/lower/attention.js";
import { randomTensor } from "../../runtime/weights/random.js";
import { tinyBf16Plan, tinyLlamaPlan, tinyPagedDraftPlan, tinyPlan, tinyQwen2Plan, tinySlidingPlan } from "../helpers/naive-variants.js";
import type { KernelSig } from "../../contract/manifest.js";

function expectRoundTrip(plan: DecoderPlan, sig: KernelSig): string {
  const text = emitKernelText(plan, sig);
  const parsed = parseModule(text, `${sig.kernel}.${sig.bucketId}.mlir`);
  expect(verifyModule(parsed)).toEqual([]);
  expect(printModule(parsed)).toBe(text);
  return text;
}

function onePerKernel(plan: DecoderPlan): KernelSig[] {
  const seen = new Set<string>();
  return plan.kernels.filter((k) => !seen.has(k.kernel) && seen.add(k.kernel));
}

function allOps(ops: readonly Op[]): Op[] {
  return ops.flatMap((o) => [o, ...allOps(o.regions.flatMap((r) => r.blocks.flatMap((b) => b.ops)))]);
}

/** The StableHLO ops JAX itself emits for these kernels; nothing exotic slips in. */
const JAX_OPS = new Set([
  "stablehlo.add", "stablehlo.and", "stablehlo.broadcast_in_dim", "stablehlo.compare", "stablehlo.concatenate",
  "stablehlo.constant", "stablehlo.convert", "stablehlo.cosine", "stablehlo.divide", "stablehlo.dot_general",
  "stablehlo.dynamic_update_slice", "stablehlo.exponential", "stablehlo.gather", "stablehlo.iota",
  "stablehlo.logistic", "stablehlo.maximum", "stablehlo.minimum", "stablehlo.multiply", "stablehlo.negate",
  "stablehlo.or", "stablehlo.reduce", "stablehlo.remainder", "stablehlo.reshape", "stablehlo.return",
  "stablehlo.rsqrt", "stablehlo.scatter", "stablehlo.select", "stablehlo.sine", "stablehlo.slice",
  "stablehlo.subtract", "stablehlo.transpose", "func.call", "func.return",
  // lax.scan over stacked layers: a while, slicing each layer's weights.
  "stablehlo.while", "stablehlo.dynamic_slice",
]);

describe("emitKernel (tiny example)", () => {
  it("every kernel and bucket parses, verifies and re-prints to the identical text", () => {
    const plan = tinyPlan();
    for (const sig of plan.kernels) expectRoundTrip(plan, sig);
  });

  it("so does one bucket per kernel of every variant (bf16, paged draft, llama3, qwen2, sliding window)", () => {
    for (const plan of [tinyBf16Plan(), tinyPagedDraftPlan("bf16"), tinyLlamaPlan(), tinyQwen2Plan(), tinySlidingPlan()]) {
      for (const sig of onePerKernel(plan)) expectRoundTrip(plan, sig);
    }
  });

  it("is deterministic", () => {
    const plan = tinyPlan();
    const sig = plan.kernels.find((k) => k.kernel === "decode_step")!;
    expect(emitKernelText(tinyPlan(), sig)).toBe(emitKernelText(plan, sig));
  });

  it("puts @main first, one private function per distinct layer body, and marks donated caches as JAX does", () => {
    const plan = tinyPlan();
    const sig = plan.kernels.find((k) => k.kernel === "decode_step" && k.bucket.requests === 2)!;
    const m = emitKernel(plan, sig);
    expect(m.name).toBe("decode_step_r2");
    expect(m.funcs.map((f) => [f.name, f.visibility])).toEqual([
      ["main", "public"],
      ["draft_layer", "private"],
      ["target_layer", "private"],
      ["draft_context", "private"],
    ]);
    const main = m.funcs[0];
    expect(main.args.map((a) => a.name)).toEqual(sig.args.map((a) => `%${a.name}`));
    const donors = main.args.filter((a) => a.attrs["jax.buffer_donor"]?.kind === "bool").map((a) => a.name);
    expect(donors).toEqual(["%target_kv", "%draft_k", "%draft_v", "%seq_state"]);
    expect(main.resultTypes.map((t) => t.shape)).toEqual(sig.results.map((r) => r.shape));
    const text = printModule(m);
    expect(text).toContain("%target_kv: tensor<2x2x2x64x16x16xf32> {jax.buffer_donor = true}");
    // The target's layers: one while over the layer index, whose body slices each stacked weight at the
    // index and calls the shared body with the running hidden rows and pool.
    expect(main.args.filter((a) => a.name.startsWith("%target.model.layers.")).every((a) => a.name.startsWith("%target.model.layers.$.") && a.type.shape[0] === 2)).toBe(true);
    expect(text).toMatch(/stablehlo.while\(%iterArg = %\d+, %iterArg_0 = %\d+, %iterArg_1 = %target_kv, %iterArg_2 = %\d+\)/);
    expect(text).toMatch(/stablehlo.dynamic_slice %target.model.layers.\$.input_layernorm.weight, %iterArg, /);
    expect(text).toMatch(/%\d+:2 = func.call @target_layer\(%iterArg_0, %iterArg_1, %\d+, %block_tables, %\d+, %iterArg, /);
  });

  it("uses only ops JAX emits; argmax is a two-operand reduce, the static block write one scatter whatever R", () => {
    const plan = tinyBf16Plan();
    const used = new Set<string>();
    for (const sig of onePerKernel(plan)) {
      for (const f of emitKernel(plan, sig).funcs) for (const op of allOps(f.body.ops)) used.add(op.name);
    }
    expect([...used].filter((n) => !JAX_OPS.has(n))).toEqual([]);
    const verify = emitKernel(plan, plan.kernels.find((k) => k.kernel === "verify")!);
    const mainOps = allOps(verify.funcs[0].body.ops);
    // K and V of the one draft layer, at every bucket: not one dynamic_update_slice per request
    for (const sig of plan.kernels.filter((k) => k.kernel === "verify")) {
      const ops = allOps(emitKernel(plan, sig).funcs[0].body.ops);
      // (and one more: the device state's rows by slot)
      expect([sig.bucket.requests, ops.filter((o) => o.name === "stablehlo.scatter").length]).toEqual([sig.bucket.requests, 3]);
      // The one dynamic_update_slice is the layer loop's write of the drafter's features.
      expect(ops.filter((o) => o.name === "stablehlo.dynamic_update_slice")).toHaveLength(1);
    }
    const argmax = mainOps.find((o) => o.name === "stablehlo.reduce" && o.operands.length === 4)!;
    expect(argmax.results.map((r) => r.type.element)).toEqual(["f32", "i32"]);
    // bf16 dots accumulate in f32, as JAX's preferred_element_type asks.
    const layerOps = allOps(verify.funcs[1].body.ops);
    expect(layerOps.some((o) => o.name === "stablehlo.dot_general" && o.operands[0].type.element === "bf16" && o.results[0].type.element === "f32")).toBe(true);
  });
});

describe("lowering edge cases, interpreter against evaluator", () => {
  it("block writes clamp slot and start like dynamic_update_slice; a dynamic layer drops writes out of range and clamps reads; a groupTable clamps", () => {
    const t = (name: string, dtype: "f32" | "i32", shape: number[]) => ({ name, shape, dtype, role: "input" as const, donated: false });
    const sig: KernelSig = {
      kernel: "verify",
      bucket: { requests: 2 },
      bucketId: "r2",
      args: [t("cache", "f32", [2, 3, 4, 1, 2]), t("x", "f32", [2, 2, 1, 2]), t("slots", "i32", [2]), t("starts", "i32", [2]), t("pool", "f32", [2, 2, 1, 2, 2, 2]), t("rows", "i32", [2])],
      results: [
        t("cache", "f32", [2, 3, 4, 1, 2]), t("pool_in", "f32", [2, 2, 1, 2, 2, 2]), t("pool_out", "f32", [2, 2, 1, 2, 2, 2]), t("attn", "f32", [1, 2, 1, 2]),
        t("attn_grouped", "f32", [2, 1, 1, 2]),
      ],
    };
    const g = new GraphBuilder(sig);
    const m = g.func("main", sig.args.map((a) => ({ name: a.name, type: { shape: a.shape, dtype: a.dtype } })));
    const p = (n: string) => m.param(n);
    const rows2 = m.reshape(m.slice(p("x"), [0, 0, 0, 0], [1, 2, 1, 2]), [2, 1, 2]);
    const inRange = m.writePagedRows(p("pool"), rows2, rows2, p("rows"), m.constI32(1));
    const dropped = m.writePagedRows(p("pool"), rows2, rows2, p("rows"), m.constI32(2));
    const tables = m.reshape(m.slice(p("rows"), [0], [1]), [1, 1]);
    const attn = m.pagedAttention(m.reshape(rows2, [1, 2, 1, 2]), inRange, tables, m.reshape(p("rows"), [1, 2]), m.constI32(5));
    // Groups read the block-table rows [clamp(7) = 1, clamp(-1) = 0] of tables [[1], [0]].
    const grouped = m.pagedAttention(m.reshape(rows2, [2, 1, 1, 2]), inRange, m.reshape(p("rows"), [2, 1]), m.reshape(p("rows"), [2, 1]), m.constI32(0), p("slots"));
    m.ret([m.writeStaticBlock(p("cache"), p("x"), p("slots"), p("starts"), 1), inRange, dropped, attn, grouped]);
    const graph = g.finish();
    const seq = (n: number, k = 1) => Array.from({ length: n }, (_, i) => (i + 1) * k);
    const args = new Map([
      ["cache", fromData("f32", [2, 3, 4, 1, 2], seq(48, 0.5))],
      ["x", fromData("f32", [2, 2, 1, 2], seq(8, -1))],
      ["slots", fromData("i32", [2], [7, -1])],
      ["starts", fromData("i32", [2], [3, -5])],
      ["pool", fromData("f32", [2, 2, 1, 2, 2, 2], seq(32, 0.25))],
      ["rows", fromData("i32", [2], [1, 0])],
    ]);
    const want = evaluateKernel(graph, args);
    const module = emitGraph(graph);
    const got = runFunction(parseModule(printModule(module), "edge.mlir"), "main", sig.args.map((a) => ({ type: { shape: [...a.shape], element: a.dtype }, data: args.get(a.name)!.data })));
    sig.results.forEach((r, i) => expect([r.name, ...got[i].data]).toEqual([r.name, ...want.get(r.name)!.data]));
    // Request 0 landed in slot 2 at row 2 (clamped), request 1 in slot 0 at row 0; the layer-2 write vanished.
    expect([...want.get("cache")!.data.slice(((1 * 3 + 2) * 4 + 2) * 2, ((1 * 3 + 2) * 4 + 4) * 2)]).toEqual([-1, -2, -3, -4]);
    expect([...want.get("pool_out")!.data]).toEqual([...args.get("pool")!.data]);
  });
});

describe("paged attention in chunks of groups", () => {
  it("bounds its temporaries by running chunks in a while loop, bit-identical to the one-shot form", () => {
    // 6 groups x 2 queries over 3 pages of 4 slots; one group's temporaries: 12 keys x (2x2x2x(4+4) + 2x4x4x4).
    const shapes = { q: [6, 2, 4, 2], pool: [2, 2, 2, 5, 4, 2], tables: [6, 3], positions: [6, 2] };
    const perGroup = 12 * (2 * 2 * 2 * 8 + 2 * 4 * 16);
    const mb = new ModuleBuilder("chunked");
    const args = [
      { name: "q", type: { shape: shapes.q, element: "f32" as const } },
      { name: "pool", type: { shape: shapes.pool, element: "f32" as const } },
      { name: "tables", type: { shape: shapes.tables, element: "i32" as const } },
      { name: "positions", type: { shape: shapes.positions, element: "i32" as const } },
      { name: "layer", type: { shape: [], element: "i32" as const } },
    ];
    const chunks: number[] = [];
    mb.func("main", "public", args, (f, [q, pool, tables, positions, layer]) =>
      [Infinity, 4 * perGroup, 2 * perGroup, perGroup].map((budget) => {
        chunks.push(pagedAttentionChunk(q, pool, tables, budget));
        return pagedAttention(f, q, pool, tables, positions, layer, budget);
      }),
    );
    // 4 groups fit but do not divide 6: chunks of 3.
    expect(chunks).toEqual([6, 3, 2, 1]);
    const text = printModule(mb.build());
    const parsed = parseModule(text, "chunked.mlir");
    expect(verifyModule(parsed)).toEqual([]);
    expect(text.match(/stablehlo.while/g)).toHaveLength(3);
    const data = (name: string, shape: number[]) => ({ type: { shape, element: "f32" as const }, data: randomTensor(3, name, shape) });
    const int = (shape: number[], values: number[]) => ({ type: { shape, element: "i32" as const }, data: Int32Array.from(values) });
    const outs = runFunction(parsed, "main", [
      data("q", shapes.q),
      data("pool", shapes.pool),
      int(shapes.tables, [1, 2, 3, 4, 0, 1, 2, 2, 2, 3, 1, 4, 0, 0, 0, 4, 3, 2]),
      int(shapes.positions, [0, 1, 5, 11, 2, 3, 7, 8, 0, 0, 9, 10]),
      int([], [1]),
    ]);
    for (const o of outs.slice(1)) expect([...o.data]).toEqual([...outs[0].data]);
  });
});

describe("the StableHLO lowering table", () => {
  it("has a rule for every graph op", () => {
    for (const op of OP_NAMES) expect(() => ruleFor(STABLEHLO_RULES, op)).not.toThrow();
  });

  it("fails loudly, naming op and backend, for an op without a rule", () => {
    const plan = tinyPlan();
    const g = buildKernelGraph(plan, plan.kernels.find((k) => k.kernel === "target_step")!);
    const [first, ...rest] = g.funcs[0].nodes;
    const broken: KernelGraph = { ...g, funcs: [{ ...g.funcs[0], nodes: [{ ...first, op: "frobnicate" } as never, ...rest] }, ...g.funcs.slice(1)] };
    expect(() => lowerGraph(broken, "broken")).toThrow(MissingLoweringRuleError);
    expect(() => lowerGraph(broken, "broken")).toThrow("no stablehlo lowering rule for graph op 'frobnicate'");
    expect(() => emitGraph(g)).not.toThrow();
  });
});
