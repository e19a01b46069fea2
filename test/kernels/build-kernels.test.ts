// Kernel graphs for every signature: they verify, @main matches the KernelSig exactly, layers are functions.
import { describe, expect, it } from "vitest";
import { buildKernelGraph, buildKernelGraphs } from "../../compiler/kernels/build-kernels.js";
import { buildPlan } from "../../compiler/plan/build-plan.js";
import type { DecoderPlan } from "../../compiler/ir/plan.js";
import { graphProblems } from "../../compiler/ir/graph-verify.js";
import { tinyDecl, tinyBf16Plan, tinyLlamaPlan, tinyPagedDraftPlan, tinyPlan, tinyQwen2Plan, tinySlidingPlan } from "../helpers/naive-variants.js";
import qwen3_8b from "../../examples/qwen3-8b-dflash.js";
import qwen3_4b from "../../examples/qwen3-4b-dflash.js";
import llama8b from "../../examples/llama3.1-8b-dflash.js";
import type { KernelSig } from "../../contract/manifest.js";

/** The first bucket of each kernel: enough to prove a real-size plan builds. */
function onePerKernel(plan: DecoderPlan): KernelSig[] {
  const seen = new Set<string>();
  return plan.kernels.filter((k) => !seen.has(k.kernel) && seen.add(k.kernel));
}

function expectMatchesSig(plan: DecoderPlan, sig: KernelSig): void {
  const g = buildKernelGraph(plan, sig);
  expect(graphProblems(g)).toEqual([]);
  const main = g.funcs[0];
  expect(main.name).toBe("main");
  expect(main.params.map((p) => p.name)).toEqual(sig.args.map((a) => a.name));
  expect(main.params.map((p) => main.values[p.id])).toEqual(sig.args.map((a) => ({ shape: [...a.shape], dtype: a.dtype })));
  expect(main.results.map((r) => main.values[r])).toEqual(sig.results.map((a) => ({ shape: [...a.shape], dtype: a.dtype })));
}

describe("buildKernelGraph", () => {
  it("builds every kernel and bucket of the tiny example, matching its signature", () => {
    const plan = tinyPlan();
    expect(plan.kernels.length).toBeGreaterThan(20);
    for (const sig of plan.kernels) expectMatchesSig(plan, sig);
  });

  it("makes one function per distinct layer body; the target's layers are one scanLayers loop over stacked weights", () => {
    const graphs = buildKernelGraphs(tinyPlan());
    const names = (kernel: string) => graphs.find((g) => g.sig.kernel === kernel)!.funcs.map((f) => f.name);
    expect(names("prefill")).toEqual(["main", "target_layer_grouped", "draft_context"]);
    expect(names("draft")).toEqual(["main", "draft_layer"]);
    expect(names("verify")).toEqual(["main", "target_layer", "draft_context"]);
    expect(names("decode_step")).toEqual(["main", "draft_layer", "target_layer", "draft_context"]);
    expect(names("target_step")).toEqual(["main", "target_layer"]);
    const verify = graphs.find((g) => g.sig.kernel === "verify")!;
    const main = verify.funcs[0];
    const loops = main.nodes.flatMap((n) => (n.op === "scanLayers" ? [n] : []));
    expect(loops).toHaveLength(1);
    const [loop] = loops;
    expect(loop.attrs).toEqual({ callee: "target_layer", layers: 2, carries: 2, invariants: 3, collect: [0, 1] });
    expect(main.nodes.filter((n) => n.op === "call").map((n) => n.op === "call" && n.attrs.callee)).toEqual(["draft_context"]);
    // The loop takes the stacked weight arguments, one per weight role, each [layers, ...].
    const argName = (id: number) => main.params.find((p) => p.id === id)?.name;
    const stacked = loop.inputs.slice(5).map(argName);
    expect(stacked.every((w) => w?.startsWith("target.model.layers.$."))).toBe(true);
    expect(stacked).toHaveLength(11);
    expect(loop.inputs.slice(5).every((id) => main.values[id].shape[0] === 2)).toBe(true);
    const layer = verify.funcs[1];
    expect(layer.params.slice(0, 7).map((p) => p.name)).toEqual(["x", "target_kv", "positions", "tables", "rows", "layer", "input_layernorm.weight"]);
    expect(layer.values[layer.params[3].id].shape).toEqual(verify.sig.args.find((a) => a.name === "block_tables")!.shape);
    // target_step needs no drafter features: its loop collects nothing.
    const step = graphs.find((g) => g.sig.kernel === "target_step")!.funcs[0];
    expect(step.nodes.flatMap((n) => (n.op === "scanLayers" ? [n.attrs.collect] : []))).toEqual([[]]);
  });

  it("prefill's target layer reads the request-level block tables through token_request, never a per-token copy", () => {
    const plan = tinyPlan();
    const sig = plan.kernels.find((k) => k.kernel === "prefill" && k.bucket.tokens! > k.bucket.requests)!;
    const g = buildKernelGraph(plan, sig);
    const [main, layer] = g.funcs;
    expect(layer.name).toBe("target_layer_grouped");
    const names = layer.params.map((p) => p.name);
    expect(names.slice(0, 8)).toEqual(["x", "target_kv", "positions", "tables", "group_table", "rows", "layer", "input_layernorm.weight"]);
    const shapeOf = (p: string) => layer.values[layer.params[names.indexOf(p)].id].shape;
    const argShape = (a: string) => sig.args.find((x) => x.name === a)!.shape;
    expect([shapeOf("tables"), shapeOf("group_table")]).toEqual([argShape("block_tables"), argShape("token_request")]);
    const attn = layer.nodes.find((n) => n.op === "pagedAttention")!;
    expect(attn.inputs).toHaveLength(6);
    expect(attn.inputs[5]).toBe(layer.params[names.indexOf("group_table")].id);
    // The loop passes block_tables and token_request themselves; gatherRows is left for last_index.
    const argName = (id: number) => main.params.find((p) => p.id === id)?.name;
    const loops = main.nodes.filter((n) => n.op === "scanLayers" && n.attrs.callee === "target_layer_grouped");
    expect(loops).toHaveLength(1);
    expect(loops[0].inputs.slice(3, 5).map(argName)).toEqual(["block_tables", "token_request"]);
    expect(main.nodes.filter((n) => n.op === "gatherRows").map((n) => argName(n.inputs[1]))).toEqual(["last_index"]);
  });

  it("gives a sliding-window draft layer its own function", () => {
    const plan = tinySlidingPlan();
    const g = buildKernelGraph(plan, plan.kernels.find((k) => k.kernel === "draft")!);
    expect(g.funcs.map((f) => f.name)).toEqual(["main", "draft_layer", "draft_layer_sliding"]);
    expect(g.funcs[0].nodes.flatMap((n) => (n.op === "call" ? [n.attrs.callee] : []))).toEqual(["draft_layer", "draft_layer_sliding"]);
  });

  it("writes the static draft cache with dynamic_update_slice-style block writes in verify, rows in prefill", () => {
    const plan = tinyPlan();
    const ops = (kernel: string) => buildKernelGraph(plan, plan.kernels.find((k) => k.kernel === kernel)!).funcs[0].nodes.map((n) => n.op);
    expect(ops("verify").filter((o) => o.startsWith("write"))).toEqual(["writeStaticBlock", "writeStaticBlock"]);
    expect(ops("prefill").filter((o) => o.startsWith("write"))).toEqual(["writeStaticRows", "writeStaticRows"]);
    const paged = tinyPagedDraftPlan();
    const pagedOps = buildKernelGraph(paged, paged.kernels.find((k) => k.kernel === "verify")!).funcs[0].nodes.map((n) => n.op);
    expect(pagedOps.filter((o) => o.startsWith("write") || o === "pagedRows")).toEqual(["pagedRows", "pagedRows", "writePagedRows"]);
  });

  it("builds every kernel of each model family, cache layout and dtype variant", () => {
    for (const plan of [tinyBf16Plan(), tinyPagedDraftPlan("bf16"), tinyLlamaPlan(), tinyQwen2Plan(), tinySlidingPlan()]) {
      for (const sig of plan.kernels) expectMatchesSig(plan, sig);
    }
  });

  it("builds a target-only decoder's kernels", () => {
    const { draft: _d, blockSize: _b, ...rest } = tinyDecl;
    const plan = buildPlan({ ...rest, name: "tiny_target_only", cache: { target: tinyDecl.cache.target } });
    expect(new Set(plan.kernels.map((k) => k.kernel))).toEqual(new Set(["prefill", "target_step"]));
    for (const sig of plan.kernels) expectMatchesSig(plan, sig);
  });

  it("builds one bucket of every kernel of the real-size examples", () => {
    for (const decl of [qwen3_8b, qwen3_4b, llama8b]) {
      const plan = buildPlan(decl);
      const sigs = onePerKernel(plan);
      expect(sigs.map((s) => s.kernel).sort()).toEqual(["decode_step", "draft", "prefill", "target_step", "verify"]);
      for (const sig of sigs) expectMatchesSig(plan, sig);
    }
  });
});
