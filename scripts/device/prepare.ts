/**
 * `tsx scripts/device/prepare.ts WORK`: the host step of scripts/device-check (needs Node, not JAX).
 *
 * - WORK/tiny: the tiny example compiled (manifest.json, jax/), plus a recorded reference session
 *   (reference/) for the JAX kernels to replay;
 * - WORK/bench/k<K>: the Qwen3-8B example reshaped for timing — one request, a 2048-token context,
 *   block size K in 4, 16, 64, 256 — compiled, without reference data (no host could run 8B).
 */
import { buildPlan } from "../../compiler/passes/build-plan.js";
import type { DecoderDeclaration } from "../../dsl/types.js";
import { pagedKV, pow2Buckets, staticKV } from "../../dsl/builders.js";
import tiny from "../../examples/tiny.js";
import qwen3_8b from "../../examples/qwen3-8b-dflash.js";
import { writeCase } from "./reference.js";
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

export async function prepare(work: string, seed = 7): Promise<void> {
  await writeCase(join(work, "tiny"), buildPlan(tiny), {
    source: "examples/tiny.ts",
    seed,
    record: { prompts: 3, promptLength: 5, maxNewTokens: 8 },
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
