/**
 * The compile pipeline after planning: render every artifact in memory, in a fixed order, and build
 * the manifest. Nothing here touches the file system; `output.ts` writes the folder atomically.
 */
import type { DecoderPlan, KernelSig } from "./ir/plan.js";
import { buildKernelGraph } from "./passes/build-kernels.js";
import { buildManifest, kernelFile } from "./manifest.js";
import { serializeManifest } from "../runtime/manifest.js";
import { EMITTERS, type EmitKind } from "./emitters.js";

export { EMIT_KINDS, type EmitKind } from "./emitters.js";

export interface CompileOptions {
  /** The config file as the user named it; recorded in the manifest and generated headers. */
  readonly source: string;
  readonly emit: ReadonlySet<EmitKind>;
  /** Emit only these kernel buckets (goldens of real-size models keep one bucket per kernel). */
  readonly kernelFilter?: (sig: KernelSig) => boolean;
}

/** Output folder contents: relative path → text, sorted by path. */
export function compilePlan(plan: DecoderPlan, opts: CompileOptions): Map<string, string> {
  const kernels = plan.kernels.filter(opts.kernelFilter ?? (() => true));
  // The kernel graphs: built once, lowered to StableHLO and to JAX.
  const graphs = opts.emit.has("stablehlo") || opts.emit.has("jax") ? kernels.map((sig) => buildKernelGraph(plan, sig)) : [];
  const stablehlo = new Map<string, string>();
  if (opts.emit.has("stablehlo")) {
    for (const g of graphs) stablehlo.set(kernelFile(g.sig.kernel, g.sig.bucketId), EMITTERS.stablehlo(g));
  }
  const manifest = buildManifest(plan, opts.source, stablehlo);
  const files = new Map<string, string>([["manifest.json", serializeManifest(manifest)], ...stablehlo]);
  const ctx = { source: opts.source, manifestHash: manifest.contentHash };
  if (opts.emit.has("jax")) for (const [p, text] of EMITTERS.jax(plan, ctx, graphs)) files.set(p, text);
  if (opts.emit.has("runtime")) for (const [p, text] of EMITTERS.runtime(plan, ctx)) files.set(p, text);
  return new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The smallest bucket of each kernel: what the real-size goldens keep. */
export function smallestBucketOfEachKernel(plan: DecoderPlan): (sig: KernelSig) => boolean {
  const first = new Map<string, string>();
  for (const k of plan.kernels) if (!first.has(k.kernel)) first.set(k.kernel, k.bucketId);
  const keep = new Set([...first].map(([k, b]) => `${k}.${b}`));
  return (sig) => keep.has(`${sig.kernel}.${sig.bucketId}`);
}
