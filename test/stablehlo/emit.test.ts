// StableHLO emission of the tiny example: every module parses, verifies and re-prints identically;
// the module's layout (main first, layers private, donation) and the lowering table's completeness.
import { describe, expect, it } from "vitest";
import { emitGraph, emitKernel, emitKernelText } from "../../compiler/stablehlo/emit.js";
import { lowerGraph } from "../../compiler/stablehlo/lower/graph.js";
import { STABLEHLO_RULES } from "../../compiler/stablehlo/lower/rules.js";
import { parseModule } from "../../compiler/stablehlo/parser.js";
import { printModule } from "../../compiler/stablehlo/printer.js";
import { verifyModule } from "../../compiler/stablehlo/verifier.js";
import { MissingLoweringRuleError, OP_NAMES, ruleFor, type KernelGraph } from "../../compiler/ir/graph.js";
import type { DecoderPlan, KernelSig } from "../../compiler/ir/plan.js";
import type { Op } from "../../compiler/stablehlo/ir.js";
import { buildKernelGraph } from "../../compiler/passes/build-kernels.js";
import { tinyBf16Plan, tinyLlamaPlan, tinyPagedDraftPlan, tinyPlan, tinyQwen2Plan, tinySlidingPlan } from "../helpers/naive-variants.js";

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
    expect(donors).toEqual(["%target_kv", "%draft_k", "%draft_v"]);
    expect(main.resultTypes.map((t) => t.shape)).toEqual(sig.results.map((r) => r.shape));
    const text = printModule(m);
    expect(text).toContain("%target_kv: tensor<2x64x16x2x2x16xf32> {jax.buffer_donor = true}");
    // Layer 1 is the shared body called with its own weights, the running pool and its layer index.
    expect(text).toMatch(/%(\d+) = stablehlo.constant dense<1> : tensor<i32>\n\s+%\d+:2 = func.call @target_layer\(%\d+#0, %\d+, %block_tables, %\d+, %\d+#1, %\1, %target.model.layers.1.input_layernorm.weight,/);
  });

  it("uses only ops JAX emits; argmax is a two-operand reduce, the static block write a dynamic_update_slice", () => {
    const plan = tinyBf16Plan();
    const used = new Set<string>();
    for (const sig of onePerKernel(plan)) {
      for (const f of emitKernel(plan, sig).funcs) for (const op of allOps(f.body.ops)) used.add(op.name);
    }
    expect([...used].filter((n) => !JAX_OPS.has(n))).toEqual([]);
    const verify = emitKernel(plan, plan.kernels.find((k) => k.kernel === "verify")!);
    const mainOps = allOps(verify.funcs[0].body.ops);
    expect(mainOps.filter((o) => o.name === "stablehlo.dynamic_update_slice")).toHaveLength(2);
    const argmax = mainOps.find((o) => o.name === "stablehlo.reduce" && o.operands.length === 4)!;
    expect(argmax.results.map((r) => r.type.element)).toEqual(["f32", "i32"]);
    // bf16 dots accumulate in f32, as JAX's preferred_element_type asks.
    const layerOps = allOps(verify.funcs[1].body.ops);
    expect(layerOps.some((o) => o.name === "stablehlo.dot_general" && o.operands[0].type.element === "bf16" && o.results[0].type.element === "f32")).toBe(true);
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
