/**
 * `tsx scripts/device/prepare.ts WORK`: the host step of scripts/device-check (needs Node, not JAX).
 *
 * - WORK/tiny: the tiny example compiled (manifest.json, jax/), plus a recorded reference session
 *   (reference/) for the JAX kernels to replay;
 * - WORK/sampling: the tiny sampling example (`verify: "sampling"`) compiled, plus a recorded session
 *   of `SAMPLED_REQUESTS` (temperature 0.8, some with top-k / top-p, one greedy row in the same
 *   batches, fixed seeds) through `decode_step_sample`, `verify_sample` and `target_step_sample`;
 * - WORK/hd128: the tiny example with 128-wide heads (examples/tiny-hd128.ts), the shape the TPU Pallas
 *   attention kernel takes (and, under DFLASHC_PALLAS_INTERPRET=1, runs in interpret mode anywhere);
 * - WORK/bench/k<K>: the Qwen3-8B example reshaped for timing — one request, a 2048-token context,
 *   block size K in 4, 16, 64, 256 — compiled, without reference data (no host could run 8B).
 */
import { buildPlan } from "../../compiler/plan/build-plan.js";
import type { DecoderDeclaration } from "../../dsl/types.js";
import { pagedKV, pow2Buckets, staticKV } from "../../dsl/builders.js";
import tiny from "../../examples/tiny.js";
import tinySampling from "../../examples/tiny-sampling.js";
import tinyHd128 from "../../examples/tiny-hd128.js";
import qwen3_8b from "../../examples/qwen3-8b-dflash.js";
import { writeCase, type SampledRequest } from "./reference.js";
import { join } from "node:path";

export const BENCH_BLOCK_SIZES = [4, 16, 64, 256] as const;

/** The 8B example at block size K, sized for timing one request on one chip. */
export function benchDeclaration(k: number): DecoderDeclaration {
  return {
    ...qwen3_8b,
    name: `qwen3_8b_k${k}`,
    blockSize: k,
    cache: { target: pagedKV({ pageSize: 64, numPages: 64 }), draft: staticKV({ maxContext: 2048 }) },
    batching: { maxRequests: 1, tokens: pow2Buckets({ min: 16, max: 16 }) },
  };
}

/**
 * The sampled session: temperature 0.8 alone, with top-k, with top-k and top-p, and a greedy request
 * that shares every batch with them (greedy rows of a `_sample` kernel must give the greedy tokens).
 */
export const SAMPLED_REQUESTS: readonly SampledRequest[] = [
  { temperature: 0.8, topK: 0, topP: 1, seed: 11 },
  { temperature: 0.8, topK: 20, topP: 1, seed: 12 },
  { temperature: 0, topK: 0, topP: 1, seed: 13 },
  { temperature: 0.8, topK: 40, topP: 0.9, seed: 14 },
];

export async function prepare(work: string, seed = 7): Promise<void> {
  await writeCase(join(work, "tiny"), buildPlan(tiny), {
    source: "examples/tiny.ts",
    seed,
    record: { prompts: 3, promptLength: 5, maxNewTokens: 8 },
  });
  // 6 new tokens: 27 recorded calls (~23 MiB with their caches), so that a prepared WORK_DIR still
  // fits the device tool's 64 MiB carry next to the working tree.
  await writeCase(join(work, "sampling"), buildPlan(tinySampling), {
    source: "examples/tiny-sampling.ts",
    seed,
    record: { prompts: SAMPLED_REQUESTS.length, promptLength: 4, maxNewTokens: 6, sampling: SAMPLED_REQUESTS },
  });
  await writeCase(join(work, "hd128"), buildPlan(tinyHd128), {
    source: "examples/tiny-hd128.ts",
    seed,
    record: { prompts: 2, promptLength: 5, maxNewTokens: 5 },
  });
  for (const k of BENCH_BLOCK_SIZES) {
    await writeCase(join(work, "bench", `k${k}`), buildPlan(benchDeclaration(k)), { source: "examples/qwen3-8b-dflash.ts", seed });
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop()!)) {
  const work = process.argv[2];
  if (!work) {
    console.error("usage: tsx scripts/device/prepare.ts WORK_DIR");
    process.exit(2);
  }
  await prepare(work);
  console.log(`prepared ${work}`);
}
