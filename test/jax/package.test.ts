/**
 * The generated JAX package, executed on CPU JAX (the project's .venv; see test/helpers/jax-python.ts):
 * replayed reference sessions of the tiny examples and of a head_dim-128 variant (int outputs
 * identical, caches within 1e-5 relative), lossless decoding through `--backend jax` (greedy, and
 * sampled with the reference backend's tokens for the same seeds), the TPU Pallas attention kernel in
 * interpret mode end to end, a mesh of 4 CPU devices, the library's own pytest suite, and ruff over
 * the library and a generated package. scripts/device-check runs the same steps on a device.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { prepare } from "../../scripts/device/prepare.js";
import { JAX_PYTHON, requireJax, spawnAsync, type Run } from "../helpers/jax-python.js";
import { tempDir } from "./helpers.js";

const REPO = join(import.meta.dirname, "..", "..");
const RUFF = join(JAX_PYTHON, "..", "ruff");

function run(cmd: string, args: readonly string[], env: Record<string, string> = {}): Promise<Run> {
  const base = { DFLASHC_PYTHON: JAX_PYTHON, PYTHONPYCACHEPREFIX: tempDir("pycache"), DFLASHC_JAX_CACHE: "off" };
  return spawnAsync(cmd, args, { cwd: REPO, env: { ...process.env, ...base, ...env } });
}

/** Rows appended by check.py / lossless.ts: [check, value, verdict]. */
function rows(path: string): string[][] {
  return existsSync(path) ? readFileSync(path, "utf8").trim().split("\n").filter(Boolean).map((l) => l.split("\t")) : [];
}

function expectAllOk(r: Run, rowsPath: string, atLeast: number): string[][] {
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

  const replay = async (kase: string, env: Record<string, string> = {}) => {
    const out = join(tempDir("rows"), "rows.tsv");
    writeFileSync(out, "");
    return { r: await run(JAX_PYTHON, ["scripts/device/check.py", "replay", join(work, kase), out], env), out };
  };

  it.each(["tiny", "sampling", "hd128"])("replays the recorded reference session of %s: tokens identical, caches within 1e-5", async (kase) => {
    const { r, out } = await replay(kase);
    const got = expectAllOk(r, out, 1);
    expect(got.map((x) => x[1]).join(" ")).toMatch(/0 mismatches/);
  });

  it("runs the TPU Pallas attention kernel in interpret mode end to end (DFLASHC_PALLAS_INTERPRET=1) on the head_dim-128 decoder", async () => {
    const { r, out } = await replay("hd128", { DFLASHC_PALLAS_INTERPRET: "1" });
    expectAllOk(r, out, 2);
    // The variable takes effect as on a TPU: the kernel for 128-wide heads, the jnp twin for head_dim 16.
    const traced = (kase: string, pkg: string) =>
      run(
        JAX_PYTHON,
        ["-c", `import jax; from ${pkg} import kernels; k = kernels.KERNELS[("verify", "r1")]; print("pallas_call" in str(jax.make_jaxpr(k.function)(*k.abstract_args())))`],
        { DFLASHC_PALLAS_INTERPRET: "1", PYTHONPATH: join(work, kase, "jax") },
      );
    const hd128 = await traced("hd128", "tiny_dflash_hd128");
    expect(hd128.stdout.trim(), hd128.stderr).toBe("True");
    const tiny = await traced("tiny", "tiny_dflash");
    expect(tiny.stdout.trim(), tiny.stderr).toBe("False");
  });

  it("gives the same tokens on a mesh of 4 CPU devices (weights split, caches over KV heads), and under shard_map for Pallas", async () => {
    const four = await replay("tiny", { XLA_FLAGS: "--xla_force_host_platform_device_count=4", DFLASHC_CHIPS: "4" });
    expectAllOk(four.r, four.out, 2);
    const pallas = await replay("hd128", { XLA_FLAGS: "--xla_force_host_platform_device_count=2", DFLASHC_CHIPS: "2", DFLASHC_PALLAS_INTERPRET: "1" });
    expectAllOk(pallas.r, pallas.out, 2);
  });

  it.each(["tiny", "sampling", "hd128"])("decodes %s through the TS runtime with --backend jax: lossless, and the reference backend's tokens", async (kase) => {
    const out = join(tempDir("rows"), "rows.tsv");
    writeFileSync(out, "");
    const r = await run("npx", ["tsx", "scripts/device/lossless.ts", join(work, kase), out]);
    expectAllOk(r, out, 1);
  });

  it("passes the support library's own tests (pytest python/tests)", async () => {
    const r = await run(JAX_PYTHON, ["-m", "pytest", "-q", "-p", "no:cacheprovider", "python/tests"]);
    if (r.status !== 0) throw new Error(`${r.stdout.slice(-4000)}\n${r.stderr.slice(-2000)}`);
    expect(r.stdout).toMatch(/\d+ passed/);
    expect(r.stdout).not.toMatch(/skipped|xfail/);
  });

  it("lints clean with ruff: the support library and the device scripts (checked and formatted), and the generated packages (checked)", async () => {
    const config = ["--no-cache", "--config", "python/ruff.toml"];
    const lib = await run(RUFF, ["check", ...config, "python/", "scripts/"]);
    expect(lib.stdout + lib.stderr).toMatch(/All checks passed/);
    const fmt = await run(RUFF, ["format", ...config, "--check", "python/", "scripts/"]);
    expect(fmt.status, fmt.stdout + fmt.stderr).toBe(0);
    const packages = [["tiny", "tiny_dflash"], ["sampling", "tiny_dflash_sampling"], ["hd128", "tiny_dflash_hd128"]].map(([c, n]) => join(work, c, "jax", n));
    const gen = await run(RUFF, ["check", ...config, ...packages]);
    expect(gen.stdout + gen.stderr).toMatch(/All checks passed/);
  });
});
