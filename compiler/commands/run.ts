/**
 * `dflashc run <config.ts> --backend reference|jax --weights random:SEED|DIR --prompt-ids ... --max-new-tokens N`
 *
 * Compiles the decoder in memory (reference) or into a temporary output folder (jax), runs the
 * prompts through the runtime engine and prints tokens and per-request stats. `--target-only` decodes
 * with the target alone (the baseline); `--check-lossless` also decodes target-only and exits 3 if any
 * token differs. `--temperature T > 0` samples (with `--top-k`, `--top-p`, `--seed`; a decoder
 * compiled with verify "sampling", the reference backend): the same seed gives the same tokens.
 * Exit codes: 0 ok, 2 the user's input is wrong, 3 the lossless check failed.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { DecoderPlan } from "../ir/plan.js";
import { compilePlan } from "../compile.js";
import { writeFolderAtomically } from "../output.js";
import { JaxBackend } from "../../runtime/backends/jax.js";
import { formatDiagnostic } from "../diagnostics.js";
import type { Backend, Weights } from "../../runtime/backend.js";
import { ReferenceBackend } from "../../runtime/backends/reference.js";
import { Engine, RequestError, type EngineOptions, type GenerateResult, type StepEvent } from "../../runtime/engine.js";
import { parseManifest, readManifest, type Manifest } from "../../runtime/manifest.js";
import { isSampling, samplingParams, SamplingError, type SamplingParams } from "../../runtime/sampling.js";
import { SafetensorsError } from "../../runtime/weights/safetensors.js";
import { loadWeights, parseWeightSource, WeightSourceError, type WeightSource } from "../../runtime/weights/source.js";
import { WeightsError } from "../../runtime/backend.js";
import { displayPath, loadAndPlan } from "./check.js";
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
  /** Load checkpoint tensors holding NaN or ±Infinity instead of refusing them (exit 2). */
  readonly allowNonFinite?: boolean;
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
  /** Tokens compared. */
  readonly tokens: number;
  /** First differing position per request that differs. */
  readonly mismatches: { readonly id: string; readonly index: number; readonly speculative: number | null; readonly targetOnly: number | null }[];
}

export function compareLossless(spec: readonly GenerateResult[], base: readonly GenerateResult[]): LosslessReport {
  let tokens = 0;
  const mismatches: LosslessReport["mismatches"][number][] = [];
  spec.forEach((r, i) => {
    const b = base[i].tokens;
    const n = Math.max(r.tokens.length, b.length);
    for (let j = 0; j < n; j++) {
      if (r.tokens[j] !== b[j]) {
        mismatches.push({ id: r.id, index: j, speculative: r.tokens[j] ?? null, targetOnly: b[j] ?? null });
        return;
      }
    }
    tokens += n;
  });
  return { ok: mismatches.length === 0, tokens, mismatches };
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
  const usage = (msg: string) => {
    io.err(`error usage: ${msg}`);
    return ExitCode.userError;
  };
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
  if (isSampling(sampling) && opts.backend === "jax") return usage("the jax backend does not run the sampling kernels yet; use --backend reference for --temperature > 0");
  if (opts.targetOnly && opts.checkLossless) return usage("--check-lossless compares speculative decoding with target-only decoding; drop --target-only");
  if (!Number.isInteger(opts.maxNewTokens) || opts.maxNewTokens < 0) return usage(`--max-new-tokens takes a non-negative integer, got ${opts.maxNewTokens}`);

  const loaded = await loadAndPlan(resolve(io.cwd, configFile));
  if (!loaded.ok) {
    for (const d of loaded.diagnostics) io.err(formatDiagnostic({ ...d, file: displayPath(d.file, io.cwd) }));
    if (opts.json) io.out(JSON.stringify({ ok: false, diagnostics: loaded.diagnostics }));
    return ExitCode.userError;
  }
  const plan = loaded.plan;
  if (opts.checkLossless && !plan.draft) return usage(`${plan.name} has no draft: there is nothing to check against target-only decoding`);
  const source = displayPath(resolve(io.cwd, configFile), io.cwd);

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
        else {
          io.out(`lossless: FAILED`);
          for (const m of lossless.mismatches) io.out(`  request ${m.id}: token ${m.index} is ${m.speculative ?? "(none)"} speculative, ${m.targetOnly ?? "(none)"} target-only`);
        }
      }
    }
    return lossless && !lossless.ok ? ExitCode.checkFailed : ExitCode.ok;
  } catch (e) {
    // A JAX worker that cannot start (no python3, no jax) is the environment, not a dflashc bug.
    if (e instanceof Error && e.name === "JaxBackendError") {
      io.err(`error backend: ${e.message}`);
      if (opts.json) io.out(JSON.stringify({ ok: false, error: e.message }));
      return ExitCode.userError;
    }
    if (e instanceof WeightSourceError || e instanceof SafetensorsError || e instanceof WeightsError || e instanceof RequestError) {
      io.err(`error ${e instanceof RequestError ? "request" : "weights"}: ${e.message}`);
      if (opts.json) io.out(JSON.stringify({ ok: false, error: e.message }));
      return ExitCode.userError;
    }
    throw e;
  } finally {
    cleanup();
  }
}
