/**
 * The generated JAX package, executed on CPU JAX (the project's .venv; see test/helpers/jax-python.ts):
 * replayed reference sessions of the tiny examples and of a head_dim-128 variant (int outputs
 * identical, caches within 1e-5 relative), lossless decoding through `--backend jax` (greedy, and
 * sampled with the reference backend's tokens for the same seeds), the TPU Pallas attention kernel in
 * interpret mode end to end, a mesh of 4 CPU devices, the library's own pytest suite, and ruff over
 * the library and a generated package. scripts/device-check runs the same steps on a device.
 */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { prepare } from "../../scripts/device/prepare.js";
import { JAX_PYTHON, requireJax } from "../helpers/jax-python.js";
import { tempDir } from "./helpers.js";

const REPO = join(import.meta.dirname, "..", "..");
const RUFF = join(JAX_PYTHON, "..", "ruff");

function run(cmd: string, args: readonly string[], env: Record<string, string> = {}): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, {
    cwd: REPO,
    encoding: "utf8",
    env: { ...process.env, DFLASHC_PYTHON: JAX_PYTHON, PYTHONPYCACHEPREFIX: tempDir("pycache"), DFLASHC_JAX_CACHE: "off", ...env },
    maxBuffer: 64 << 20,
  });
}

/** Rows appended by check.py / lossless.ts: [check, value, verdict]. */
function rows(path: string): string[][] {
  return existsSync(path) ? readFileSync(path, "utf8").trim().split("\n").filter(Boolean).map((l) => l.split("\t")) : [];
}

function expectAllOk(r: SpawnSyncReturns<string>, rowsPath: string, atLeast: number): string[][] {
  const got = rows(rowsPath);
  if (r.status !== 0 || got.length < atLeast || got.some((row) => !row[2]?.startsWith("ok"))) {
    throw new Error(`exit ${r.status}; rows:\n${got.map((x) => x.join(" | ")).join("\n")}\n--- stderr ---\n${r.stderr.slice(-3000)}`);
  }
  return got;
}

describe("the generated JAX package on CPU JAX", () => {
  let work = "";

  beforeAll(async () => {
    requireJax();
    work = tempDir("jax-package");
    await prepare(work);
  }, 300_000);

  const replay = (kase: string, env: Record<string, string> = {}) => {
    const out = join(tempDir("rows"), "rows.tsv");
    writeFileSync(out, "");
    return { r: run(JAX_PYTHON, ["scripts/device/check.py", "replay", join(work, kase), out], env), out };
  };

  it.each(["tiny", "sampling", "hd128"])("replays the recorded reference session of %s: tokens identical, caches within 1e-5", (kase) => {
    const { r, out } = replay(kase);
    const got = expectAllOk(r, out, 1);
    expect(got.map((x) => x[1]).join(" ")).toMatch(/0 mismatches/);
  });

  it("runs the TPU Pallas attention kernel in interpret mode end to end (DFLASHC_PALLAS_INTERPRET=1) on the head_dim-128 decoder", () => {
    const { r, out } = replay("hd128", { DFLASHC_PALLAS_INTERPRET: "1" });
    expectAllOk(r, out, 2);
    // The variable takes effect: head_dim 16 is no shape for the TPU kernel, and forcing it says so.
    const tiny = replay("tiny", { DFLASHC_PALLAS_INTERPRET: "1" });
    expect(tiny.r.status).not.toBe(0);
    expect(`${tiny.r.stderr}${readFileSync(tiny.out, "utf8")}`).toMatch(/head_dim|head dim|128|Pallas/i);
  });

  it("gives the same tokens on a mesh of 4 CPU devices (weights split, caches over KV heads), and under shard_map for Pallas", () => {
    const four = replay("tiny", { XLA_FLAGS: "--xla_force_host_platform_device_count=4", DFLASHC_CHIPS: "4" });
    expectAllOk(four.r, four.out, 2);
    const pallas = replay("hd128", { XLA_FLAGS: "--xla_force_host_platform_device_count=2", DFLASHC_CHIPS: "2", DFLASHC_PALLAS_INTERPRET: "1" });
    expectAllOk(pallas.r, pallas.out, 2);
  });

  it.each(["tiny", "sampling", "hd128"])("decodes %s through the TS runtime with --backend jax: lossless, and the reference backend's tokens", (kase) => {
    const out = join(tempDir("rows"), "rows.tsv");
    writeFileSync(out, "");
    const r = run("npx", ["tsx", "scripts/device/lossless.ts", join(work, kase), out]);
    expectAllOk(r, out, 1);
  });

  it("passes the support library's own tests (pytest python/tests)", () => {
    const r = run(JAX_PYTHON, ["-m", "pytest", "-q", "-p", "no:cacheprovider", "python/tests"]);
    if (r.status !== 0) throw new Error(`${r.stdout.slice(-4000)}\n${r.stderr.slice(-2000)}`);
    expect(r.stdout).toMatch(/\d+ passed/);
    expect(r.stdout).not.toMatch(/skipped|xfail/);
  });

  it("lints clean with ruff: the support library (checked and formatted), and the generated packages (checked)", () => {
    const config = ["--no-cache", "--config", "python/ruff.toml"];
    const lib = run(RUFF, ["check", ...config, "python/"]);
    expect(lib.stdout + lib.stderr).toMatch(/All checks passed/);
    const fmt = run(RUFF, ["format", ...config, "--check", "python/"]);
    expect(fmt.status, fmt.stdout + fmt.stderr).toBe(0);
    const packages = [["tiny", "tiny_dflash"], ["sampling", "tiny_dflash_sampling"], ["hd128", "tiny_dflash_hd128"]].map(([c, n]) => join(work, c, "jax", n));
    const gen = run(RUFF, ["check", ...config, ...packages]);
    expect(gen.stdout + gen.stderr).toMatch(/All checks passed/);
  });
});
