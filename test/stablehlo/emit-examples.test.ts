// The real-size examples: one bucket of every kernel emits, parses, verifies and re-prints to the identical text.
import { expect, it } from "vitest";
import { buildPlan } from "../../compiler/plan/build-plan.js";
import { emitKernel, emitKernelText } from "../../compiler/stablehlo/emit.js";
import { formatType, numElements, type Op, type TensorType } from "../../stablehlo/ir.js";
import { parseModule } from "../../stablehlo/parser.js";
import { printModule } from "../../stablehlo/printer.js";
import { verifyModule } from "../../stablehlo/verifier.js";
import llama31_8b from "../../examples/llama3.1-8b-dflash.js";
import qwen3_4b from "../../examples/qwen3-4b-dflash.js";
import qwen3_8b from "../../examples/qwen3-8b-dflash.js";
import tinySampling from "../../examples/tiny-sampling.js";
import tiny from "../../examples/tiny.js";

it.each([
  ["qwen3-8b-dflash", qwen3_8b],
  ["qwen3-4b-dflash", qwen3_4b],
  ["llama3.1-8b-dflash", llama31_8b],
])("%s: one bucket of every kernel round-trips through parser, verifier and printer", (_name, decl) => {
  const plan = buildPlan(decl);
  const seen = new Set<string>();
  const sigs = plan.kernels.filter((k) => !seen.has(k.kernel) && seen.add(k.kernel));
  expect(sigs.map((s) => s.kernel).sort()).toEqual(["decode_step", "draft", "prefill", "target_step", "verify"]);
  for (const sig of sigs) {
    const text = emitKernelText(plan, sig);
    const parsed = parseModule(text, `${sig.kernel}.${sig.bucketId}.mlir`);
    expect(verifyModule(parsed)).toEqual([]);
    expect(printModule(parsed) === text).toBe(true);
    // One function per distinct layer body; the target's is called once, inside the one layer loop of @main.
    const all = (ops: readonly Op[]): Op[] => ops.flatMap((o) => [o, ...all(o.regions.flatMap((r) => r.blocks.flatMap((b) => b.ops)))]);
    const calls = all(parsed.funcs[0].body.ops).filter((o) => o.name === "func.call").map((o) => { const c = o.attrs.callee; return c?.kind === "symbol" ? c.value : ""; });
    const targetCalls = calls.filter((c) => c === (sig.kernel === "prefill" ? "target_layer_grouped" : "target_layer")).length;
    expect(targetCalls).toBe(sig.kernel === "draft" ? 0 : 1);
    const loops = parsed.funcs[0].body.ops.filter((o) => o.name === "stablehlo.while");
    expect(loops.some((w) => all(w.regions[1].blocks[0].ops).some((o) => o.name === "func.call"))).toBe(sig.kernel !== "draft");
    expect(parsed.funcs.map((f) => f.name).sort()).toEqual(["main", ...new Set(calls as string[])].sort());
  }
});

it("qwen3-8b-dflash: no temporary of the largest prefill bucket exceeds 2 GiB (paged attention runs in chunks)", () => {
  const plan = buildPlan(qwen3_8b);
  const sig = plan.kernels.filter((k) => k.kernel === "prefill").at(-1)!;
  expect(sig.bucketId).toBe("r64.t8192");
  const m = emitKernel(plan, sig);
  const bytes = (t: TensorType) => numElements(t) * (t.element === "f32" || t.element === "i32" ? 4 : t.element === "bf16" ? 2 : 1);
  // The caches themselves (and their reshapes) are as large as declared; everything else must be bounded.
  const cacheSizes = new Set(sig.args.filter((a) => a.role === "cache").map((a) => a.shape.reduce((x, y) => x * y, 1)));
  const all = (ops: readonly Op[]): Op[] => ops.flatMap((o) => [o, ...all(o.regions.flatMap((r) => r.blocks.flatMap((b) => b.ops)))]);
  const big = m.funcs
    .flatMap((f) => all(f.body.ops))
    .flatMap((o) => o.results.map((r) => r.type))
    .filter((t) => !cacheSizes.has(numElements(t)) && bytes(t) > 2 ** 31);
  expect(big.map(formatType)).toEqual([]);
  expect(printModule(m)).toContain("stablehlo.while");
});

// Every module `dflashc compile` writes for every example, not just one bucket each.
it.each([
  ["tiny", tiny],
  ["tiny-sampling", tinySampling],
  ["qwen3-8b-dflash", qwen3_8b],
  ["qwen3-4b-dflash", qwen3_4b],
  ["llama3.1-8b-dflash", llama31_8b],
])("%s: every kernel bucket parses, verifies and re-prints to the identical text", (_name, decl) => {
  const plan = buildPlan(decl);
  const failures: string[] = [];
  for (const sig of plan.kernels) {
    const file = `${sig.kernel}.${sig.bucketId}.mlir`;
    const text = emitKernelText(plan, sig);
    const parsed = parseModule(text, file);
    if (verifyModule(parsed).length > 0 || printModule(parsed) !== text) failures.push(file);
  }
  expect(failures).toEqual([]);
  expect(plan.kernels.length).toBeGreaterThan(20);
});
