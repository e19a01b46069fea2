// The fuzz suite's harness (docs/fuzzing.md): seeded fast-check runs over a library entry point, where
// every case must end as "ok" or as a user-facing error (exit 0 or 2 in the CLI, never 1), within a
// per-case time bound and under a memory bound. A watchdog thread catches what the test itself cannot:
// a case that never returns (a synchronous loop blocks vitest's own timeout) or that allocates without
// end; it prints the case's seed and path on stderr and kills the process, which fails the run.
//
//   DFLASHC_FUZZ_SEED=N     base seed (default FIXED_SEED; each target derives its own from it)
//   DFLASHC_FUZZ_RUNS=N     cases over the whole suite (default DEFAULT_TOTAL_RUNS), split by target
//   DFLASHC_FUZZ_REPLAY=target:path   replay one case (the path a failure prints)
//   DFLASHC_FUZZ_CASE_MS, DFLASHC_FUZZ_HANG_MS, DFLASHC_FUZZ_RSS_MB   the bounds (defaults below)
import fc from "fast-check";
import { Worker } from "node:worker_threads";

export const FIXED_SEED = 20_260_111;
export const DEFAULT_TOTAL_RUNS = 13_000;

const envInt = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const n = Number(raw.replaceAll("_", ""));
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got '${raw}'`);
  return n;
};

export const BASE_SEED = envInt("DFLASHC_FUZZ_SEED", FIXED_SEED);
export const TOTAL_RUNS = envInt("DFLASHC_FUZZ_RUNS", DEFAULT_TOTAL_RUNS);
/** A case that returns later than this fails (with its seed and path). */
export const CASE_MS = envInt("DFLASHC_FUZZ_CASE_MS", 2_000);
/** A case still running after this is a hang: the watchdog reports it and kills the process. */
export const HANG_MS = envInt("DFLASHC_FUZZ_HANG_MS", 30_000);
/** Resident memory above this fails the case (checked after every case, and by the watchdog during one). */
export const RSS_BYTES = envInt("DFLASHC_FUZZ_RSS_MB", 2_048) * 2 ** 20;

/** Each target's share of TOTAL_RUNS (they add up to 1). */
// (Shares follow each case's cost: an accepted 8B-sized declaration takes ~30 ms to plan, a safetensors case ~0.2 ms.)
export const SHARES = { declarations: 0.23, "hf-configs": 0.12, safetensors: 0.3, stablehlo: 0.35 } as const;
export type Target = keyof typeof SHARES;

export function runsOf(target: Target): number {
  return Math.max(1, Math.round(TOTAL_RUNS * SHARES[target]));
}

/**
 * Vitest's timeout for a target's fuzz test: generous (a long run scales it), since hangs are the
 * watchdog's job (it names the case; vitest's timeout cannot interrupt a synchronous loop anyway).
 */
export function timeoutOf(target: Target): number {
  return 120_000 + runsOf(target) * 50;
}

/** The target's own seed: base seed mixed with its name, so targets do not share random streams. */
export function seedOf(target: Target): number {
  let h = BASE_SEED >>> 0;
  for (const ch of target) h = Math.imul(h ^ ch.charCodeAt(0), 0x9e3779b1) >>> 0;
  return h | 0;
}

/**
 * What a case ended as: the library accepted it (exit 0), refused it the way the CLI turns into exit 2,
 * or a check the input itself asked for failed (exit 3: a `check.*` op in a StableHLO module).
 */
export type Outcome = "ok" | "user-error" | "check-failed";

/** A case that ended as neither: the exception is what the CLI would report as an internal error. */
export class FuzzBug extends Error {
  constructor(message: string, override readonly cause?: unknown) {
    super(message);
    this.name = "FuzzBug";
  }
}

export function describeError(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}\n${e.stack ?? ""}` : `thrown non-Error ${String(e)}`;
}

// Watchdog: a worker thread reading [active, startedAtMs, caseIndex] from shared memory.
const WATCHDOG = `
const { workerData } = require("node:worker_threads");
const { writeSync } = require("node:fs");
const f = new Float64Array(workerData.sab, 0, 3);
const label = new Uint8Array(workerData.sab, 24, 200);
setInterval(() => {
  if (f[0] !== 1) return;
  const took = Date.now() - f[1];
  const rss = process.memoryUsage.rss();
  if (took <= workerData.hangMs && rss <= workerData.hangRss) return;
  const name = Buffer.from(label).toString("utf8").replace(/\\0+$/, "");
  const why = took > workerData.hangMs ? "still running after " + took + " ms (hang)" : "resident memory " + rss + " bytes (runaway memory)";
  writeSync(2, "\\nFUZZ WATCHDOG: " + name + " case path " + f[2] + ": " + why + "\\nreplay: DFLASHC_FUZZ_SEED=" + workerData.baseSeed + " DFLASHC_FUZZ_REPLAY=" + name.split(" ")[0] + ":" + f[2] + " npx vitest run test/fuzz\\n");
  process.kill(process.pid, "SIGKILL");
}, 200);
`;

interface Watchdog {
  start(caseIndex: number): void;
  stop(): void;
  close(): Promise<void>;
}

function startWatchdog(target: Target, seed: number): Watchdog {
  const sab = new SharedArrayBuffer(24 + 200);
  const f = new Float64Array(sab, 0, 3);
  new Uint8Array(sab, 24, 200).set(Buffer.from(`${target} (seed ${seed})`).subarray(0, 200));
  // The watchdog's own memory bound is looser than the per-case check: it is for a single case that runs away.
  const worker = new Worker(WATCHDOG, { eval: true, workerData: { sab, hangMs: HANG_MS, hangRss: RSS_BYTES * 2, baseSeed: BASE_SEED } });
  worker.unref();
  return {
    start(i) {
      f[2] = i;
      f[1] = Date.now();
      f[0] = 1;
    },
    stop() {
      f[0] = 0;
    },
    close: () => worker.terminate().then(() => undefined),
  };
}

export interface FuzzStats {
  readonly target: Target;
  readonly seed: number;
  readonly cases: number;
  readonly outcomes: Record<Outcome, number>;
  readonly ms: number;
  readonly slowestMs: number;
  readonly maxRssMb: number;
}

/**
 * Runs `runsOf(target)` cases of `arb` through `exec`, which returns the case's outcome and throws
 * (best a FuzzBug) when the case ended otherwise. Throws fast-check's report (seed, path, the shrunk
 * case) on the first failing case.
 */
export async function fuzz<T>(target: Target, arb: fc.Arbitrary<T>, exec: (value: T) => Outcome, opts: { runs?: number } = {}): Promise<FuzzStats> {
  const seed = seedOf(target);
  const numRuns = opts.runs ?? runsOf(target);
  const replay = process.env.DFLASHC_FUZZ_REPLAY;
  const path = replay?.startsWith(`${target}:`) ? replay.slice(target.length + 1) : undefined;
  if (replay !== undefined && path === undefined) {
    return { target, seed, cases: 0, outcomes: { ok: 0, "user-error": 0, "check-failed": 0 }, ms: 0, slowestMs: 0, maxRssMb: 0 };
  }
  const outcomes: Record<Outcome, number> = { ok: 0, "user-error": 0, "check-failed": 0 };
  let index = 0;
  let slowestMs = 0;
  let maxRss = 0;
  const dog = startWatchdog(target, seed);
  const t0 = performance.now();
  try {
    fc.assert(
      fc.property(arb, (value) => {
        dog.start(index++);
        const start = performance.now();
        let outcome: Outcome;
        try {
          outcome = exec(value);
        } finally {
          dog.stop();
        }
        const took = performance.now() - start;
        slowestMs = Math.max(slowestMs, took);
        const rss = process.memoryUsage.rss();
        maxRss = Math.max(maxRss, rss);
        if (took > CASE_MS) throw new FuzzBug(`the case took ${took.toFixed(0)} ms, above the ${CASE_MS} ms bound`);
        if (rss > RSS_BYTES) throw new FuzzBug(`resident memory ${(rss / 2 ** 20).toFixed(0)} MiB after the case, above the ${RSS_BYTES / 2 ** 20} MiB bound`);
        outcomes[outcome]++;
      }),
      {
        seed,
        // Replaying: only the case at that path (then its shrink steps, for a path a:b:c).
        ...(path !== undefined ? { path, numRuns: 1 } : { numRuns }),
        // The case printed in full, whatever its size, would drown the report: fast-check truncates.
        verbose: 0,
        includeErrorInReport: true,
      },
    );
  } catch (e) {
    throw new Error(
      `fuzz ${target} failed (base seed ${BASE_SEED}, target seed ${seed}). Replay the case with DFLASHC_FUZZ_SEED=${BASE_SEED} ` +
        `DFLASHC_FUZZ_REPLAY=${target}:<the path below> npx vitest run test/fuzz\n${(e as Error).message}`,
      { cause: e },
    );
  } finally {
    await dog.close();
  }
  const stats = { target, seed, cases: outcomes.ok + outcomes["user-error"] + outcomes["check-failed"], outcomes, ms: performance.now() - t0, slowestMs, maxRssMb: maxRss / 2 ** 20 };
  console.log(
    `fuzz ${target}: ${stats.cases} cases (${outcomes.ok} ok, ${outcomes["user-error"]} user errors, ${outcomes["check-failed"]} failed checks) in ${(stats.ms / 1000).toFixed(1)} s; ` +
      `slowest case ${slowestMs.toFixed(0)} ms; max rss ${stats.maxRssMb.toFixed(0)} MiB; seed ${seed} (base ${BASE_SEED})`,
  );
  return stats;
}

/** Deterministic small helpers for mutators (their randomness comes from fast-check's values). */
export const pick = <T>(xs: readonly T[], n: number): T => xs[((n % xs.length) + xs.length) % xs.length];
