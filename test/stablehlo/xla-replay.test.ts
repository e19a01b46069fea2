/**
 * The emitted StableHLO under XLA: every module of the tiny examples (greedy, and sampling) compiled by
 * jaxlib's CPU PJRT client, and the recorded reference session (scripts/device/reference.ts) replayed
 * through them by scripts/xla/replay.py: int outputs identical, caches within 1e-5 relative error.
 * Needs the CPU JAX of `.venv` (scripts/python-env): without it these tests fail, naming the fix.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compilePlan } from "../../compiler/compile.js";
import { buildPlan } from "../../compiler/plan/build-plan.js";
import type { DecoderDeclaration } from "../../dsl/types.js";
import tiny from "../../examples/tiny.js";
import tinySampling from "../../examples/tiny-sampling.js";
import { SAMPLED_REQUESTS } from "../../scripts/device/prepare.js";
import { writeCase, type CaseOptions, type ReferenceIndex } from "../../scripts/device/reference.js";
import { JAX_PYTHON, NO_JAX, requireJax, spawnAsync, type Run } from "../helpers/jax-python.js";

const REPO = fileURLToPath(new URL("../..", import.meta.url));
const REPLAY = join(REPO, "scripts/xla/replay.py");

/** `replay.py ...args`, asynchronously: the cases replay side by side on the test machine's cores. */
function replay(...args: string[]): Promise<Run> {
  return spawnAsync(JAX_PYTHON, [REPLAY, ...args], { cwd: REPO, env: { ...process.env, JAX_PLATFORMS: "cpu" } });
}

/** A case as scripts/device/prepare.ts writes it (same seed and session), plus the emitted StableHLO modules. */
async function prepareCase(dir: string, declaration: DecoderDeclaration, source: string, record: CaseOptions["record"]): Promise<void> {
  const plan = buildPlan(declaration);
  await writeCase(dir, plan, { source, seed: 7, record });
  for (const [path, text] of compilePlan(plan, { source, emit: new Set(["stablehlo"]) })) {
    if (!path.startsWith("stablehlo/")) continue;
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

const readIndex = (dir: string): ReferenceIndex => JSON.parse(readFileSync(join(dir, "reference/index.json"), "utf8")) as ReferenceIndex;
const moduleFiles = (dir: string): string[] => (JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as { kernels: { file: string }[] }).kernels.map((k) => k.file);

/** Calls per `kernel.bucket`, as the replay reports them. */
function callsPerBucket(index: ReferenceIndex): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of index.calls) counts.set(`${c.kernel}.${c.bucket}`, (counts.get(`${c.kernel}.${c.bucket}`) ?? 0) + 1);
  return counts;
}

const output = (r: Run) => `exit ${r.status}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;

/** Every module compiled, every recorded call matched, and the replay said so. */
function expectAllMatch(r: Run, dir: string): void {
  expect(r.status, output(r)).toBe(0);
  const files = moduleFiles(dir);
  for (const f of files) expect(r.stdout).toContain(`compiled ${f} (`);
  expect(r.stdout).toContain(`compiled ${files.length}/${files.length} modules`);
  const index = readIndex(dir);
  const buckets = callsPerBucket(index);
  for (const [bucket, n] of buckets) expect(r.stdout, output(r)).toMatch(new RegExp(`^${bucket.replace(/\./g, "\\.")}: ${n}/${n} calls match \\(.*\\) ok$`, "m"));
  const reported = [...r.stdout.matchAll(/^(\S+): (\d+)\/(\d+) calls match \(/gm)].filter((m) => m[1] !== index.name);
  expect(reported.map((m) => m[1]).sort()).toEqual([...buckets.keys()].sort());
  expect(r.stdout).toMatch(new RegExp(`^${index.name}: ${index.calls.length}/${index.calls.length} calls match over ${buckets.size} kernel buckets \\(0 outputs differ.*: OK$`, "m"));
}

// The replays run side by side from beforeAll; a test waits for its own (minutes on a loaded machine).
const REPLAY_TIMEOUT_MS = 300_000;

describe("emitted StableHLO compiled by XLA (CPU PJRT) replays the recorded reference session", () => {
  if (NO_JAX) {
    it("NOT RUN: DFLASHC_NO_JAX=1 says this machine has no JAX", () => {
      console.warn("xla-replay.test.ts: DFLASHC_NO_JAX=1: the StableHLO modules were NOT compiled with XLA nor replayed");
    });
    return;
  }

  let work = "";
  const runs: Record<string, Promise<Run>> = {};
  let badToken = { call: -1, label: "", output: "" };
  let badCache = { call: -1, label: "", cache: "" };

  beforeAll(async () => {
    requireJax(); // throws, naming the fix, when .venv has no JAX
    work = mkdtempSync(join(tmpdir(), "dflashc-xla-replay-"));
    const greedy = join(work, "tiny");
    const sampling = join(work, "sampling");
    const cycles = join(work, "cycles");
    // The sessions of scripts/device/prepare.ts (the 8B bench cases are left out: no reference there).
    await prepareCase(greedy, tiny, "examples/tiny.ts", { prompts: 3, promptLength: 5, maxNewTokens: 8 });
    await prepareCase(sampling, tinySampling, "examples/tiny-sampling.ts", {
      prompts: SAMPLED_REQUESTS.length,
      promptLength: 4,
      maxNewTokens: 6,
      sampling: SAMPLED_REQUESTS,
    });

    // The greedy decoder with decode loops: the recorded session runs decode_loop_c4 (stablehlo.while with an early exit).
    await prepareCase(cycles, { ...tiny, name: "tiny_cycles", cyclesPerDispatch: [1, 4] }, "examples/tiny.ts", { prompts: 3, promptLength: 5, maxNewTokens: 8 });

    // A copy whose reference says one verify call accepted another token than it did.
    const index = readIndex(greedy);
    const tokenCase = join(work, "bad-token");
    cpSync(greedy, tokenCase, { recursive: true });
    const v = index.calls.findIndex((c) => c.kernel === "verify");
    const vCall = index.calls[v];
    const tokenOutput = "target_tokens";
    const vocab = (JSON.parse(readFileSync(join(greedy, "manifest.json"), "utf8")) as { decoder: { vocabSize: number } }).decoder.vocabSize;
    const tokenFile = join(tokenCase, "reference", vCall.outputs[tokenOutput]);
    const tokens = new Int32Array(new Uint8Array(readFileSync(tokenFile)).buffer);
    tokens[0] = (tokens[0] + 1) % vocab;
    writeFileSync(tokenFile, new Uint8Array(tokens.buffer));
    badToken = { call: v, label: `${vCall.kernel}.${vCall.bucket}`, output: tokenOutput };

    // A copy whose reference target cache after the first prefill is off by 1e-3 (relative) everywhere.
    const cacheCase = join(work, "bad-cache");
    cpSync(greedy, cacheCase, { recursive: true });
    const p = index.calls.findIndex((c) => c.kernel === "prefill");
    const pCall = index.calls[p];
    const cacheFile = join(cacheCase, "reference", pCall.caches.target_kv);
    const cache = new Float32Array(new Uint8Array(readFileSync(cacheFile)).buffer);
    expect(cache.some((x) => x !== 0)).toBe(true);
    for (let i = 0; i < cache.length; i++) cache[i] *= 1.001;
    writeFileSync(cacheFile, new Uint8Array(cache.buffer));
    badCache = { call: p, label: `${pCall.kernel}.${pCall.bucket}`, cache: "target_kv" };

    // A copy without the module of a recorded call: a malformed case, not a mismatch.
    const missingCase = join(work, "missing-module");
    cpSync(greedy, missingCase, { recursive: true });
    unlinkSync(join(missingCase, "stablehlo", `${vCall.kernel}.${vCall.bucket}.mlir`));

    runs.greedy = replay("--all", greedy);
    runs.sampling = replay("--all", sampling);
    runs.cycles = replay("--all", cycles);
    runs.badToken = replay(tokenCase);
    runs.badCache = replay(cacheCase);
    runs.missing = replay(missingCase);
  });

  afterAll(async () => {
    await Promise.all(Object.values(runs)); // no replay left writing into the folder
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it("greedy tiny example: every module compiles, every recorded call matches", async () => {
    expectAllMatch(await runs.greedy, join(work, "tiny"));
  }, REPLAY_TIMEOUT_MS);

  it("sampling tiny example: every module compiles, every recorded call (the *_sample kernels too) matches", async () => {
    const index = readIndex(join(work, "sampling"));
    expect(index.calls.filter((c) => c.kernel.endsWith("_sample")).length).toBeGreaterThan(0);
    expectAllMatch(await runs.sampling, join(work, "sampling"));
  }, REPLAY_TIMEOUT_MS);

  it("greedy tiny example with cyclesPerDispatch [1, 4]: every recorded call (decode_loop_c4 too) matches", async () => {
    const index = readIndex(join(work, "cycles"));
    expect(index.calls.filter((c) => c.kernel === "decode_loop_c4").length).toBeGreaterThan(0);
    expectAllMatch(await runs.cycles, join(work, "cycles"));
  }, REPLAY_TIMEOUT_MS);

  it("a recorded token that differs is reported, and the replay fails", async () => {
    const r = await runs.badToken;
    expect(r.status, output(r)).toBe(1);
    expect(r.stdout).toContain(`call ${badToken.call} ${badToken.label}: MISMATCH ${badToken.output}`);
    expect(r.stdout).toMatch(new RegExp(`^${badToken.label.replace(/\./g, "\\.")}: (\\d+)/(\\d+) calls match .* MISMATCH$`, "m"));
    expect(r.stdout).toMatch(/1 outputs differ.*: FAIL$/m);
  }, REPLAY_TIMEOUT_MS);

  it("a recorded cache off by 1e-3 is reported, and the replay fails", async () => {
    const r = await runs.badCache;
    expect(r.status, output(r)).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`^call ${badCache.call} ${badCache.label.replace(/\./g, "\\.")}: MISMATCH cache ${badCache.cache}: relative error \\S+ > 1e-05$`, "m"));
    expect(r.stdout).toMatch(/0 outputs differ.*: FAIL$/m);
  }, REPLAY_TIMEOUT_MS);

  it("a case without the module of a recorded call is malformed (exit 2)", async () => {
    const r = await runs.missing;
    expect(r.status, output(r)).toBe(2);
    expect(r.stderr).toMatch(/^malformed case: .*stablehlo\/verify\.\S+\.mlir missing/m);
  }, REPLAY_TIMEOUT_MS);
});
