/**
 * The StableHLO lowering step of the pipeline (compiler/pipeline.ts, step 4): kernel graph → StableHLO
 * module (lower/, one rule per graph op) → text. Every module is checked by the verifier before it
 * leaves: an invalid module here is a compiler bug. The pipeline builds each graph once and lowers it
 * here and to JAX; `emitKernel`/`emitKernelText` build the graph of one signature themselves, for
 * callers that want a single kernel (tests, the reference helpers).
 */
import type { DecoderPlan } from "../ir/plan.js";
import type { KernelGraph } from "../ir/graph.js";
import { buildKernelGraph } from "../kernels/build-kernels.js";
import type { Module } from "../../stablehlo/ir.js";
import { lowerGraph } from "./lower/graph.js";
import { printModule } from "../../stablehlo/printer.js";
import { verifyModule } from "../../stablehlo/verifier.js";
import { formatDiagnostic } from "../../contract/diagnostics.js";
import type { KernelSig } from "../../contract/manifest.js";

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

/** The verified module of a built kernel graph as the MLIR text of `stablehlo/<kernel>.<bucket>.mlir`. */
export function emitGraphText(graph: KernelGraph): string {
  return printModule(emitGraph(graph));
}

/** The verified module of one kernel × bucket of `plan`, its graph built here. */
export function emitKernel(plan: DecoderPlan, sig: KernelSig): Module {
  return emitGraph(buildKernelGraph(plan, sig));
}

/** `emitKernel` as the MLIR text of `stablehlo/<kernel>.<bucket>.mlir`. */
export function emitKernelText(plan: DecoderPlan, sig: KernelSig): string {
  return emitGraphText(buildKernelGraph(plan, sig));
}
