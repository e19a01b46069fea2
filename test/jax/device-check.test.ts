import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildPlan } from "../../compiler/passes/build-plan.js";
import { readManifest } from "../../runtime/manifest.js";
import { BENCH_BLOCK_SIZES, benchDeclaration } from "../../scripts/device/prepare.js";
import { writeCase, type ReferenceIndex } from "../../scripts/device/reference.js";
import { python, PYTHON, requireNumpy, tempDir, tinyPlan } from "./helpers.js";

const BYTES: Record<string, number> = { i32: 4, f32: 4 };

describe("device-check, host step", () => {
  it("records a reference session that a device can replay", async () => {
    const dir = tempDir("device-case");
    const plan = tinyPlan();
    const index = (await writeCase(dir, plan, { source: "examples/tiny.ts", seed: 3, record: { prompts: 2, promptLength: 4, maxNewTokens: 3 } }))!;
    const manifest = readManifest(dir);
    expect(JSON.parse(readFileSync(join(dir, "reference", "index.json"), "utf8"))).toEqual(JSON.parse(JSON.stringify(index)) as ReferenceIndex);

    // Every kernel kind is exercised, each session starts from zeroed caches, and every file has the
    // byte size its tensor's shape says.
    expect(new Set(index.calls.map((c) => c.kernel))).toEqual(new Set(["prefill", "decode_step", "draft", "verify", "target_step"]));
    expect(index.calls.filter((c) => c.fresh).map((c) => c.kernel)).toEqual(["prefill", "prefill", "prefill"]);
    const caches = manifest.kernels.flatMap((k) => k.args).filter((a) => a.role === "cache");
    for (const call of index.calls) {
      const k = manifest.kernels.find((x) => x.kernel === call.kernel && x.bucketId === call.bucket)!;
      const tensors = [...k.args, ...k.results, ...caches];
      for (const [name, file] of [...Object.entries(call.inputs), ...Object.entries(call.outputs), ...Object.entries(call.caches)]) {
        const t = tensors.find((x) => x.name === name)!;
        const numel = t.shape.reduce((a, b) => a * b, 1);
        expect(statSync(join(dir, "reference", file)).size, file).toBe(numel * BYTES[t.dtype === "i32" ? "i32" : "f32"]);
      }
    }
    // The reference session itself is lossless: the same tokens by every decode path.
    expect(index.generate.tokens).toEqual(index.generate.targetOnly);
    expect(index.generate.split).toEqual(index.generate.targetOnly);
    expect(index.generate.tokens.every((t) => t.length === 3)).toBe(true);
  });

  it("writes a package bound to the manifest it writes", async () => {
    requireNumpy();
    const dir = tempDir("device-compiled");
    await writeCase(dir, tinyPlan(), { source: "examples/tiny.ts", seed: 1 });
    const hash = python(join(dir, "jax"), "from tiny_dflash import config; print(config.MANIFEST_HASH)").trim();
    expect(hash).toBe(readManifest(dir).contentHash);
  });

  it("shapes the 8B timing decoders: one request, block size K, no shape the timing does not use", () => {
    for (const k of BENCH_BLOCK_SIZES) {
      const plan = buildPlan(benchDeclaration(k));
      expect(plan.name).toBe(`qwen3_8b_k${k}`);
      expect(plan.blockSize).toBe(k);
      expect(plan.target.hiddenSize).toBe(4096);
      expect(plan.buckets.requests).toEqual([1]);
      expect(plan.kernels.map((s) => `${s.kernel}.${s.bucketId}`).sort()).toEqual(["decode_step.r1", "draft.r1", "prefill.r1.t16", "target_step.r1", "verify.r1"]);
      const draftCache = plan.caches.draft!;
      expect(draftCache.kind === "static" && draftCache.capacity >= 2048 + k).toBe(true);
      // bench feeds block table pages 1..P: the pool must hold them past the trash page.
      expect(plan.caches.target.numPages).toBeGreaterThan(plan.caches.target.pagesPerRequest);
    }
  });
});

describe("device-check, scripts", () => {
  it("check.py prints one table and fails on a FAIL row", () => {
    requireNumpy();
    // The byte code goes to a temporary folder, not scripts/device/__pycache__.
    execFileSync(PYTHON, ["-m", "py_compile", "scripts/device/check.py"], { env: { ...process.env, PYTHONPYCACHEPREFIX: tempDir("pycache") } });
    const rows = join(tempDir("rows"), "rows.tsv");
    writeFileSync(rows, "tiny: caches\t5.8e-07 (<= 1e-05)\tok\nverify ms, K=1,4\t0.5 / 0.6\t1.2x\n");
    const ok = spawnSync(PYTHON, ["scripts/device/check.py", "table", rows], { encoding: "utf8" });
    expect(ok.status).toBe(0);
    expect(ok.stdout.split("\n")[0]).toMatch(/^check\s+value\s+verdict$/);
    expect(ok.stdout).toContain("tiny: caches      5.8e-07 (<= 1e-05)  ok");
    writeFileSync(rows, "lossless\tdiffer\tFAIL\n", { flag: "a" });
    expect(spawnSync(PYTHON, ["scripts/device/check.py", "table", rows]).status).toBe(1);
  });

  it("scripts/device-check refuses to run without JAX, clearly", () => {
    execFileSync("bash", ["-n", "scripts/device-check"]);
    const r = spawnSync("scripts/device-check", [tempDir("no-jax")], { encoding: "utf8", env: { ...process.env, DFLASHC_PYTHON: "/bin/false" } });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/\/bin\/false cannot import jax/);
  });
});
