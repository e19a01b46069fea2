/**
 * The Python that runs JAX in the tests: `$DFLASHC_PYTHON` when set, else the repository's `.venv`
 * (made by `scripts/python-env`, which `.ci/run` calls). A missing JAX fails the tests that need it,
 * naming what to run; only `DFLASHC_NO_JAX=1` (never set by CI) turns those tests into a loud no-op,
 * for a machine that truly has no JAX.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const REPO = fileURLToPath(new URL("../..", import.meta.url));

export const JAX_PYTHON = process.env.DFLASHC_PYTHON ?? `${REPO}.venv/bin/python`;

/** True when the user opted out of every JAX test on this machine. */
export const NO_JAX = process.env.DFLASHC_NO_JAX === "1";

let checked: string | null = null;

/** Throws, naming the fix, unless JAX_PYTHON imports jax. */
export function requireJax(): string {
  if (checked) return checked;
  if (!existsSync(JAX_PYTHON)) {
    throw new Error(`no JAX Python at ${JAX_PYTHON}: run 'scripts/python-env' (CPU JAX into .venv, as npm test does), or set DFLASHC_PYTHON`);
  }
  const r = spawnSync(JAX_PYTHON, ["-c", "import jax, numpy; print(jax.__version__)"], { encoding: "utf8" });
  if (r.status !== 0) {
    throw new Error(`${JAX_PYTHON} cannot import jax (${(r.stderr || r.error?.message || "").trim().split("\n").pop()}): run 'scripts/python-env', or set DFLASHC_PYTHON`);
  }
  checked = r.stdout.trim();
  return checked;
}

export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * A child process, awaited without blocking the test worker: a long synchronous spawn starves vitest's
 * RPC ("Timeout calling onTaskUpdate"), and asynchronous ones can run side by side on the cores.
 */
export function spawnAsync(cmd: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, options);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", (e) => resolve({ status: null, stdout, stderr: `${stderr}${e.message}` }));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}
