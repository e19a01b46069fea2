/**
 * `dflashc run <config.ts> --backend reference|jax --weights random:SEED|DIR --prompt-ids ... --max-new-tokens N`
 *
 * Compiles the decoder in memory (reference) or into a temporary output folder (jax), runs the
 * prompts through the runtime engine and prints tokens and per-request stats. `--target-only` decodes
 * with the target alone (the baseline); `--check-lossless` also decodes target-only and exits 3 if a
 * token both runs produced differs (a request one run stopped earlier for `capacity` is a warning).
 * On the reference backend, the memory the run needs is estimated from the plan first; above
 * `--max-memory` (default 8 GiB) or 80% of the machine's memory the run is refused (exit 2).
 * `--temperature T > 0` samples (with `--top-k`, `--top-p`, `--seed`; a decoder
 * compiled with verify "sampling", on either backend): the same seed gives the same tokens.
 * Exit codes: 0 ok, 2 the user's input is wrong, 3 the lossless check failed.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import type { DecoderPlan } from "../../compiler/ir/plan.js";
import { compilePlan } from "../../compiler/compile.js";
import { writeFolderAtomically } from "../../compiler/output.js";
import { JaxBackend } from "../../runtime/backends/jax.js";
import { forDisplay, printDiagnostics, userError, userWarning, type AnyDiagnostic } from "../../contract/diagnostics.js";
import type { Backend, Weights } from "../../runtime/backend.js";
import { ReferenceBackend } from "../../runtime/backends/reference.js";
import { Engine, RequestError, type EngineOptions, type GenerateResult, type StepEvent } from "../../runtime/engine.js";
import { parseManifest, readManifest, type Manifest } from "../../contract/manifest.js";
import { isSampling, samplingParams, SamplingError, type SamplingParams } from "../../runtime/sampling.js";
import { SafetensorsError } from "../../runtime/weights/safetensors.js";
import { loadWeights, parseWeightSource, WeightSourceError, type WeightSource } from "../../runtime/weights/source.js";
import { WeightsError } from "../../runtime/backend.js";
import { loadAndPlan } from "../../compiler/pipeline.js";
import { displayPath } from "./check.js";
import { ExitCode, type Io } from "./io.js";

export interface RunOptions {
  readonly backend: "reference" | "jax";
  /** `random:SEED` or a checkpoint folder (`DIR` or `DIR,DRAFT_DIR`). */
  readonly weights: string;
  /** The drafter's checkpoint folder, when `weights` is a folder. */
  readonly draftWeights?: string;
  readonly promptIds: readonly (readonly number[])[];
  readonly maxNewTokens: number;
  readonly targetOnly?: boolean;
  readonly checkLossless?: boolean;
  readonly json?: boolean;
  readonly temperature?: number;
  readonly topK?: number;
  readonly topP?: number;
  readonly seed?: number;
  /** Stop tokens for every request. */
  readonly stopTokenIds?: readonly number[];
  /** Bytes the reference backend may use (default DEFAULT_MAX_MEMORY); a larger estimate refuses the run. */
  readonly maxMemory?: number;
  /** Load checkpoint tensors holding NaN or ±Infinity instead of refusing them (exit 2). */
  readonly allowNonFinite?: boolean;
}

/** The reference backend's default memory bound (`run --max-memory` raises it). */
export const DEFAULT_MAX_MEMORY = 8 * 1024 ** 3;
/** The share of the machine's memory a reference run may take, whatever --max-memory says. */
export const MACHINE_MEMORY_SHARE = 0.8;

export interface ReferenceMemoryEstimate {
  /** The host's weights and the backend's copy of them (f32 on the CPU, whatever the declared dtype). */
  readonly weights: number;
  /** The caches held between calls, plus the copies a call makes while it updates them. */
  readonly caches: number;
  /** The interpreter's intermediate values in the largest call, and the node process itself. */
  readonly workingSet: number;
  readonly total: number;
}

const fmtBytes = (b: number) => (b >= 1024 ** 3 ? `${(b / 1024 ** 3).toFixed(1)} GiB` : `${(b / 1024 ** 2).toFixed(0)} MiB`);

/**
 * What `run` on the reference backend will need, from the plan alone (before anything is compiled or
 * allocated). The interpreter stores every float as f32 (4 bytes an element): the host holds the weights
 * once and the backend a copy; a call holds the caches it was given, the one it is building and the
 * previous intermediate (the backend frees values after their last use, so no more); the activations
 * are the plan's estimate twice over (the interpreter materializes what a compiler would fuse), plus
 * 256 MiB for node, the parsed modules and the compiler.
 */
export function estimateReferenceMemory(plan: DecoderPlan): ReferenceMemoryEstimate {
  const weightElems = new Map<string, number>();
  const cacheElems = new Map<string, number>();
  for (const k of plan.kernels) {
    for (const a of k.args) {
      const n = a.shape.reduce((x, y) => x * y, 1);
      if (a.role === "weight") weightElems.set(a.name, n);
      else if (a.role === "cache") cacheElems.set(a.name, n);
    }
  }
  const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const weights = 2 * 4 * sum(weightElems);
  const caches = 3 * 4 * sum(cacheElems);
  const workingSet = 2 * plan.memory.activationBytes + 256 * 1024 ** 2;
  return { weights, caches, workingSet, total: weights + caches + workingSet };
}

/** Why the reference backend cannot run this plan within `maxMemory` and this machine, or null. */
export function referenceMemoryProblem(plan: DecoderPlan, maxMemory: number | undefined, machine = totalmem()): string | null {
  const e = estimateReferenceMemory(plan);
  const share = Math.floor(machine * MACHINE_MEMORY_SHARE);
  const bound = Math.min(maxMemory ?? DEFAULT_MAX_MEMORY, share);
  if (e.total <= bound) return null;
  const why =
    bound === share
      ? `this machine has ${fmtBytes(machine)} (a run may take ${Math.round(MACHINE_MEMORY_SHARE * 100)}%: ${fmtBytes(share)})`
      : `the bound is ${fmtBytes(bound)}${maxMemory === undefined ? " (the default; raise it with --max-memory)" : " (--max-memory)"}`;
  return (
    `decoding ${plan.name} on the reference backend needs about ${fmtBytes(e.total)} (weights ${fmtBytes(e.weights)}, caches ${fmtBytes(e.caches)}, ` +
    `interpreter working set ${fmtBytes(e.workingSet)}) but ${why}: use --backend jax on a machine with an accelerator, ` +
    `or a smaller declaration for the CPU (fewer layers, a smaller hidden size and vocabulary, fewer pages; see examples/tiny.ts)`
  );
}

/** The kernel modules and manifest of a plan, rendered in memory (what `compile --emit stablehlo` writes). */
export function compileInMemory(plan: DecoderPlan, source: string): { manifest: Manifest; files: Map<string, string> } {
  const files = compilePlan(plan, { source, emit: new Set(["stablehlo"]) });
  return { manifest: parseManifest(files.get("manifest.json")!), files };
}

/** A run of the engine that also collects every step (for tables) and the wall time. */
export async function decode(
  manifest: Manifest,
  backend: Backend,
  weights: Weights,
  prompts: readonly (readonly number[])[],
  maxNewTokens: number,
  options: EngineOptions & { stopTokenIds?: readonly number[] } = {},
): Promise<{ results: GenerateResult[]; steps: StepEvent[]; seconds: number }> {
  const steps: StepEvent[] = [];
  const t0 = performance.now();
  const engine = await Engine.create(manifest, backend, weights, { ...options, onStep: (e) => (steps.push(e), options.onStep?.(e)) });
  const results = await engine.generate(prompts.map((p, i) => ({ id: String(i), promptIds: p, maxNewTokens, stopTokenIds: options.stopTokenIds })));
  return { results, steps, seconds: (performance.now() - t0) / 1000 };
}

export interface LosslessReport {
  readonly ok: boolean;
  /** Tokens compared (per request, up to the shorter of the two runs). */
  readonly tokens: number;
  /** First differing position per request that differs. */
  readonly mismatches: { readonly id: string; readonly index: number; readonly speculative: number | null; readonly targetOnly: number | null }[];
  /**
   * Requests one run stopped earlier than the other because the page pool could not hold them
   * (finish reason `capacity`): every token both produced agrees, so this is a warning, not a failure.
   */
  readonly capacityStops: { readonly id: string; readonly speculative: number; readonly targetOnly: number; readonly speculativeReason: string; readonly targetOnlyReason: string }[];
}

/**
 * Speculative against target-only decoding, request by request: the tokens both runs produced must
 * agree. A run may stop a request earlier with finish reason `capacity` (the two runs need pages at
 * different points: a speculative step writes K positions, a target step one), so lengths may differ
 * there; anywhere else a length difference is a mismatch.
 */
export function compareLossless(spec: readonly GenerateResult[], base: readonly GenerateResult[]): LosslessReport {
  let tokens = 0;
  const mismatches: LosslessReport["mismatches"][number][] = [];
  const capacityStops: LosslessReport["capacityStops"][number][] = [];
  spec.forEach((r, i) => {
    const b = base[i];
    const n = Math.min(r.tokens.length, b.tokens.length);
    for (let j = 0; j < n; j++) {
      if (r.tokens[j] !== b.tokens[j]) {
        mismatches.push({ id: r.id, index: j, speculative: r.tokens[j], targetOnly: b.tokens[j] });
        return;
      }
    }
    tokens += n;
    const shorter = r.tokens.length < b.tokens.length ? r : b;
    if (r.tokens.length !== b.tokens.length && shorter.finishReason !== "capacity") {
      mismatches.push({ id: r.id, index: n, speculative: r.tokens[n] ?? null, targetOnly: b.tokens[n] ?? null });
    } else if (r.finishReason === "capacity" || b.finishReason === "capacity") {
      capacityStops.push({ id: r.id, speculative: r.tokens.length, targetOnly: b.tokens.length, speculativeReason: r.finishReason, targetOnlyReason: b.finishReason });
    }
  });
  return { ok: mismatches.length === 0, tokens, mismatches, capacityStops };
}

function fmt(x: number): string {
  return x.toFixed(2);
}

export function describeResult(r: GenerateResult): string[] {
  const s = r.stats;
  return [
    `request ${r.id}: ${r.tokens.length} tokens (${r.finishReason}): ${r.tokens.join(" ")}`,
    `  steps ${s.steps}, tau ${fmt(s.tau)}, acceptance per position [${s.acceptance.map(fmt).join(", ")}]${s.preemptions ? `, preempted ${s.preemptions}x` : ""}`,
  ];
}

async function makeBackend(opts: RunOptions, plan: DecoderPlan, source: string, weightSource: WeightSource, io: Io): Promise<{ manifest: Manifest; backend: () => Backend; cleanup: () => void }> {
  if (opts.backend === "reference") {
    const { manifest, files } = compileInMemory(plan, source);
    return { manifest, backend: () => new ReferenceBackend({ files }), cleanup: () => {} };
  }
  // The jax backend needs a real output folder with the generated package (its worker checks the
  // manifest hash).
  const dir = mkdtempSync(join(tmpdir(), "dflashc-run-"));
  const out = join(dir, plan.name);
  writeFolderAtomically(out, compilePlan(plan, { source, emit: new Set(["stablehlo", "jax"] as const) }));
  io.err(`compiled ${plan.name} into ${out}`);
  return {
    manifest: readManifest(out),
    // The worker's loader (dflashc_jax.weights.load_checkpoint) refuses non-finite tensors too, unless told.
    backend: () => new JaxBackend({ outDir: out, weights: weightSource, ...(opts.allowNonFinite ? { env: { DFLASHC_ALLOW_NONFINITE: "1" } } : {}) }),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export async function runCommand(configFile: string, opts: RunOptions, io: Io): Promise<number> {
  // Every user error goes out one way (contract/diagnostics.ts): `error <code>: <message>` on stderr,
  // paths relative to the working folder; with --json also one { ok: false, diagnostics } document.
  // (`error` repeats an unlocated diagnostic's message in the JSON document, as before the catalog.)
  const fail = (diagnostics: readonly AnyDiagnostic[], extra?: Record<string, unknown>) => {
    const ds = diagnostics.map((d) => forDisplay(d, io.cwd));
    printDiagnostics(ds, io, { json: opts.json, extra: ds.length === 1 && ds[0].file === undefined ? { error: ds[0].message, ...extra } : extra });
    return ExitCode.userError;
  };
  const usage = (msg: string) => fail([userError("usage", msg)]);
  if (opts.promptIds.length === 0) return usage("give at least one --prompt-ids");
  let sampling: SamplingParams;
  try {
    sampling = samplingParams({ temperature: opts.temperature, topK: opts.topK, topP: opts.topP });
  } catch (e) {
    if (e instanceof SamplingError) return usage(e.message.replace(/^(temperature|topK|topP)/, (m) => ({ temperature: "--temperature", topK: "--top-k", topP: "--top-p" })[m]!));
    throw e;
  }
  const seed = opts.seed ?? 0;
  if (!Number.isSafeInteger(seed) || seed < 0) return usage(`--seed takes a non-negative integer, got ${seed}`);
  if (isSampling(sampling) && opts.checkLossless) return usage("--check-lossless compares tokens with greedy target-only decoding; sampling is lossless in distribution, not token for token (drop --temperature)");
  if (opts.targetOnly && opts.checkLossless) return usage("--check-lossless compares speculative decoding with target-only decoding; drop --target-only");
  if (!Number.isInteger(opts.maxNewTokens) || opts.maxNewTokens < 0) return usage(`--max-new-tokens takes a non-negative integer, got ${opts.maxNewTokens}`);

  const loaded = await loadAndPlan(resolve(io.cwd, configFile));
  if (!loaded.ok) return fail(loaded.diagnostics);
  const plan = loaded.plan;
  if (opts.checkLossless && !plan.draft) return usage(`${plan.name} has no draft: there is nothing to check against target-only decoding`);
  const source = displayPath(resolve(io.cwd, configFile), io.cwd);
  if (opts.maxMemory !== undefined && !(Number.isSafeInteger(opts.maxMemory) && opts.maxMemory > 0)) return usage(`--max-memory takes a positive number of bytes, got ${opts.maxMemory}`);
  if (opts.backend === "reference") {
    // Refuse before compiling or allocating anything: a decoder too large for the CPU would otherwise
    // print nothing and take all of the machine's memory.
    const problem = referenceMemoryProblem(plan, opts.maxMemory);
    if (problem) return fail([userError("memory", problem)], { memory: estimateReferenceMemory(plan) });
  }

  let cleanup = () => {};
  try {
    const ws = parseWeightSource(opts.weights, { cwd: io.cwd, draftDir: opts.draftWeights });
    const made = await makeBackend(opts, plan, source, ws, io);
    cleanup = made.cleanup;
    const weights = loadWeights(ws, made.manifest, { allowNonFinite: opts.allowNonFinite });
    const mode = opts.targetOnly || !plan.draft ? "target-only" : "speculative";
    const main = await decode(made.manifest, made.backend(), weights, opts.promptIds, opts.maxNewTokens, {
      targetOnly: mode === "target-only",
      stopTokenIds: opts.stopTokenIds,
      sampling,
      seed,
    });
    let lossless: LosslessReport | null = null;
    if (opts.checkLossless) {
      const base = await decode(made.manifest, made.backend(), weights, opts.promptIds, opts.maxNewTokens, { targetOnly: true, stopTokenIds: opts.stopTokenIds });
      lossless = compareLossless(main.results, base.results);
    }
    for (const c of lossless?.capacityStops ?? []) {
      const message = `request ${c.id} stopped for lack of pages (${c.speculative} tokens speculative, finish ${c.speculativeReason}; ${c.targetOnly} target-only, finish ${c.targetOnlyReason}); the tokens both produced agree`;
      printDiagnostics([userWarning("capacity", message)], io);
    }
    if (opts.json) {
      io.out(
        JSON.stringify({
          ok: lossless ? lossless.ok : true,
          decoder: plan.name,
          backend: opts.backend,
          mode,
          sampling: { ...sampling, seed },
          blockSize: plan.blockSize,
          seconds: main.seconds,
          requests: main.results.map((r, i) => ({ id: r.id, promptIds: opts.promptIds[i], tokens: r.tokens, finishReason: r.finishReason, stats: r.stats })),
          ...(lossless ? { lossless } : {}),
        }),
      );
    } else {
      const how = isSampling(sampling) ? `, sampling at temperature ${sampling.temperature} (top-k ${sampling.topK || "off"}, top-p ${sampling.topP < 1 ? sampling.topP : "off"}, seed ${seed})` : "";
      io.out(`${plan.name}: ${mode} decoding on the ${opts.backend} backend${how}, ${main.steps.length} steps in ${main.seconds.toFixed(1)} s`);
      for (const r of main.results) for (const line of describeResult(r)) io.out(line);
      if (lossless) {
        if (lossless.ok) io.out(`lossless: OK (${lossless.tokens} tokens identical to target-only decoding)`);
        if (!lossless.ok) {
          io.out(`lossless: FAILED`);
          for (const m of lossless.mismatches) io.out(`  request ${m.id}: token ${m.index} is ${m.speculative ?? "(none)"} speculative, ${m.targetOnly ?? "(none)"} target-only`);
        }
      }
    }
    return lossless && !lossless.ok ? ExitCode.checkFailed : ExitCode.ok;
  } catch (e) {
    // A JAX worker that cannot start (no python3, no jax) is the environment, not a dflashc bug.
    if (e instanceof Error && e.name === "JaxBackendError") return fail([userError("backend", e.message)]);
    if (e instanceof WeightSourceError) return fail([userError("weights-source", e.message)]);
    if (e instanceof SafetensorsError || e instanceof WeightsError) return fail([userError("weights", e.message)]);
    if (e instanceof RequestError) return fail([userError("request", e.message)]);
    throw e;
  } finally {
    cleanup();
  }
}
