/**
 * `npm run build` for tests that run the compiler from dist/: one build at a time across vitest's
 * parallel test files (two tsc runs writing dist/ at once could leave it half written), serialized by
 * a lock folder beside the system's temporary files. A lock left by a killed run is taken over after
 * BUILD_TIMEOUT_MS.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const BUILD_TIMEOUT_MS = 300_000;

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Builds the package at `repo` (waiting for any build another test file is running there). */
export function buildPackage(repo: string): void {
  const lock = join(tmpdir(), `dflashc-build-${createHash("sha256").update(repo).digest("hex").slice(0, 16)}.lock`);
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      let age: number;
      try {
        age = Date.now() - statSync(lock).mtimeMs;
      } catch {
        continue; // released between the two calls
      }
      if (age > BUILD_TIMEOUT_MS) rmSync(lock, { recursive: true, force: true });
      else sleep(100);
    }
  }
  try {
    execFileSync("npm", ["run", "build"], { cwd: repo, stdio: "ignore", timeout: BUILD_TIMEOUT_MS });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
