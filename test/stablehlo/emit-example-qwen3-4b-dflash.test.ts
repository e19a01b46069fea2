// The real-size example qwen3-4b-dflash: one bucket of every kernel emits, parses, verifies and re-prints to
// the identical text (one file per example so the suite spreads them over the cores).
import { expect, it } from "vitest";
import { buildPlan } from "../../compiler/passes/build-plan.js";
import { emitKernelText } from "../../compiler/stablehlo/emit.js";
import { parseModule } from "../../compiler/stablehlo/parser.js";
import { printModule } from "../../compiler/stablehlo/printer.js";
import { verifyModule } from "../../compiler/stablehlo/verifier.js";
import decl from "../../examples/qwen3-4b-dflash.js";

it("qwen3-4b-dflash: one bucket of every kernel round-trips through parser, verifier and printer", () => {
  const plan = buildPlan(decl);
  const seen = new Set<string>();
  const sigs = plan.kernels.filter((k) => !seen.has(k.kernel) && seen.add(k.kernel));
  expect(sigs.map((s) => s.kernel).sort()).toEqual(["decode_step", "draft", "prefill", "target_step", "verify"]);
  for (const sig of sigs) {
    const text = emitKernelText(plan, sig);
    const parsed = parseModule(text, `${sig.kernel}.${sig.bucketId}.mlir`);
    expect(verifyModule(parsed)).toEqual([]);
    expect(printModule(parsed) === text).toBe(true);
    // One function per distinct layer body, called once per layer from @main.
    const calls = parsed.funcs[0].body.ops.filter((o) => o.name === "func.call").map((o) => { const c = o.attrs.callee; return c?.kind === "symbol" ? c.value : ""; });
    const targetCalls = calls.filter((c) => c === "target_layer").length;
    expect(targetCalls).toBe(sig.kernel === "draft" ? 0 : plan.target.numLayers);
    expect(parsed.funcs.map((f) => f.name).sort()).toEqual(["main", ...new Set(calls as string[])].sort());
  }
});
