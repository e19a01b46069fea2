/**
 * `npm run bench`: host overhead of the runtime per decode step — bucket choice, input padding, page
 * allocation, applying `a + 1`, stop/length checks and the state-sync assertion — at 1, 8, 64 and 256
 * running requests, block size 16, on the Qwen3-8B DFlash geometry (64-token pages, 8192 context).
 * Kernel execution is excluded: a no-op backend returns precomputed, self-consistent outputs (drafts
 * and target tokens that agree on exactly `a` positions, `a` cycling through 0..15).
 *
 * A step's host time is the gap between two consecutive decode_step calls with nothing else in
 * between (no prefill, no request finishing): everything the host does from reading one step's
 * results to handing the next step's padded inputs to the backend. Reported: the median gap of each
 * run, then the median over runs. Writes its section of BENCHMARKS.md, and the compile-time section
 * (bench/compile-time.ts: every example's `dflashc compile`, wall and CPU time, output bytes).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { buildManifest } from "../compiler/manifest.js";
import { buildPlan } from "../compiler/plan/build-plan.js";
import qwen3 from "../examples/qwen3-8b-dflash.js";
import { pagedKV, pow2Buckets } from "../dsl/index.js";
import type { Backend } from "../runtime/backend.js";
import { Engine } from "../runtime/engine.js";
import type { Manifest, ManifestKernel } from "../contract/manifest.js";
import { compileTimeSection, measureCompileTimes } from "./compile-time.js";
import { overlapSection } from "./overlap.js";
import { SyntheticOutputs } from "./outputs.js";

const COUNTS = [1, 8, 64, 256];
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const PROMPT = 64;
const NEW_TOKENS = 1024;

class NoopBackend implements Backend {
  private readonly outputs: SyntheticOutputs;
  private lastDecodeEnd = -1;
  private otherSince = true;
  readonly gapsUs: number[] = [];

  constructor(K: number) {
    this.outputs = new SyntheticOutputs(K);
  }

  async init(): Promise<void> {}
  async close(): Promise<void> {}

  async run(k: ManifestKernel): Promise<Map<string, Int32Array>> {
    const now = performance.now();
    if (k.kernel === "decode_step") {
      if (!this.otherSince && this.lastDecodeEnd >= 0) this.gapsUs.push((now - this.lastDecodeEnd) * 1000);
      this.otherSince = false;
    } else this.otherSince = true;
    const out = this.outputs.next(k);
    if (k.kernel === "decode_step") this.lastDecodeEnd = performance.now();
    return out;
  }

  /** A request finished or joined: the next gap is not a steady-state step. */
  markIrregular(): void {
    this.otherSince = true;
  }
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function manifestFor(maxRequests: number): Manifest {
  const decl = {
    ...qwen3,
    name: "bench_qwen3_8b_b16",
    cache: { ...qwen3.cache, target: pagedKV({ pageSize: 64, numPages: 24_576 }) },
    batching: { maxRequests, tokens: pow2Buckets({ min: 16, max: 8192 }) },
    // decode_loop_c4 for the overlap bench's C = 4 rows; the host-overhead bench runs one cycle per call.
    cyclesPerDispatch: [1, 4],
  };
  return buildManifest(buildPlan(decl), "examples/qwen3-8b-dflash.ts", new Map());
}

async function measure(manifest: Manifest, n: number): Promise<{ medianUs: number; p90Us: number; steps: number }> {
  const backend = new NoopBackend(manifest.decoder.blockSize);
  // The no-op backend never reads weights: stand-ins that only carry the length the engine checks
  // (an 8B model's real arrays would be 16 GB).
  const weights = new Map<string, Float32Array>();
  for (const w of manifest.weights) weights.set(w.name, { length: w.shape.reduce((a, b) => a * b, 1) } as unknown as Float32Array);
  const engine = await Engine.create(manifest, backend, weights, {
    cyclesPerDispatch: 1,
    onStep: (e) => {
      if (e.finished.length > 0 || e.prefilled.length > 0 || e.preempted.length > 0) backend.markIrregular();
    },
  });
  const reqs = Array.from({ length: n }, (_, i) => ({ id: `r${i}`, promptIds: Array.from({ length: PROMPT }, (_, j) => (i + j) % 1000), maxNewTokens: NEW_TOKENS }));
  await engine.generate(reqs);
  const g = backend.gapsUs;
  const sorted = [...g].sort((a, b) => a - b);
  return { medianUs: median(g), p90Us: sorted[Math.floor(sorted.length * 0.9)], steps: g.length };
}

async function main(): Promise<void> {
  const manifest = manifestFor(256);
  const K = manifest.decoder.blockSize;
  const rows: { n: number; medianUs: number; p90Us: number; runs: number[]; steps: number }[] = [];
  await measure(manifest, 8); // warm up the JIT
  for (const n of COUNTS) {
    const runs: { medianUs: number; p90Us: number; steps: number }[] = [];
    for (let r = 0; r < RUNS; r++) runs.push(await measure(manifest, n));
    rows.push({ n, medianUs: median(runs.map((x) => x.medianUs)), p90Us: median(runs.map((x) => x.p90Us)), runs: runs.map((x) => x.medianUs), steps: runs[0].steps });
    const row = rows.at(-1)!;
    console.log(`${String(n).padStart(4)} requests: median ${row.medianUs.toFixed(1)} µs/step (p90 ${row.p90Us.toFixed(1)} µs, ${row.steps} steps per run, ${RUNS} runs)`);
  }
  const cpu = cpus();
  const machine = `${cpu.length} × ${cpu[0]?.model.trim() ?? "unknown CPU"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${process.platform}/${process.arch}`;
  const at64 = rows.find((r) => r.n === 64)!;
  const section = [
    "<!-- runtime-host-overhead:start (written by `npm run bench`; edit bench/run.ts, not this section) -->",
    "## Runtime host overhead per decode step",
    "",
    "**What.** The time the TypeScript runtime spends on the host per decode step: choosing the request",
    "bucket, padding the int32 inputs (request slots, block tables, draft slots), allocating KV",
    "pages before the step, applying `a + 1` to every request, stop/length checks and asserting the",
    "state-sync invariant (`kvLen == draftCtxLen == committed - 1`) for every live request. Kernel",
    "execution is not included.",
    "",
    `**How.** \`npm run bench\` (bench/run.ts). Decoder geometry of examples/qwen3-8b-dflash.ts (block size K = ${K},`,
    `64-token pages, maxContext 8192, so block tables are ${manifest.caches.target.pagesPerRequest} pages wide) with maxRequests 256 and`,
    "a larger page pool. A no-op backend returns precomputed outputs that are self-consistent (the",
    "engine checks that drafts and target tokens agree on exactly `a` positions), with `a` cycling",
    `through 0..${K - 1}. ${PROMPT}-token prompts, ${NEW_TOKENS} new tokens each. A step's host time is the gap between two`,
    "consecutive `decode_step` calls with no prefill call, join, preemption or finish in between.",
    `Per run the median gap; reported is the median over ${RUNS} runs (p90: median over runs of each run's p90).`,
    "",
    "| running requests | median µs / step | p90 µs / step | steps measured per run |",
    "|---:|---:|---:|---:|",
    ...rows.map((r) => `| ${r.n} | ${r.medianUs.toFixed(1)} | ${r.p90Us.toFixed(1)} | ${r.steps} |`),
    "",
    `Goal: at most 50 µs per step at 64 requests — measured ${at64.medianUs.toFixed(1)} µs (${at64.medianUs <= 50 ? "met" : "NOT met"}).`,
    "",
    `Machine: ${machine}.`,
    "<!-- runtime-host-overhead:end -->",
  ].join("\n");
  const overlap = await overlapSection(manifest, machine);
  const compile = measureCompileTimes();
  for (const r of compile) console.log(`compile ${r.name}: wall ${r.wallS.toFixed(2)} s, CPU ${r.cpuS.toFixed(2)} s, ${r.bytes} bytes`);
  const path = fileURLToPath(new URL("../BENCHMARKS.md", import.meta.url));
  let text = existsSync(path) ? readFileSync(path, "utf8") : "# Benchmarks\n";
  text = replaceSection(text, "runtime-host-overhead", section);
  text = replaceSection(text, "runtime-overlap", overlap);
  text = replaceSection(text, "compile-time", compileTimeSection(compile, machine));
  writeFileSync(path, text);
  console.log(`wrote ${path}`);
}

/** `text` with its `<!-- name:start ... name:end -->` section replaced by `section` (appended when absent). */
function replaceSection(text: string, name: string, section: string): string {
  const re = new RegExp(`<!-- ${name}:start[\\s\\S]*?<!-- ${name}:end -->`);
  return re.test(text) ? text.replace(re, () => section) : `${text.trimEnd()}\n\n${section}\n`;
}

await main();
