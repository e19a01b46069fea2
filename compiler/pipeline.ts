/**
 * The compile pipeline, one named step per stage (docs/architecture.md draws it, with the one data
 * type that crosses each arrow):
 *
 *   1. load        compiler/frontend        config.ts → the evaluated declaration (type-checked, run in the sandbox)
 *   2. plan        compiler/validate, plan  declaration → DecoderPlan (validated; buckets, memory, kernel signatures)
 *   3. graphs      kernels/build-kernels.ts  DecoderPlan → one verified KernelGraph per kernel × bucket
 *   4. stablehlo   compiler/stablehlo       KernelGraph → verified Module → `stablehlo/<kernel>.<bucket>.mlir` (on two threads from the build)
 *   5. manifest    compiler/manifest.ts     DecoderPlan + the StableHLO texts → `manifest.json` (its hash covers both)
 *   6. jax         compiler/jax             DecoderPlan + the same KernelGraphs → `jax/` (embeds the manifest hash)
 *   7. runtime     compiler/ts              DecoderPlan → `runtime/<name>.ts` (embeds the manifest hash)
 *   8. files       (this file)              path → text, sorted; `compile` writes it with compiler/output.ts
 *
 * Steps 1–2 are `loadAndPlan` (what `check`, `plan`, `run` and `compile` share); steps 3–8 are
 * `compilePlan`, which renders everything in memory and touches no file; `compileFile` is all of it.
 * The manifest comes after StableHLO and before JAX and the runtime because its content hash covers
 * the StableHLO texts and the two packages embed that hash (the worker's handshake checks it).
 */
import type { DecoderDeclaration } from "../dsl/types.js";
import { serializeManifest, type Manifest, type KernelSig } from "../contract/manifest.js";
import { missingTokenizerProblem, tokenizerFiles } from "./tokenizer-files.js";
import type { Diagnostic } from "../contract/diagnostics.js";
import { EMITTERS, type EmitContext, type EmitKind } from "./emitters.js";
import { loadConfig, type LoadResult } from "./frontend/load-config.js";
import type { KernelGraph } from "./ir/graph.js";
import type { DecoderPlan } from "./ir/plan.js";
import { buildManifest, kernelFile } from "./manifest.js";
import { buildKernelGraph } from "./kernels/build-kernels.js";
import { emitTexts, startStableHloWorker, type StableHloWorker } from "./stablehlo/parallel-emit.js";
import { validateDeclaration } from "./validate/validate.js";

export { EMIT_KINDS, type EmitKind } from "./emitters.js";

export type LoadAndPlanResult =
  | { readonly ok: true; readonly declaration: DecoderDeclaration; readonly plan: DecoderPlan }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

export interface CompileOptions {
  /** The config file as the user named it; recorded in the manifest and generated headers. */
  readonly source: string;
  readonly emit: ReadonlySet<EmitKind>;
  /** Emit only these kernel buckets (goldens of real-size models keep one bucket per kernel). */
  readonly kernelFilter?: (sig: KernelSig) => boolean;
  /** The tokenizer folder's files, copied into the output's tokenizer/ (path there → text). */
  readonly tokenizerFiles?: ReadonlyMap<string, string>;
  /** Told after each kernel graph is built and each module lowered (a progress line). */
  readonly onProgress?: (stage: "graphs" | "stablehlo", done: number, total: number) => void;
}

export type CompileFileResult =
  | { readonly ok: true; readonly plan: DecoderPlan; readonly files: Map<string, string> }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** The whole pipeline, steps 1–8: a config file to the output folder's contents (path → text). */
export async function compileFile(file: string, opts: CompileOptions): Promise<CompileFileResult> {
  const planned = await loadAndPlan(file);
  if (!planned.ok) return planned;
  const tokenizer = tokenizerFiles(file, planned.plan);
  return { ok: true, plan: planned.plan, files: compilePlan(planned.plan, { ...opts, tokenizerFiles: tokenizer }) };
}

/** Steps 1–2, every phase up to a valid plan. Diagnostics carry absolute paths. */
export async function loadAndPlan(file: string): Promise<LoadAndPlanResult> {
  const loaded = await load(file);
  if (!loaded.ok) return loaded;
  return plan(file, loaded);
}

/** Steps 3–8: the output folder's contents for a plan, in memory, sorted by path. */
export function compilePlan(plan: DecoderPlan, opts: CompileOptions): Map<string, string> {
  const selected = plan.kernels.flatMap((sig, i) => ((opts.kernelFilter ?? (() => true))(sig) ? [i] : []));
  // Started first, so that it loads while this thread builds the graphs (compiler/stablehlo/parallel-emit.ts).
  const worker = opts.emit.has("stablehlo") ? startStableHloWorker(plan, selected) : null;
  const graphs = buildGraphs(plan, selected, opts);
  const stablehlo = lowerToStableHlo(graphs, selected, worker, opts);
  const manifest = buildManifest(plan, opts.source, stablehlo);
  const ctx: EmitContext = { source: opts.source, manifestHash: manifest.contentHash };
  const jax = lowerToJax(plan, ctx, graphs, opts);
  const runtime = emitRuntimeFiles(plan, ctx, opts);
  return outputFiles(manifest, stablehlo, jax, runtime, opts.tokenizerFiles ?? new Map());
}

/** 1. load: read the files, type-check them against the DSL, evaluate the default export in the sandbox. */
function load(file: string): Promise<LoadResult> {
  return loadConfig(file);
}

/**
 * 2. plan: validate the declaration (shape, rules, memory fit) and plan it; issues become located
 * diagnostics. The one rule that needs the file system, a tokenizer folder that exists, runs here.
 */
function plan(file: string, loaded: Extract<LoadResult, { ok: true }>): LoadAndPlanResult {
  const validated = validateDeclaration(loaded.declaration);
  if (!validated.ok) return { ok: false, diagnostics: validated.issues.map((i) => loaded.source.error(i.path, i.code, i.message)) };
  const missing = missingTokenizerProblem(file, validated.plan);
  if (missing) return { ok: false, diagnostics: [loaded.source.error(["tokenizer"], "tokenizer-not-found", missing)] };
  return validated;
}

/** 3. graphs: built once, then lowered to both StableHLO and JAX (none when neither is emitted). */
function buildGraphs(plan: DecoderPlan, selected: readonly number[], opts: CompileOptions): KernelGraph[] {
  if (!opts.emit.has("stablehlo") && !opts.emit.has("jax")) return [];
  return selected.map((i, n) => {
    const graph = buildKernelGraph(plan, plan.kernels[i]);
    opts.onProgress?.("graphs", n + 1, selected.length);
    return graph;
  });
}

/** 4. stablehlo: one verified module per kernel graph, as text, keyed by its output path (the worker, when there is one, emits its share). */
function lowerToStableHlo(graphs: readonly KernelGraph[], selected: readonly number[], worker: StableHloWorker | null, opts: CompileOptions): Map<string, string> {
  if (!opts.emit.has("stablehlo")) return new Map();
  const texts = emitTexts(graphs, selected, worker, EMITTERS.stablehlo);
  opts.onProgress?.("stablehlo", graphs.length, graphs.length);
  return new Map(graphs.map((g, k) => [kernelFile(g.sig.kernel, g.sig.bucketId), texts[k]]));
}

/** 6. jax: the decoder's Python package (kernels.py lowered from the graphs) and the support library. */
function lowerToJax(plan: DecoderPlan, ctx: EmitContext, graphs: readonly KernelGraph[], opts: CompileOptions): Map<string, string> {
  return opts.emit.has("jax") ? EMITTERS.jax(plan, ctx, graphs) : new Map();
}

/** 7. runtime: the generated TypeScript module bound to `dflashc/runtime`. */
function emitRuntimeFiles(plan: DecoderPlan, ctx: EmitContext, opts: CompileOptions): Map<string, string> {
  return opts.emit.has("runtime") ? EMITTERS.runtime(plan, ctx) : new Map();
}

/** 8. files: every artifact under its path in the output folder, sorted by path (deterministic output). */
function outputFiles(manifest: Manifest, ...artifacts: readonly ReadonlyMap<string, string>[]): Map<string, string> {
  const files: [string, string][] = [["manifest.json", serializeManifest(manifest)], ...artifacts.flatMap((a) => [...a])];
  return new Map(files.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The smallest bucket of each kernel: what the real-size goldens keep. */
export function smallestBucketOfEachKernel(plan: DecoderPlan): (sig: KernelSig) => boolean {
  const first = new Map<string, string>();
  for (const k of plan.kernels) if (!first.has(k.kernel)) first.set(k.kernel, k.bucketId);
  const keep = new Set([...first].map(([k, b]) => `${k}.${b}`));
  return (sig) => keep.has(`${sig.kernel}.${sig.bucketId}`);
}
