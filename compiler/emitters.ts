/**
 * The emitters, one per artifact kind, in a table: `compile --emit` chooses rows of it.
 * Each turns the plan into output-folder files (path → text); none writes anything.
 */
import type { KernelGraph } from "./ir/graph.js";
import type { DecoderPlan } from "./ir/plan.js";
import { emitJaxPackage } from "./jax/emit.js";
import { emitGraphText } from "./stablehlo/emit.js";
import { emitRuntime } from "./ts/emit-runtime.js";

export const EMIT_KINDS = ["stablehlo", "jax", "runtime"] as const;
export type EmitKind = (typeof EMIT_KINDS)[number];

/** What the package emitters embed: the config as the user named it, and the manifest's hash. */
export interface EmitContext {
  readonly source: string;
  readonly manifestHash: string;
}

export const EMITTERS = {
  /** One module per kernel bucket; the manifest's hash covers them, so they come first. */
  stablehlo: (graph: KernelGraph): string => emitGraphText(graph),
  /** Lowered from the same graphs (at least one bucket of each kernel: every bucket lowers alike). */
  jax: (plan: DecoderPlan, ctx: EmitContext, graphs: readonly KernelGraph[]): Map<string, string> => emitJaxPackage(plan, ctx, graphs),
  runtime: (plan: DecoderPlan, ctx: EmitContext): Map<string, string> => emitRuntime(plan, ctx),
} as const;
