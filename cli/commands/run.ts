/**
 * `dflashc run <config.ts | compiled folder | manifest.json> --backend reference|jax --weights random:SEED|DIR
 *   (--prompt TEXT [--chat] [--stop S] | --prompt-ids IDS) --max-new-tokens N`
 *
 * Decodes prompts with the runtime engine. A declaration is compiled first (in memory for the reference
 * backend, into a temporary folder for jax); a compiled folder is used as it is (run-input.ts). Text
 * prompts go through --tokenizer, else the decoder's tokenizer, else bytes for a 256-token vocabulary
 * (run-text.ts, shared with serve), with --chat through its chat template;
 * the text comes out as it is generated (one request: streamed; several: each when done), ended by an
 * EOS id (--eos, default the declared or the tokenizer's; --ignore-eos for none), a --stop string (cut
 * from the text, as OpenAI does) or the length limit. `--prompt-ids` decodes ids and prints ids.
 * `--target-only` decodes with the target alone (the baseline); `--check-lossless` also decodes
 * target-only and exits 3 if a token both runs produced differs (a request one run stopped earlier for
 * `capacity` is a warning). On the reference backend, the memory the run needs is estimated first;
 * above `--max-memory` (default 8 GiB) or 80% of the machine's memory the run is refused (exit 2).
 * `--temperature T > 0` samples (with `--top-k`, `--top-p`, `--seed`; a decoder compiled with verify
 * "sampling", on either backend): the same seed gives the same tokens. Progress (steps, tokens/s, τ)
 * is drawn on stderr when it is a terminal, unless --quiet.
 * Exit codes: 0 ok, 2 the user's input is wrong, 3 the lossless check failed.
 */
import { totalmem } from "node:os";
import { forDisplay, printDiagnostics, userError, userWarning, type AnyDiagnostic } from "../../contract/diagnostics.js";
import type { Backend, Weights } from "../../runtime/backend.js";
import { Engine, RequestError, type EngineOptions, type GenerateRequest, type GenerateResult, type StepEvent } from "../../runtime/engine.js";
import type { Manifest } from "../../contract/manifest.js";
import { isSampling, samplingParams, SamplingError, type SamplingParams } from "../../runtime/sampling.js";
import { parseWeightSource } from "../../runtime/weights/source.js";
import { ExitCode, type Io } from "./io.js";
import { outJson } from "./json.js";
import { formatDecodeProgress, ProgressLine } from "./progress.js";
import { loadRunInput, setupDiagnostic, type MemoryInputs } from "./run-input.js";
import { encodePrompts, resolveTokenizer, TextOutput } from "./run-text.js";

export { compileInMemory } from "./run-input.js";

export interface RunOptions {
  readonly backend: "reference" | "jax";
  /** `random:SEED` or a checkpoint folder (`DIR` or `DIR,DRAFT_DIR`). */
  readonly weights: string;
  /** The drafter's checkpoint folder, when `weights` is a folder. */
  readonly draftWeights?: string;
  /** Prompts as token ids (`--prompt-ids`); output is ids. */
  readonly promptIds: readonly (readonly number[])[];
  /** Prompts as text (`--prompt`); output is text. */
  readonly prompts?: readonly string[];
  /** Put each text prompt through the tokenizer's chat template as one user message. */
  readonly chat?: boolean;
  /** Stop strings: a request ends when its text contains one (cut from the text). */
  readonly stop?: readonly string[];
  /** `--tokenizer`: a Hugging Face tokenizer folder or `byte`, instead of the declared one. */
  readonly tokenizer?: string;
  readonly maxNewTokens: number;
  readonly targetOnly?: boolean;
  readonly checkLossless?: boolean;
  readonly json?: boolean;
  /** No progress line on stderr. */
  readonly quiet?: boolean;
  readonly temperature?: number;
  readonly topK?: number;
  readonly topP?: number;
  readonly seed?: number;
  /** Stop (EOS) tokens for every request (`--eos`); default: the declared ones, else the tokenizer's. */
  readonly stopTokenIds?: readonly number[];
  /** No EOS tokens at all (`--ignore-eos`). */
  readonly ignoreEos?: boolean;
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
export function estimateReferenceMemory(plan: Omit<MemoryInputs, "name">): ReferenceMemoryEstimate {
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
export function referenceMemoryProblem(plan: MemoryInputs, maxMemory: number | undefined, machine = totalmem()): string | null {
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

/** A run of the engine that also collects every step (for tables) and the wall time. */
export async function decode(
  manifest: Manifest,
  backend: Backend,
  weights: Weights,
  prompts: readonly (readonly number[])[],
  maxNewTokens: number,
  options: EngineOptions & { stopTokenIds?: readonly number[]; stopWhen?: (index: number) => GenerateRequest["stopWhen"] } = {},
): Promise<{ results: GenerateResult[]; steps: StepEvent[]; seconds: number }> {
  const steps: StepEvent[] = [];
  const t0 = performance.now();
  const engine = await Engine.create(manifest, backend, weights, { ...options, onStep: (e) => (steps.push(e), options.onStep?.(e)) });
  const results = await engine.generate(
    prompts.map((p, i) => ({ id: String(i), promptIds: p, maxNewTokens, stopTokenIds: options.stopTokenIds, stopWhen: options.stopWhen?.(i) })),
  );
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

export async function runCommand(given: string, opts: RunOptions, io: Io): Promise<number> {
  // Every user error goes out one way (contract/diagnostics.ts): `error <code>: <message>` on stderr,
  // paths relative to the working folder; with --json also one { ok: false, diagnostics } document.
  // (`error` repeats an unlocated diagnostic's message in the JSON document, as before the catalog.)
  const fail = (diagnostics: readonly AnyDiagnostic[], extra?: Record<string, unknown>) => {
    const ds = diagnostics.map((d) => forDisplay(d, io.cwd));
    printDiagnostics(ds, io, { json: opts.json, command: "run", extra: ds.length === 1 && ds[0].file === undefined ? { error: ds[0].message, ...extra } : extra });
    return ExitCode.userError;
  };
  const usage = (msg: string) => fail([userError("usage", msg)]);
  const texts = opts.prompts ?? [];
  if (opts.promptIds.length === 0 && texts.length === 0) return usage("give at least one --prompt (text) or --prompt-ids (token ids)");
  if (opts.promptIds.length > 0 && texts.length > 0) return usage("give --prompt (text) or --prompt-ids (token ids), not both");
  if (opts.chat && texts.length === 0) return usage("--chat applies the chat template to --prompt text; it needs --prompt");
  if ((opts.stop ?? []).length > 0 && texts.length === 0) return usage("--stop matches generated text; it needs --prompt (with --prompt-ids, stop with --eos ids)");
  if ((opts.stop ?? []).some((s) => s === "")) return usage("--stop takes a non-empty string");
  if (opts.ignoreEos && opts.stopTokenIds !== undefined) return usage("--ignore-eos drops every EOS id; drop --eos");
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
  if (opts.maxMemory !== undefined && !(Number.isSafeInteger(opts.maxMemory) && opts.maxMemory > 0)) return usage(`--max-memory takes a positive number of bytes, got ${opts.maxMemory}`);

  const loaded = await loadRunInput(given, io);
  if (!loaded.ok) return fail(loaded.diagnostics);
  const input = loaded.input;
  if (opts.checkLossless && !input.hasDraft) return usage(`${input.name} has no draft: there is nothing to check against target-only decoding`);
  if (opts.backend === "reference") {
    // Refuse before compiling or allocating anything: a decoder too large for the CPU would otherwise
    // print nothing and take all of the machine's memory.
    const problem = referenceMemoryProblem(input.memory, opts.maxMemory);
    if (problem) return fail([userError("memory", problem)], { memory: estimateReferenceMemory(input.memory) });
  }

  let cleanup = () => {};
  const progress = new ProgressLine(io, !opts.quiet);
  try {
    // The cheap checks first: nothing is compiled or loaded for a tokenizer or weights source that will not do.
    // Text needs a tokenizer; ids use one only when asked (--tokenizer) for their default EOS ids.
    const tokenizer = texts.length > 0 || opts.tokenizer !== undefined ? await resolveTokenizer(opts.tokenizer, input, io) : null;
    const ws = parseWeightSource(opts.weights, { cwd: io.cwd, draftDir: opts.draftWeights });
    const made = input.prepare(opts.backend, ws, !!opts.allowNonFinite, io);
    cleanup = made.cleanup;
    const decoder = made.manifest.decoder;
    const prompts = tokenizer && texts.length > 0 ? encodePrompts(tokenizer, texts, !!opts.chat) : opts.promptIds;
    const eos = opts.ignoreEos ? [] : (opts.stopTokenIds ?? input.eosTokenIds ?? tokenizer?.eosTokenIds ?? []);
    const weights = made.weights();
    const mode = opts.targetOnly || !input.hasDraft ? "target-only" : "speculative";
    const how = isSampling(sampling) ? `, sampling at temperature ${sampling.temperature} (top-k ${sampling.topK || "off"}, top-p ${sampling.topP < 1 ? sampling.topP : "off"}, seed ${seed})` : "";
    const headline = `${input.name}: ${mode} decoding on the ${opts.backend} backend${how}`;

    // Text: one request streams to stdout as it is generated, several print each when done.
    const streaming = texts.length === 1 && !opts.json;
    const textOut =
      tokenizer && texts.length > 0
        ? new TextOutput(
            tokenizer,
            prompts,
            eos,
            opts.stop ?? [],
            opts.json ? null : { stream: streaming, write: (t) => (io.write ?? io.out)(t), label: (i, reason, text) => io.out(`--- request ${i} (${reason}) ---\n${text}`) },
            (n) => Math.min(opts.maxNewTokens, decoder.maxContext - n),
          )
        : null;
    if (textOut && !opts.json && !opts.quiet) io.err(headline);
    // Progress would interleave with text streamed to the same terminal: the text is the progress there.
    const showProgress = !(streaming && io.outIsTty);
    let tokens = 0;
    let decodeSteps = 0;
    let committed = 0;
    let finished = 0;
    const t0 = performance.now();
    const onStep = (e: StepEvent) => {
      textOut?.onStep(e);
      for (const d of e.decoded) {
        decodeSteps++;
        committed += d.tokens.length;
      }
      tokens += e.decoded.reduce((n, d) => n + d.tokens.length, 0) + e.prefilled.filter((p) => p.firstToken !== null).length;
      finished += e.finished.length;
      if (showProgress) {
        progress.update(() =>
          formatDecodeProgress({ step: e.step + 1, tokens, seconds: (performance.now() - t0) / 1000, tau: decodeSteps > 0 ? committed / decodeSteps : null, finished, requests: prompts.length }),
        );
      }
    };
    const main = await decode(made.manifest, made.backend(), weights, prompts, opts.maxNewTokens, {
      targetOnly: mode === "target-only",
      stopTokenIds: eos,
      sampling,
      seed,
      onStep,
      ...(textOut ? { stopWhen: (i: number) => textOut.stopWhen(i) } : {}),
    });
    progress.done();
    textOut?.endAll(main.results);
    let lossless: LosslessReport | null = null;
    if (opts.checkLossless) {
      const base = await decode(made.manifest, made.backend(), weights, prompts, opts.maxNewTokens, {
        targetOnly: true,
        stopTokenIds: eos,
        ...(textOut ? { stopWhen: (i: number) => stopWhenLike(main.results[i]) } : {}),
      });
      lossless = compareLossless(main.results, base.results);
    }
    for (const c of lossless?.capacityStops ?? []) {
      const message = `request ${c.id} stopped for lack of pages (${c.speculative} tokens speculative, finish ${c.speculativeReason}; ${c.targetOnly} target-only, finish ${c.targetOnlyReason}); the tokens both produced agree`;
      printDiagnostics([userWarning("capacity", message)], io);
    }
    if (opts.json) {
      outJson(io, "run", lossless ? lossless.ok : true, {
        decoder: input.name,
        input: input.source,
        backend: opts.backend,
        mode,
        sampling: { ...sampling, seed },
        blockSize: decoder.blockSize,
        eosTokenIds: eos,
        seconds: main.seconds,
        requests: main.results.map((r, i) => ({
          id: r.id,
          ...(textOut ? { prompt: texts[i] } : {}),
          promptIds: prompts[i],
          tokens: r.tokens,
          ...(textOut ? { text: textOut.texts[i].text, stopString: textOut.texts[i].stopString } : {}),
          finishReason: r.finishReason,
          stats: r.stats,
        })),
        ...(lossless ? { lossless } : {}),
      });
    } else if (textOut) {
      if (!opts.quiet) {
        io.err(`${main.steps.length} steps in ${main.seconds.toFixed(1)} s`);
        for (const r of main.results) io.err(describeTextResult(r, textOut.texts[Number(r.id)].stopString));
      }
      printLossless(lossless, (l) => io.err(l));
    } else {
      io.out(`${headline}, ${main.steps.length} steps in ${main.seconds.toFixed(1)} s`);
      for (const r of main.results) for (const line of describeResult(r)) io.out(line);
      printLossless(lossless, (l) => io.out(l));
    }
    return lossless && !lossless.ok ? ExitCode.checkFailed : ExitCode.ok;
  } catch (e) {
    progress.done();
    if (e instanceof RequestError) return fail([userError("request", e.message)]);
    const d = setupDiagnostic(e);
    if (d) return fail([d]);
    throw e;
  } finally {
    cleanup();
  }
}

/**
 * The target-only run of --check-lossless ends a request where the speculative run's stop string
 * ended it (its own text would find the same string at the same token, when the tokens agree).
 */
function stopWhenLike(spec: GenerateResult): GenerateRequest["stopWhen"] {
  return (generated) => spec.finishReason === "stop" && generated.length >= spec.tokens.length;
}

/** One line per text request on stderr: finish reason, tokens, τ. */
function describeTextResult(r: GenerateResult, stopString: string | null): string {
  const why = stopString !== null ? `stop at ${JSON.stringify(stopString)}` : r.finishReason;
  return `request ${r.id}: ${r.tokens.length} tokens (${why}), ${r.stats.steps} steps, tau ${fmt(r.stats.tau)}`;
}

function printLossless(lossless: LosslessReport | null, line: (s: string) => void): void {
  if (!lossless) return;
  if (lossless.ok) line(`lossless: OK (${lossless.tokens} tokens identical to target-only decoding)`);
  else {
    line(`lossless: FAILED`);
    for (const m of lossless.mismatches) line(`  request ${m.id}: token ${m.index} is ${m.speculative ?? "(none)"} speculative, ${m.targetOnly ?? "(none)"} target-only`);
  }
}
