import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, statSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildPlan } from "../../compiler/plan/build-plan.js";
import type { DecoderPlan } from "../../compiler/ir/plan.js";
import type { Backend, KernelInput } from "../../runtime/backend.js";
import { readManifest, type Manifest } from "../../contract/manifest.js";
import tiny from "../../examples/tiny.js";
import tinySampling from "../../examples/tiny-sampling.js";
import { formatRow, losslessRows, samplingRow, type PathTokens } from "../../scripts/device/lossless.js";
import { BENCH_BLOCK_SIZES, benchDeclaration, prepare, SAMPLED_REQUESTS } from "../../scripts/device/prepare.js";
import { GraphBackend, sessionRequests, writeCase, type ReferenceIndex } from "../../scripts/device/reference.js";
import { python, PYTHON, pythonEnv, requirePython, tempDir, tinyPlan } from "./helpers.js";

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
    requirePython();
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
    requirePython();
    // The byte code goes to a temporary folder, not scripts/device/__pycache__.
    execFileSync(PYTHON, ["-m", "py_compile", "scripts/device/check.py"], { env: pythonEnv() });
    const rows = join(tempDir("rows"), "rows.tsv");
    writeFileSync(rows, "tiny: caches\t5.8e-07 (<= 1e-05)\tok\nverify ms, K=1,4\t0.5 / 0.6\t1.2x\n");
    const ok = spawnSync(PYTHON, ["scripts/device/check.py", "table", rows], { encoding: "utf8" });
    expect(ok.status).toBe(0);
    expect(ok.stdout.split("\n")[0]).toMatch(/^check\s+value\s+verdict$/);
    expect(ok.stdout).toContain("tiny: caches      5.8e-07 (<= 1e-05)  ok");
    writeFileSync(rows, "lossless\tdiffer\tFAIL\n", { flag: "a" });
    expect(spawnSync(PYTHON, ["scripts/device/check.py", "table", rows]).status).toBe(1);
  });

  it("check.py bench times verify, draft and the decode step of compiled packages (a tiny decoder at K=4 and 16, on the CPU)", async () => {
    requirePython();
    const bench = tempDir("bench");
    for (const k of [4, 16]) await writeCase(join(bench, `k${k}`), buildPlan({ ...tiny, name: `tiny_k${k}`, blockSize: k }), { source: "examples/tiny.ts", seed: 0 });
    const rows = join(tempDir("rows"), "rows.tsv");
    const r = checkPy(["bench", bench, rows], { DFLASHC_BENCH_COPY_MIB: "1", JAX_PLATFORMS: "cpu" });
    expect(r.status, r.stderr).toBe(0);
    const lines = readFileSync(rows, "utf8").trimEnd().split("\n").map((l) => l.split("\t"));
    expect(lines.map((l) => l[0].replace(/[\d.]+/g, "N"))).toEqual([
      "device",
      "verify ms (R=N, ctx N), K=N,N,N",
      "draft ms (one forward), K=N,N",
      "copy bandwidth (measured)",
      "target_step (R=N) vs floor: N GB of weights / bandwidth",
      "decode_step (draft + verify, K=N, R=N)",
    ]);
    expect(lines[0].slice(1)).toEqual(["cpu (cpu)", "tiny_k4"]);
    expect(lines[1][1]).toMatch(/^\d+\.\d\d \/ \d+\.\d\d \/ \d+\.\d\d$/);
    expect(lines[5][1]).toMatch(/^\d+\.\d\d ms$/);
    expect(checkPy(["table", rows]).status).toBe(0);
  });

  it("scripts/device-check refuses to run without JAX, clearly", () => {
    execFileSync("bash", ["-n", "scripts/device-check"]);
    const r = spawnSync("scripts/device-check", [tempDir("no-jax")], { encoding: "utf8", env: { ...process.env, DFLASHC_PYTHON: "/bin/false" } });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/\/bin\/false cannot import jax/);
  });
});

/** check.py with the project's JAX Python; its byte code goes to a temporary folder. */
function checkPy(args: readonly string[], env: Record<string, string> = {}) {
  return spawnSync(PYTHON, ["scripts/device/check.py", ...args], { encoding: "utf8", env: pythonEnv(env) });
}

/** Appends check.py's replay rows for `caseDir` (as `replay` would after `mismatches` and `worst`) to `rows`. */
function replayRows(caseDir: string, rows: string, mismatches: number, worst: number): void {
  const code = `import sys; sys.path.insert(0, "scripts/device"); import check
case = check.Case(${JSON.stringify(caseDir)})
for row in check.replay_rows(case, ${mismatches}, ${worst}, 1e-5): check.append_row(${JSON.stringify(rows)}, *row)`;
  execFileSync(PYTHON, ["-c", code], { env: pythonEnv() });
}

/** A backend whose sampling kernels get other uniforms than the seeds say (`u + 0.5 mod 1`). */
class ShiftedUniforms implements Backend {
  constructor(private readonly inner: Backend) {}
  init(manifest: Manifest, weights: ReadonlyMap<string, Float32Array>): Promise<void> {
    return this.inner.init(manifest, weights);
  }
  run(kernel: Parameters<Backend["run"]>[0], inputs: ReadonlyMap<string, KernelInput>): Promise<Map<string, Int32Array>> {
    const u = inputs.get("uniforms");
    if (!u) return this.inner.run(kernel, inputs);
    return this.inner.run(kernel, new Map([...inputs, ["uniforms", Float32Array.from(u, (x) => (x + 0.5) % 1)]]));
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}

describe("device-check, the sampled session of the host step", () => {
  let work: string;
  let dir: string;
  let index: ReferenceIndex;
  let manifest: Manifest;
  let plan: DecoderPlan;
  beforeAll(async () => {
    work = tempDir("device-prepare");
    await prepare(work);
    dir = join(work, "sampling");
    index = JSON.parse(readFileSync(join(dir, "reference", "index.json"), "utf8")) as ReferenceIndex;
    manifest = readManifest(dir);
    plan = buildPlan(tinySampling);
  });

  it("samples at temperature 0.8 (top-k, top-k + top-p, neither) next to a greedy request, with fixed seeds", () => {
    const sampled = SAMPLED_REQUESTS.filter((r) => r.temperature > 0);
    expect(sampled.map((r) => r.temperature)).toEqual([0.8, 0.8, 0.8]);
    expect(sampled.some((r) => r.topK === 0 && r.topP === 1)).toBe(true);
    expect(sampled.some((r) => r.topK > 0 && r.topP === 1)).toBe(true);
    expect(sampled.some((r) => r.topK > 0 && r.topP < 1)).toBe(true);
    expect(SAMPLED_REQUESTS.filter((r) => r.temperature === 0)).toHaveLength(1);
    expect(new Set(SAMPLED_REQUESTS.map((r) => r.seed)).size).toBe(SAMPLED_REQUESTS.length);
    // The session that is recorded, compiled from the example file as shipped.
    expect(index.name).toBe("tiny_dflash_sampling");
    expect(index.generate.sampling).toEqual(SAMPLED_REQUESTS);
    expect(manifest.name).toBe("tiny_dflash_sampling");
    expect(readFileSync(join(dir, "jax", "tiny_dflash_sampling", "config.py"), "utf8")).toContain("Generated by dflashc from examples/tiny-sampling.ts.");
    expect(sessionRequests(index.generate)[3]).toEqual({ promptIds: index.generate.prompts[3], maxNewTokens: 6, sampling: { temperature: 0.8, topK: 40, topP: 0.9 }, seed: 14 });
  });

  it("records every sampling kernel, f32 inputs as f32 files, every file the size of its tensor", () => {
    const kinds = new Set(index.calls.map((c) => c.kernel));
    for (const k of ["prefill", "draft", "decode_step_sample", "verify_sample", "target_step_sample"]) expect(kinds.has(k), k).toBe(true);
    expect(index.calls.filter((c) => c.fresh).map((c) => c.kernel)).toEqual(["prefill", "prefill", "prefill"]);
    const read = (file: string) => {
      const b = readFileSync(join(dir, "reference", file));
      return file.endsWith(".f32") ? new Float32Array(b.buffer, b.byteOffset, b.byteLength / 4) : new Int32Array(b.buffer, b.byteOffset, b.byteLength / 4);
    };
    const caches = manifest.kernels.flatMap((k) => k.args).filter((a) => a.role === "cache");
    const f32 = (x: number) => Math.fround(x);
    for (const call of index.calls) {
      const k = manifest.kernels.find((x) => x.kernel === call.kernel && x.bucketId === call.bucket)!;
      const tensors = [...k.args, ...k.results, ...caches];
      for (const [name, file] of [...Object.entries(call.inputs), ...Object.entries(call.outputs), ...Object.entries(call.caches)]) {
        const t = tensors.find((x) => x.name === name)!;
        expect(file.endsWith(t.dtype === "i32" ? ".i32" : ".f32"), file).toBe(true);
        expect(statSync(join(dir, "reference", file)).size, file).toBe(t.shape.reduce((a, b) => a * b, 1) * 4);
      }
      if (!call.kernel.endsWith("_sample")) continue;
      expect(Object.keys(call.inputs).slice(-4)).toEqual(["uniforms", "temperature", "top_k", "top_p"]);
      // Uniforms are k * 2^-24 in [0, 1); the rows' parameters are the requests' (padding rows greedy).
      for (const u of read(call.inputs.uniforms)) expect(u >= 0 && u < 1 && Number.isInteger(u * 2 ** 24)).toBe(true);
      const temperature = [...read(call.inputs.temperature)];
      expect(temperature.every((t) => t === 0 || t === f32(0.8))).toBe(true);
      expect(temperature).toContain(f32(0.8));
      expect([...read(call.inputs.top_k)].every((k) => [0, 20, 40].includes(k))).toBe(true);
      expect([...read(call.inputs.top_p)].every((p) => p === 1 || p === f32(0.9))).toBe(true);
    }
  });

  it("holds the reference backend's tokens: the sampled requests sample, the greedy row is greedy on every path", () => {
    // writeCase decoded the session through the StableHLO interpreter as well and refused to differ.
    const g = index.generate;
    for (const path of [g.tokens, g.split, g.targetOnly]) expect(path.map((t) => t.length)).toEqual([6, 6, 6, 6]);
    const greedy = SAMPLED_REQUESTS.findIndex((r) => r.temperature === 0);
    expect(g.tokens[greedy]).toEqual(g.targetOnly[greedy]);
    expect(g.split[greedy]).toEqual(g.targetOnly[greedy]);
    // Speculative and target-only sampling agree in distribution, not draw for draw.
    expect(SAMPLED_REQUESTS.some((r, i) => r.temperature > 0 && JSON.stringify(g.tokens[i]) !== JSON.stringify(g.targetOnly[i]))).toBe(true);
  });

  it("check.py files accepts the recorded cases and names a malformed file; replay reports it as a FAIL row before it needs JAX", () => {
    requirePython();
    const ok = checkPy(["files", dir]);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(
      // (a step whose batch happens to hold only greedy rows runs the greedy decode_step)
      /^tiny_dflash_sampling: \d+ calls \((?:decode_step x\d+, )?decode_step_sample x\d+, draft x\d+, prefill x3, target_step_sample x\d+, verify_sample x\d+\), 4 sampled requests; every file matches its signature\n$/,
    );
    expect(checkPy(["files", join(work, "tiny")]).stdout).toMatch(/^tiny_dflash: \d+ calls .*, 3 greedy prompts; every file matches its signature/);

    const bad = tempDir("device-bad");
    cpSync(dir, bad, { recursive: true });
    const uniforms = index.calls.find((c) => c.kernel === "verify_sample")!.inputs.uniforms;
    truncateSync(join(bad, "reference", uniforms), 4);
    const r = checkPy(["files", bad]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${uniforms}: expected 64 bytes for uniforms [4, 4]`);
    const rows = join(tempDir("rows"), "rows.tsv");
    // A jax that cannot be imported: the malformed case is reported before check.py needs JAX.
    const noJax = tempDir("no-jax");
    mkdirSync(join(noJax, "jax"));
    writeFileSync(join(noJax, "jax", "__init__.py"), 'raise ImportError("no JAX in this test")\n');
    expect(checkPy(["replay", bad, rows], { PYTHONPATH: noJax }).status).toBe(1);
    expect(readFileSync(rows, "utf8")).toBe(`dflashc-device-bad-${bad.split("dflashc-device-bad-")[1]}: replay with the JAX kernels\tCaseError: ${uniforms}: expected 64 bytes for uniforms [4, 4]\tFAIL\n`);
  });

  it("decodes the sampled requests through the TS runtime: the same seeds give the same tokens; other uniforms fail the row", async () => {
    const rows = await losslessRows(dir, () => new GraphBackend(plan));
    expect(rows).toEqual([{ check: "tiny_dflash_sampling: jax tokens == reference backend, seeds 11,12,13,14 (3 sampled + 1 greedy, 3 paths)", value: "identical", ok: true }]);
    const shifted = await losslessRows(dir, () => new ShiftedUniforms(new GraphBackend(plan)));
    expect(shifted[0].ok).toBe(false);
    expect(shifted[0].value).toMatch(/^decode_step: request \d token \d+ \(\d+ vs \d+\) jax vs reference; draft\+verify: .*; target-only: /);
    expect(shifted[0].value).not.toContain("greedy"); // a greedy row ignores its uniforms
  });

  it("samplingRow fails on one flipped or missing token, and on a greedy row that moves between paths", () => {
    const g = index.generate;
    const same: PathTokens = { tokens: g.tokens, split: g.split, targetOnly: g.targetOnly };
    expect(samplingRow(index, same)).toMatchObject({ ok: true, value: "identical" });
    const flipped = structuredClone(same);
    flipped.split[1][2] = (g.split[1][2] + 1) % 256;
    expect(samplingRow(index, flipped)).toMatchObject({ ok: false, value: `draft+verify: request 1 token 2 (${flipped.split[1][2]} vs ${g.split[1][2]}) jax vs reference` });
    const short = structuredClone(same);
    short.targetOnly[0].pop();
    expect(samplingRow(index, short).value).toBe(`target-only: request 0 token 5 (end vs ${g.targetOnly[0][5]}) jax vs reference`);
    // Equal to a reference whose greedy row moved between paths is still a failure.
    const moved = structuredClone(same);
    moved.tokens[2][0] = (g.tokens[2][0] + 1) % 256;
    expect(samplingRow({ ...index, generate: { ...g, tokens: moved.tokens } }, moved)).toMatchObject({ ok: false, value: "greedy request 2 differs between paths" });
    const greedyIndex = JSON.parse(readFileSync(join(work, "tiny", "reference", "index.json"), "utf8")) as ReferenceIndex;
    expect(() => samplingRow(greedyIndex, same)).toThrow(/does not sample/);
  });

  it("check.py table prints the sampling rows and fails on any FAIL row", () => {
    requirePython();
    const rows = join(tempDir("rows"), "rows.tsv");
    replayRows(join(work, "tiny"), rows, 0, 5.8e-7);
    replayRows(dir, rows, 0, 5.8e-7);
    writeFileSync(rows, formatRow(samplingRow(index, { tokens: index.generate.tokens, split: index.generate.split, targetOnly: index.generate.targetOnly })), { flag: "a" });
    const lines = readFileSync(rows, "utf8").trimEnd().split("\n");
    expect(lines).toHaveLength(4); // two greedy replay rows, one sampling replay row, one sampling decode row
    expect(lines[2]).toMatch(/^tiny_dflash_sampling: int outputs of \d+ calls \(18 \*_sample\), caches\t0 mismatches, 5\.8e-07 \(<= 1e-05\)\tok; V=256: identical expected \(at large V, XLA's summation order may flip a token, only at an exact f32 boundary\)$/);
    const ok = checkPy(["table", rows]);
    expect(ok.status, ok.stderr).toBe(0);
    const out = ok.stdout.split("\n");
    expect(out[0]).toMatch(/^check\s+value\s+verdict$/);
    expect(out).toHaveLength(2 + 4 + 1);
    expect(out[4]).toMatch(/^tiny_dflash_sampling: int outputs .*\s{2}0 mismatches, 5\.8e-07 \(<= 1e-05\)\s{2}ok; V=256: identical expected/);
    expect(out[5]).toMatch(/^tiny_dflash_sampling: jax tokens == reference backend, seeds 11,12,13,14 .*\s{2}identical\s+ok$/);
    // Every row's columns line up under the header's.
    for (const column of ["value", "verdict"]) {
      const at = out[0].indexOf(column);
      for (const l of out.slice(2, 6)) expect(l.slice(at - 2, at) === "  " && l[at] !== " ", `${column} in ${l}`).toBe(true);
    }

    // A sampled token that differs on the device fails the table, in either row.
    const failReplay = join(tempDir("rows"), "rows.tsv");
    replayRows(dir, failReplay, 1, 5.8e-7);
    expect(readFileSync(failReplay, "utf8")).toMatch(/\t1 mismatches, 5\.8e-07 \(<= 1e-05\)\tFAIL; V=256/);
    expect(checkPy(["table", failReplay]).status).toBe(1);
    const failDecode = join(tempDir("rows"), "rows.tsv");
    const flipped = structuredClone({ tokens: index.generate.tokens, split: index.generate.split, targetOnly: index.generate.targetOnly });
    flipped.tokens[0][0] = (flipped.tokens[0][0] + 1) % 256;
    writeFileSync(failDecode, formatRow(samplingRow(index, flipped)));
    expect(readFileSync(failDecode, "utf8")).toMatch(/\tdecode_step: request 0 token 0 .*\tFAIL\n$/);
    expect(checkPy(["table", failDecode]).status).toBe(1);
    // Caches out of tolerance fail the sampling row too; an empty ROWS is a failure, not an empty table.
    const failCaches = join(tempDir("rows"), "rows.tsv");
    replayRows(dir, failCaches, 0, 2e-5);
    expect(checkPy(["table", failCaches]).status).toBe(1);
    const empty = join(tempDir("rows"), "rows.tsv");
    writeFileSync(empty, "");
    expect(checkPy(["table", empty])).toMatchObject({ status: 1, stderr: expect.stringContaining("no rows") });
  });
});
