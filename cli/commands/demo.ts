/**
 * `dflashc demo`: compile the tiny example, decode a few prompts on the CPU (the reference backend:
 * the emitted StableHLO run by the project's interpreter), print what every step did, and prove the
 * output lossless against target-only decoding. Exit 3 if any token differs.
 *
 * The tiny model has random weights, so its drafter is untrained and rarely right (a = 0: one token
 * per step). A second run replays the prompts with forced drafts — the target's own future tokens,
 * every third one corrupted — through the `verify` kernel, to show multi-token steps; its output
 * must be identical too.
 */
import { join } from "node:path";
import { printDiagnostics } from "../../contract/diagnostics.js";
import { packageRoot } from "../../compiler/package-root.js";
import { ReferenceBackend } from "../../runtime/backends/reference.js";
import { Engine, type EngineOptions, type GenerateRequest, type GenerateResult, type StepEvent } from "../../runtime/engine.js";
import type { Manifest } from "../../contract/manifest.js";
import { randomWeights } from "../../runtime/weights/random.js";
import { loadAndPlan } from "../../compiler/pipeline.js";
import { compareLossless, compileInMemory, describeResult } from "./run.js";
import { ExitCode, type Io } from "./io.js";
import { planWeights } from "../../compiler/ir/weights.js";

const PROMPTS: readonly GenerateRequest[] = [
  { id: "0", promptIds: [17, 4, 99, 23, 8], maxNewTokens: 8 },
  { id: "1", promptIds: [200, 3], maxNewTokens: 8 },
  { id: "2", promptIds: [5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24], maxNewTokens: 8, arrivalStep: 2 },
];

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

async function run(manifest: Manifest, files: Map<string, string>, weights: Map<string, Float32Array>, options: EngineOptions) {
  const steps: StepEvent[] = [];
  const engine = await Engine.create(manifest, new ReferenceBackend({ files }), weights, { ...options, onStep: (e) => steps.push(e) });
  const results = await engine.generate(PROMPTS);
  return { results, steps };
}

export async function demoCommand(io: Io): Promise<number> {
  const file = join(packageRoot(), "examples", "tiny.ts");
  const loaded = await loadAndPlan(file);
  if (!loaded.ok) {
    // The shipped example must always check: reported like any diagnostic (paths relative to the
    // working folder), but it is dflashc's own input, so exit 1.
    printDiagnostics(loaded.diagnostics, io);
    return ExitCode.bug;
  }
  const plan = loaded.plan;
  const t0 = performance.now();
  const { manifest, files } = compileInMemory(plan, "examples/tiny.ts");
  io.out(
    `dflashc demo: ${plan.name} (${plan.target.family}, vocab ${plan.target.vocabSize}, hidden ${plan.target.hiddenSize}, ` +
      `${plan.target.numLayers} target layers, ${plan.draft!.model.numLayers} draft layer, block size K=${plan.blockSize})`,
  );
  io.out(`compiled ${files.size} StableHLO kernel buckets in ${((performance.now() - t0) / 1000).toFixed(1)} s; running them in the interpreter on the CPU, random:0 weights`);
  const weights = randomWeights(planWeights(plan), 0);

  io.out("");
  io.out("speculative decoding (decode_step: draft + verify fused), 3 requests, the third joining at step 2:");
  const spec = await run(manifest, files, weights, {});
  for (const line of stepTable(spec.steps)) io.out(`  ${line}`);
  for (const r of spec.results) for (const line of describeResult(r)) io.out(`  ${line}`);

  const base = await run(manifest, files, weights, { targetOnly: true });
  io.out("");
  io.out(`target-only decoding (target_step): ${base.steps.length} steps`);

  // Forced drafts: the target's own next tokens, every third draft position corrupted.
  const truth = new Map(base.results.map((r) => [r.id, r.tokens]));
  const promptLen = new Map(PROMPTS.map((p) => [p.id!, p.promptIds.length]));
  let call = 0;
  const forced = await run(manifest, files, weights, {
    drafts: ({ id, tokens, blockSize }) => {
      const done = tokens.length - promptLen.get(id)!;
      const d = Array.from({ length: blockSize - 1 }, (_, i) => truth.get(id)![done + i] ?? 0);
      const wrong = call++ % (blockSize + 1);
      if (wrong < d.length) d[wrong] = (d[wrong] + 1) % plan.target.vocabSize;
      return d;
    },
  });
  io.out("");
  io.out("forced drafts through verify (the target's own future tokens, one corrupted per block):");
  for (const line of stepTable(forced.steps)) io.out(`  ${line}`);
  for (const r of forced.results) io.out(`  request ${r.id}: tau ${r.stats.tau.toFixed(2)} tokens/step over ${r.stats.steps} steps`);

  const checks: [string, GenerateResult[]][] = [
    ["speculative", spec.results],
    ["forced drafts", forced.results],
  ];
  let tokens = 0;
  let failed = false;
  io.out("");
  for (const [name, results] of checks) {
    const rep = compareLossless(results, base.results);
    tokens += rep.tokens;
    for (const m of rep.mismatches) {
      failed = true;
      io.out(`${name}: request ${m.id} token ${m.index} is ${m.speculative ?? "(none)"}, target-only gives ${m.targetOnly ?? "(none)"}`);
    }
  }
  if (failed) {
    io.out("lossless: FAILED");
    return ExitCode.checkFailed;
  }
  io.out(`lossless: OK (${tokens} tokens identical to target-only decoding)`);
  return ExitCode.ok;
}
