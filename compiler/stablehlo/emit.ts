/**
 * StableHLO emission: kernel signature → kernel graph → StableHLO module → text. Every module is
 * checked by the verifier before it leaves: an invalid module here is a compiler bug.
 */
import type { DecoderPlan, KernelSig } from "../ir/plan.js";
import type { KernelGraph } from "../ir/graph.js";
import { buildKernelGraph } from "../passes/build-kernels.js";
import type { Module } from "./ir.js";
import { lowerGraph } from "./lower/graph.js";
import { printModule } from "./printer.js";
import { verifyModule } from "./verifier.js";
import { formatDiagnostic } from "../diagnostics.js";

export class EmitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EmitError";
  }
}

/** `@prefill_r1_t16`: the kernel and bucket, as a symbol. */
export function moduleName(sig: KernelSig): string {
  return `${sig.kernel}_${sig.bucketId.replace(/\./g, "_")}`;
}

/** The verified module of a built kernel graph. */
export function emitGraph(graph: KernelGraph): Module {
  const module = lowerGraph(graph, moduleName(graph.sig));
  const problems = verifyModule(module);
  if (problems.length > 0) {
    throw new EmitError(`internal error: emitted ${graph.sig.kernel}.${graph.sig.bucketId} does not verify:\n  ${problems.map(formatDiagnostic).join("\n  ")}`);
  }
  return module;
}

export function emitKernel(plan: DecoderPlan, sig: KernelSig): Module {
  return emitGraph(buildKernelGraph(plan, sig));
}

/** The module as the MLIR text of `stablehlo/<kernel>.<bucket>.mlir`. */
export function emitKernelText(plan: DecoderPlan, sig: KernelSig): string {
  return printModule(emitKernel(plan, sig));
}
