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
    const layers = parsed.funcs.filter((f) => f.name.startsWith("target_layer_")).length;
    expect(layers).toBe(sig.kernel === "draft" ? 0 : plan.target.numLayers);
  }
});
