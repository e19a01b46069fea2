/**
 * `dflashc demo [--json]`: compile the tiny example, decode a few prompts on the CPU (the reference
 * backend: the emitted StableHLO run by the project's interpreter), print what every step did, and
 * prove the output lossless against target-only decoding. Exit 3 if any token differs.
 *
 * Random weights would leave the drafter never right (one token per step), so the demo uses
 * `copy:0` weights (runtime/weights/copy.ts): a random-seeded target boosted into short token cycles
 * and a hand-built drafter that follows them, so most steps accept whole blocks (τ well above 2).
 * Lossless holds whatever the weights: the target's own greedy tokens are the reference.
 */
import { join } from "node:path";
import { printDiagnostics } from "../../contract/diagnostics.js";
import { packageRoot } from "../../compiler/package-root.js";
import { ReferenceBackend } from "../../runtime/backends/reference.js";
import { Engine, type EngineOptions, type GenerateRequest, type GenerateResult, type StepEvent } from "../../runtime/engine.js";
import type { Manifest } from "../../contract/manifest.js";
import { loadWeights } from "../../runtime/weights/source.js";
import { loadAndPlan } from "../../compiler/pipeline.js";
import { TextTokenizer } from "../../runtime/text/index.js";
import { compareLossless, compileInMemory, describeResult } from "./run.js";
import { ExitCode, type Io } from "./io.js";
import { displayPath, outJson } from "./json.js";

/** The tiny example's tokenizer: it declares the byte-level one (one id per UTF-8 byte). */
const TOKENIZER = TextTokenizer.byteLevel();

/** Text prompts: the third one, longer than a 16-token prefill bucket, joins the running batch at step 2. */
const PROMPT_TEXTS = ["Hello", "Hi", "joins the batch at step 2"];
const PROMPTS: readonly GenerateRequest[] = PROMPT_TEXTS.map((text, i) => ({
  id: String(i),
  promptIds: TOKENIZER.encode(text),
  maxNewTokens: 16,
  ...(i === 2 ? { arrivalStep: 2 } : {}),
}));

const WEIGHTS = "copy:0";
const WEIGHTS_BUILT =
  "weights copy:0: a random-seeded target with a few embedding and LM-head rows boosted so its greedy output settles into short token cycles, " +
  "and a drafter built by hand (fc picks the target's last-layer features, one attention head reads the row the cycle repeats, zero MLP) that follows them";

/** One line per step: kernel calls, accepted length per request, tokens committed, tokens per decoded request. */
export function stepTable(steps: readonly StepEvent[]): string[] {
  const lines = [`${"step".padEnd(5)}${"kernel calls".padEnd(32)}${"accepted a (request:a)".padEnd(26)}${"tokens".padEnd(8)}tokens/step`];
  for (const s of steps) {
    const calls = s.calls.map((c) => `${c.kernel}.${c.bucketId}`).join(" ");
    const acc = s.decoded.map((d) => `${d.id}:${d.accepted}`).join(" ") || "-";
    const first = s.prefilled.filter((p) => p.firstToken !== null).length;
    const decodedTokens = s.decoded.reduce((n, d) => n + d.tokens.length, 0);
    const perStep = s.decoded.length > 0 ? (decodedTokens / s.decoded.length).toFixed(2) : "-";
    const tokens = first > 0 ? `${decodedTokens}+${first}` : String(decodedTokens);
    lines.push(`${String(s.step).padEnd(5)}${calls.padEnd(32)}${acc.padEnd(26)}${tokens.padEnd(8)}${perStep}`);
  }
  return lines;
}

/** run's lines for a request, with its prompt and generated text between the ids and the stats. */
function describeDemoResult(r: GenerateResult): string[] {
  const [ids, ...stats] = describeResult(r);
  return [ids, `  prompt ${quoted(PROMPTS[Number(r.id)].promptIds)} -> text ${quoted(r.tokens)}`, ...stats];
}

const ESCAPES: Readonly<Record<number, string>> = { 0x09: "\\t", 0x0a: "\\n", 0x0d: "\\r", 0x22: '\\"', 0x5c: "\\\\" };

/**
 * Byte-level text, quoted and printable: ASCII as is, every other byte as `\xNN`. The copy:0 cycle
 * holds a lone UTF-8 continuation byte, which decoded text would show only as U+FFFD.
 */
function quoted(ids: readonly number[]): string {
  const body = ids.map((b) => ESCAPES[b] ?? (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, "0")}`));
  return `"${body.join("")}"`;
}

async function run(manifest: Manifest, files: Map<string, string>, weights: Map<string, Float32Array>, options: EngineOptions) {
  const steps: StepEvent[] = [];
  const engine = await Engine.create(manifest, new ReferenceBackend({ files }), weights, { ...options, onStep: (e) => steps.push(e) });
  const results = await engine.generate(PROMPTS);
  return { results, steps };
}

export async function demoCommand(io: Io, opts: { json?: boolean } = {}): Promise<number> {
  const file = join(packageRoot(), "examples", "tiny.ts");
  const loaded = await loadAndPlan(file);
  if (!loaded.ok) {
    // The shipped example must always check: reported like any diagnostic (paths relative to the
    // working folder), but it is dflashc's own input, so exit 1.
    printDiagnostics(loaded.diagnostics, io, { json: opts.json, command: "demo" });
    return ExitCode.bug;
  }
  const plan = loaded.plan;
  // With --json, stdout holds the one document; the human-readable lines are not printed.
  const say = opts.json ? () => {} : (line: string) => io.out(line);
  const t0 = performance.now();
  const { manifest, files } = compileInMemory(plan, "examples/tiny.ts");
  say(
    `dflashc demo: ${plan.name} (${plan.target.family}, vocab ${plan.target.vocabSize}, hidden ${plan.target.hiddenSize}, ` +
      `${plan.target.numLayers} target layers, ${plan.draft!.model.numLayers} draft layer, block size K=${plan.blockSize})`,
  );
  say(`compiled ${files.size} StableHLO kernel buckets in ${((performance.now() - t0) / 1000).toFixed(1)} s; running them in the interpreter on the CPU`);
  say(WEIGHTS_BUILT);
  const weights = loadWeights({ kind: "copy", seed: 0 }, manifest);

  say("");
  say("speculative decoding (decode_step: draft + verify fused), 3 requests, the third joining at step 2:");
  const spec = await run(manifest, files, weights, {});
  for (const line of stepTable(spec.steps)) say(`  ${line}`);
  for (const r of spec.results) for (const line of describeDemoResult(r)) say(`  ${line}`);
  const decodeSteps = spec.results.reduce((n, r) => n + r.stats.steps, 0);
  const tau = spec.results.reduce((n, r) => n + r.stats.tau * r.stats.steps, 0) / decodeSteps;
  say(`  all requests: tau ${tau.toFixed(2)} tokens per decode step`);

  const base = await run(manifest, files, weights, { targetOnly: true });
  say("");
  say(`target-only decoding (target_step): ${base.steps.length} steps, speculative: ${spec.steps.length} steps`);

  // What to try next, on the same example wherever it is installed; the verdict stays the last line.
  const example = displayPath(io, file);
  say("");
  say("text in, text out on the same decoder and weights:");
  say(`  npx dflashc run ${example} --weights ${WEIGHTS} --prompt "Hello"`);
  say(`  npx dflashc serve ${example} --weights ${WEIGHTS} --port 8000   # an OpenAI-compatible HTTP server`);

  const rep = compareLossless(spec.results, base.results);
  say("");
  for (const m of rep.mismatches) say(`request ${m.id} token ${m.index} is ${m.speculative ?? "(none)"}, target-only gives ${m.targetOnly ?? "(none)"}`);
  const lossless = rep.ok;
  say(lossless ? `lossless: OK (${rep.tokens} tokens identical to target-only decoding)` : "lossless: FAILED");
  if (opts.json) {
    outJson(io, "demo", lossless, {
      decoder: plan.name,
      weights: WEIGHTS,
      weightsBuilt: WEIGHTS_BUILT.slice(WEIGHTS_BUILT.indexOf(": ") + 2),
      tau,
      steps: { speculative: spec.steps.length, targetOnly: base.steps.length },
      requests: spec.results.map((r) => ({
        id: r.id,
        prompt: PROMPT_TEXTS[Number(r.id)],
        tokens: r.tokens,
        text: TOKENIZER.decode(r.tokens),
        finishReason: r.finishReason,
        tau: r.stats.tau,
        acceptedLengths: r.stats.acceptedLengths,
      })),
      lossless: { ok: lossless, tokens: rep.tokens, mismatches: rep.mismatches },
    });
  }
  return lossless ? ExitCode.ok : ExitCode.checkFailed;
}
