/**
 * The golden cases: each example compiled as the CLI would (every file, every bucket), then reduced to
 * what a reviewer can read.
 *
 * - The tiny example is kept whole: every emitted file except the verbatim copies of python/ (test/jax
 *   checks those byte for byte against the source).
 * - A real-size example (36 layers, ~100 buckets: ~11 MB of output) is pinned by three small files:
 *   `plan.json` (the plan, its weights with the layer index folded, one line per kernel signature),
 *   `kernels.txt` (one line per kernel bucket: file, argument and result counts) and `output.sha256`
 *   (sha256 of every emitted file, static copies included, and of the whole output), so any change of
 *   the emitted bytes still fails the golden test while the part worth reading stays small. The
 *   lowering rules themselves are pinned by the FileCheck-style tests in test/stablehlo and test/jax.
 */
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { EMIT_KINDS, compilePlan } from "../../compiler/compile.js";
import { loadAndPlan } from "../../compiler/pipeline.js";
import { formatDiagnostic } from "../../contract/diagnostics.js";
import type { DecoderPlan } from "../../compiler/ir/plan.js";
import { planForJson } from "../../compiler/manifest.js";
import { parseManifest, type Manifest, type TensorSig } from "../../contract/manifest.js";

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

/** A case compiled: its plan and every emitted file (path → text), as `dflashc compile` writes them. */
export interface CompiledCase {
  readonly plan: DecoderPlan;
  readonly files: ReadonlyMap<string, string>;
}

export async function compileGoldenCase(c: GoldenCase): Promise<CompiledCase> {
  const loaded = await loadAndPlan(join(REPO, c.config));
  if (!loaded.ok) throw new Error(loaded.diagnostics.map(formatDiagnostic).join("\n"));
  return { plan: loaded.plan, files: compilePlan(loaded.plan, { source: c.config, emit: new Set(EMIT_KINDS) }) };
}

/** The golden files of a compiled case (path relative to test/golden/<case> → text). */
export function goldenFiles(c: GoldenCase, compiled: CompiledCase): Map<string, string> {
  if (c.whole) return new Map([...compiled.files].filter(([path]) => !isStaticCopy(path)));
  return new Map([
    ["plan.json", planJson(compiled.plan)],
    ["kernels.txt", kernelList(parseManifest(compiled.files.get("manifest.json")!))],
    ["output.sha256", outputHashes(compiled.files)],
  ]);
}

export async function renderGoldenCase(c: GoldenCase): Promise<Map<string, string>> {
  return goldenFiles(c, await compileGoldenCase(c));
}

export function isStaticCopy(path: string): boolean {
  return path.startsWith("jax/dflashc_jax/") || path === "jax/requirements.txt";
}

/** The committed golden files of a case. */
export function readGoldenDir(c: GoldenCase): Map<string, string> {
  const dir = join(GOLDEN_ROOT, c.name);
  const out = new Map<string, string>();
  const walk = (rel: string) => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const p = rel ? `${rel}/${name}` : name;
      if (statSync(join(dir, p)).isDirectory()) walk(p);
      else out.set(p, readFileSync(join(dir, p), "utf8"));
    }
  };
  walk("");
  return out;
}

/** What differs between the expected golden files and the committed ones: one line each, empty if none. */
export function goldenDifferences(expected: ReadonlyMap<string, string>, onDisk: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const path of [...new Set([...expected.keys(), ...onDisk.keys()])].sort()) {
    const want = expected.get(path);
    const have = onDisk.get(path);
    if (have === undefined) out.push(`${path}: not in the golden folder`);
    else if (want === undefined) out.push(`${path}: in the golden folder, no longer emitted`);
    else if (want !== have) out.push(`${path}: ${firstDifferentLine(want, have)}`);
  }
  return out;
}

function firstDifferentLine(want: string, have: string): string {
  const a = want.split("\n");
  const b = have.split("\n");
  const i = a.findIndex((line, k) => line !== b[k]);
  const n = i < 0 ? a.length : i;
  return `line ${n + 1}: emitted ${JSON.stringify(a[n] ?? "<end>")}, golden ${JSON.stringify(b[n] ?? "<end>")}`;
}

// ---- the real-size golden files ----

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** `sha256sum` lines for every emitted file (sorted paths), then one line for the whole output. */
export function outputHashes(files: ReadonlyMap<string, string>): string {
  const paths = [...files.keys()].sort();
  const all = createHash("sha256");
  const lines = paths.map((p) => {
    all.update(`\0${p}\0`);
    all.update(files.get(p)!);
    return `${sha256(files.get(p)!)}  ${p}`;
  });
  return `${lines.join("\n")}\n${all.digest("hex")}  * (all ${paths.length} files)\n`;
}

/** `name dtype[shape] role[ donated]`: a tensor signature on one line. */
function tensor(t: TensorSig): string {
  return `${t.name} ${t.dtype}[${t.shape.join(",")}] ${t.role}${t.donated ? " donated" : ""}`;
}

/**
 * The checkpoint weights the kernels read, consecutive layers folded: `target.model.layers.{0..35}.mlp.up_proj.weight
 * bf16[12288,4096] weight`.
 */
function foldedWeights(plan: DecoderPlan): string[] {
  const seen = new Map<string, TensorSig>();
  for (const k of plan.kernels) for (const a of k.args) if (a.role === "weight" && !seen.has(a.name)) seen.set(a.name, a);
  const groups: { key: string; layers: number[]; sig: TensorSig }[] = [];
  for (const w of seen.values()) {
    const m = /^(.*\.layers\.)(\d+)(\..*)$/.exec(w.name);
    const key = m ? tensor({ ...w, name: `${m[1]}{}${m[3]}` }) : tensor(w);
    const g = groups.find((x) => x.key === key);
    if (g && m) g.layers.push(Number(m[2]));
    else groups.push({ key, layers: m ? [Number(m[2])] : [], sig: w });
  }
  return groups.map((g) => (g.layers.length === 0 ? g.key : g.key.replace("{}", `{${ranges(g.layers)}}`)));
}

function ranges(xs: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < xs.length; ) {
    let j = i;
    while (j + 1 < xs.length && xs[j + 1] === xs[j] + 1) j++;
    out.push(j > i ? `${xs[i]}..${xs[j]}` : `${xs[i]}`);
    i = j + 1;
  }
  return out.join(",");
}

/** The plan (as the manifest records it), its weights, and one line per kernel signature. */
export function planJson(plan: DecoderPlan): string {
  const body = planForJson(plan) as Record<string, unknown>;
  const lines = ["{"];
  for (const [k, v] of Object.entries(body)) lines.push(`  ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
  lines.push(`  "weights": [`, foldedWeights(plan).map((w) => `    ${JSON.stringify(w)}`).join(",\n"), "  ],");
  lines.push(`  "kernels": [`);
  lines.push(
    plan.kernels
      .map((k) => {
        const weights = k.args.filter((a) => a.role === "weight").length;
        const sig = {
          kernel: `${k.kernel}.${k.bucketId}`,
          weights,
          args: k.args.filter((a) => a.role !== "weight").map(tensor),
          results: k.results.map(tensor),
        };
        return `    ${JSON.stringify(sig)}`;
      })
      .join(",\n"),
  );
  lines.push("  ]", "}");
  return `${lines.join("\n")}\n`;
}

/** One line per kernel bucket of the emitted manifest: `<kernel>.<bucket>  <file>  args=<n> results=<n>`. */
export function kernelList(m: Manifest): string {
  return m.kernels.map((k) => `${k.kernel}.${k.bucketId}  ${k.file}  args=${k.args.length} results=${k.results.length}\n`).join("");
}
