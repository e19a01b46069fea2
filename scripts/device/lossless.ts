/**
 * `tsx scripts/device/lossless.ts WORK/tiny ROWS`: greedy speculative decoding through the TS runtime
 * with the jax backend (the generated worker), compared token for token with the reference session
 * that prepare.ts recorded and with the target decoding alone. Appends rows to ROWS; exit 3 on a
 * difference. The worker's Python is `$DFLASHC_PYTHON` (default python3).
 */
import { appendFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createEngine, type EngineOptions } from "../../runtime/engine.js";
import { readManifest } from "../../runtime/manifest.js";
import type { DecoderPlan } from "../../compiler/ir/plan.js";
import { randomWeights } from "../../runtime/weights/random.js";
import { JaxBackend } from "../../runtime/backends/jax.js";
import type { ReferenceIndex } from "./reference.js";

export interface LosslessRow {
  readonly check: string;
  readonly value: string;
  readonly ok: boolean;
}

export async function losslessRows(caseDir: string): Promise<LosslessRow[]> {
  const manifest = readManifest(caseDir);
  const index = JSON.parse(readFileSync(join(caseDir, "reference", "index.json"), "utf8")) as ReferenceIndex;
  const weights = randomWeights(manifest.plan as DecoderPlan, index.seed);
  const requests = index.generate.prompts.map((promptIds) => ({ promptIds, maxNewTokens: index.generate.maxNewTokens }));
  const run = async (options: EngineOptions) => {
    const engine = await createEngine(manifest, new JaxBackend({ outDir: caseDir, weights: { kind: "random", seed: index.seed } }), weights, options);
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
    for (const r of rows) appendFileSync(rowsPath, `${r.check}\t${r.value}\t${r.ok ? "ok" : "FAIL"}\n`);
    process.exit(rows.every((r) => r.ok) ? 0 : 3);
  } catch (e) {
    appendFileSync(rowsPath, `lossless through the TS runtime (jax backend)\t${String((e as Error).message).split("\n")[0]}\tFAIL\n`);
    console.error(e);
    process.exit(1);
  }
}
