/**
 * The golden cases: each example compiled as the CLI would. The tiny example is kept whole; the
 * real-size ones keep their manifest and the smallest bucket of each kernel.
 */
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { EMIT_KINDS, compilePlan, smallestBucketOfEachKernel } from "../../compiler/compile.js";
import { loadAndPlan } from "../../compiler/pipeline.js";
import { formatDiagnostic } from "../../compiler/diagnostics.js";

export const GOLDEN_ROOT = dirname(fileURLToPath(import.meta.url));
const REPO = join(GOLDEN_ROOT, "..", "..");

export interface GoldenCase {
  readonly name: string;
  /** Relative to the repository root, as recorded in the manifest. */
  readonly config: string;
  readonly whole: boolean;
}

export const GOLDEN_CASES: readonly GoldenCase[] = [
  { name: "tiny", config: "examples/tiny.ts", whole: true },
  { name: "qwen3-8b-dflash", config: "examples/qwen3-8b-dflash.ts", whole: false },
  { name: "qwen3-4b-dflash", config: "examples/qwen3-4b-dflash.ts", whole: false },
  { name: "llama3.1-8b-dflash", config: "examples/llama3.1-8b-dflash.ts", whole: false },
];

export async function renderGoldenCase(c: GoldenCase): Promise<Map<string, string>> {
  const loaded = await loadAndPlan(join(REPO, c.config));
  if (!loaded.ok) throw new Error(loaded.diagnostics.map(formatDiagnostic).join("\n"));
  const plan = loaded.plan;
  const files = compilePlan(plan, {
    source: c.config,
    emit: new Set(EMIT_KINDS),
    kernelFilter: c.whole ? undefined : smallestBucketOfEachKernel(plan),
  });
  // The JAX support library and requirements.txt are verbatim copies of python/ (test/jax checks
  // that byte for byte): a golden of them would only repeat the source.
  return new Map([...files].filter(([path]) => !isStaticCopy(path)));
}

export function isStaticCopy(path: string): boolean {
  return path.startsWith("jax/dflashc_jax/") || path === "jax/requirements.txt";
}
