/**
 * `tsx scripts/device/lossless.ts CASE_DIR ROWS`: decodes the session that prepare.ts recorded in
 * CASE_DIR through the TS runtime with the jax backend (the generated worker) and appends rows to ROWS;
 * exit 3 on a difference. The worker's Python is `$DFLASHC_PYTHON` (default python3).
 *
 * - A greedy case (WORK/tiny): speculative decoding compared token for token with the target decoding
 *   alone (lossless) and with the reference session.
 * - A sampling case (WORK/sampling): the same requests with the same seeds on every decode path
 *   (decode_step_sample, draft + verify_sample, target_step_sample) must give exactly the reference
 *   backend's tokens — the "same seed, same tokens on every backend" — and the greedy rows of
 *   those batches must give one sequence on every path.
 */
import { appendFileSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { Backend } from "../../runtime/backend.js";
import { createEngine, type EngineOptions } from "../../runtime/engine.js";
import { readManifest } from "../../contract/manifest.js";
import { randomWeights } from "../../runtime/weights/random.js";
import { JaxBackend } from "../../runtime/backends/jax.js";
import { sessionRequests, type ReferenceIndex } from "./reference.js";

export interface LosslessRow {
  readonly check: string;
  readonly value: string;
  readonly ok: boolean;
}

/** The backend a check decodes with: the jax backend by default (tests pass a host backend). */
export type BackendFactory = (caseDir: string, index: ReferenceIndex) => Backend;

export const jaxBackend: BackendFactory = (caseDir, index) => new JaxBackend({ outDir: caseDir, weights: { kind: "random", seed: index.seed } });

/** The tokens of every decode path, as `ReferenceIndex.generate` holds them. */
export interface PathTokens {
  readonly tokens: number[][];
  readonly split: number[][];
  readonly targetOnly: number[][];
}

const PATHS = [
  ["tokens", "decode_step"],
  ["split", "draft+verify"],
  ["targetOnly", "target-only"],
] as const;

/** Where two token lists first differ (`null` when equal), as "request i token j (a vs b)". */
function firstDifference(got: readonly number[][], want: readonly number[][]): string | null {
  for (let i = 0; i < Math.max(got.length, want.length); i++) {
    const a = got[i] ?? [];
    const b = want[i] ?? [];
    for (let j = 0; j < Math.max(a.length, b.length); j++) {
      if (a[j] !== b[j]) return `request ${i} token ${j} (${a[j] ?? "end"} vs ${b[j] ?? "end"})`;
    }
  }
  return null;
}

/**
 * The row of a sampling case: `got` (the jax backend's tokens on every path) against the reference
 * backend's tokens for the same seeds, and every greedy request giving one sequence on every path.
 */
export function samplingRow(index: ReferenceIndex, got: PathTokens): LosslessRow {
  const sampling = index.generate.sampling;
  if (!sampling) throw new Error(`${index.name}: the recorded session does not sample`);
  const problems: string[] = [];
  for (const [key, path] of PATHS) {
    const d = firstDifference(got[key], index.generate[key]);
    if (d) problems.push(`${path}: ${d} jax vs reference`);
  }
  sampling.forEach((s, i) => {
    if (s.temperature > 0) return;
    const paths = PATHS.map(([key]) => JSON.stringify(got[key][i]));
    if (new Set(paths).size !== 1) problems.push(`greedy request ${i} differs between paths`);
  });
  const sampled = sampling.filter((s) => s.temperature > 0).length;
  const seeds = sampling.map((s) => s.seed).join(",");
  return {
    check: `${index.name}: jax tokens == reference backend, seeds ${seeds} (${sampled} sampled + ${sampling.length - sampled} greedy, 3 paths)`,
    value: problems.length === 0 ? "identical" : problems.join("; "),
    ok: problems.length === 0,
  };
}

/** A row as ROWS holds it: check, value, verdict, tab-separated (check.py table prints them). */
export function formatRow(r: LosslessRow): string {
  return `${r.check}\t${r.value}\t${r.ok ? "ok" : "FAIL"}\n`;
}

export async function losslessRows(caseDir: string, backend: BackendFactory = jaxBackend): Promise<LosslessRow[]> {
  const manifest = readManifest(caseDir);
  const index = JSON.parse(readFileSync(join(caseDir, "reference", "index.json"), "utf8")) as ReferenceIndex;
  const weights = randomWeights(manifest.weights, index.seed);
  const requests = sessionRequests(index.generate);
  const run = async (options: EngineOptions) => {
    const engine = await createEngine(manifest, backend(caseDir, index), weights, options);
    try {
      return (await engine.generate(requests)).map((r) => r.tokens);
    } finally {
      await engine.close();
    }
  };
  const same = (a: number[][], b: number[][]) => JSON.stringify(a) === JSON.stringify(b);
  const fused = await run({});
  const split = await run({ decodePath: "split" });
  const targetOnly = await run({ targetOnly: true });
  if (index.generate.sampling) return [samplingRow(index, { tokens: fused, split, targetOnly })];
  const n = requests.length;
  return [
    { check: `${manifest.name}: jax decode_step == jax target-only (${n} prompts)`, value: same(fused, targetOnly) ? "identical" : "differ", ok: same(fused, targetOnly) },
    { check: `${manifest.name}: jax draft+verify == jax target-only`, value: same(split, targetOnly) ? "identical" : "differ", ok: same(split, targetOnly) },
    { check: `${manifest.name}: jax tokens == reference tokens`, value: same(fused, index.generate.tokens) && same(targetOnly, index.generate.targetOnly) ? "identical" : "differ", ok: same(fused, index.generate.tokens) && same(targetOnly, index.generate.targetOnly) },
  ];
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop()!)) {
  const [caseDir, rowsPath] = process.argv.slice(2);
  if (!caseDir || !rowsPath) {
    console.error("usage: tsx scripts/device/lossless.ts CASE_DIR ROWS_FILE");
    process.exit(2);
  }
  try {
    const rows = await losslessRows(caseDir);
    for (const r of rows) appendFileSync(rowsPath, formatRow(r));
    process.exit(rows.every((r) => r.ok) ? 0 : 3);
  } catch (e) {
    appendFileSync(rowsPath, `${basename(caseDir)}: decoding through the TS runtime (jax backend)\t${String((e as Error).message).split("\n")[0]}\tFAIL\n`);
    console.error(e);
    process.exit(1);
  }
}
