import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildManifest } from "../../compiler/manifest.js";
import { JaxBackend, JaxBackendError, type JaxBackendOptions } from "../../runtime/backends/jax.js";
import { createEngine } from "../../runtime/engine.js";
import type { Manifest } from "../../contract/manifest.js";
import { randomWeights } from "../../runtime/weights/random.js";
import { copyWeights } from "../../runtime/weights/copy.js";
import { naiveGreedy } from "../helpers/naive-model.js";
import { PYTHON, pythonEnv, requirePython, tempDir, tinyPlan, writePackage } from "./helpers.js";
import { planWeights } from "../../compiler/ir/weights.js";

/**
 * A stand-in for the generated worker, built on the support library's framing module and the generated
 * config.py: it answers
 * the handshake and weight loading, then misbehaves on `run` as told by its first argument.
 */
const FAKE_WORKER = `
import os, sys, time
import numpy as np
from dflashc_jax import framing
from tiny_dflash import config

mode = sys.argv[1]
stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
while True:
    frame = framing.read_frame(stdin)
    if frame is None:
        break
    header, arrays = frame
    reply = {"ok": True, "id": header["id"]}
    if header["op"] != "run":
        framing.write_frame(stdout, reply)
        if header["op"] == "shutdown":
            break
        continue
    sig = config.SIGNATURES[(header["kernel"], header["bucket"])]
    if mode == "crash":
        sys.stderr.write("fake worker: device lost\\n")
        sys.stderr.flush()
        os._exit(3)
    if mode == "hang":
        time.sleep(600)
    if mode == "garbage":
        stdout.write(b"Traceback (most recent call last): this is not a frame\\n")
        stdout.flush()
        time.sleep(600)
    if mode == "refuse":
        framing.write_frame(stdout, {"ok": False, "id": header["id"], "kind": "bad_inputs", "error": "nope"})
        continue
    if mode == "wrong_id":
        framing.write_frame(stdout, {"ok": True, "id": header["id"] + 1})
        continue
    shape = lambda t: tuple(d + 1 for d in t.shape) if mode == "bad_shape" else t.shape
    # "zeros": well-formed outputs (every token 0, nothing accepted)
    framing.write_frame(stdout, reply, {t.name: np.zeros(shape(t), np.int32) for t in sig.outputs})
`;

describe("the jax backend", () => {
  let outDir = "";
  let manifest: Manifest;
  let weights: Map<string, Float32Array>;

  beforeAll(() => {
    requirePython();
    const plan = tinyPlan();
    manifest = buildManifest(plan, "examples/tiny.ts", new Map());
    weights = randomWeights(planWeights(plan), 1);
    outDir = tempDir("jax-backend");
    writePackage(outDir, plan, manifest.contentHash);
    writeFileSync(join(outDir, "fake_worker.py"), FAKE_WORKER);
  });

  const fake = (mode: string, extra: Partial<JaxBackendOptions> = {}) =>
    new JaxBackend({ outDir, command: [PYTHON, join(outDir, "fake_worker.py"), mode], env: { PYTHONPYCACHEPREFIX: pythonEnv().PYTHONPYCACHEPREFIX! }, timeoutMs: 5_000, initTimeoutMs: 10_000, ...extra });

  /** generate() through the real engine; resolves to the error it rejected with. */
  async function generateError(backend: JaxBackend): Promise<Error> {
    const engine = await createEngine(manifest, backend, weights);
    try {
      await engine.generate([{ promptIds: [1, 2, 3], maxNewTokens: 4 }]);
    } catch (e) {
      return e as Error;
    } finally {
      await engine.close();
    }
    throw new Error("generate() did not fail");
  }

  it("speaks the protocol end to end through the engine (well-formed replies)", async () => {
    // Target-only: all-zero outputs are a consistent decode there (every next token is 0).
    const engine = await createEngine(manifest, fake("zeros"), weights, { targetOnly: true });
    const [result] = await engine.generate([{ promptIds: [1, 2, 3], maxNewTokens: 4 }]);
    await engine.close();
    expect(result.tokens).toEqual([0, 0, 0, 0]);
  });

  it("sends copy:SEED weights inline (the host builds them): the real worker decodes the target's greedy tokens", async () => {
    const plan = tinyPlan();
    const copy = copyWeights(manifest, 0);
    const backend = new JaxBackend({ outDir, python: PYTHON, weights: { kind: "copy", seed: 0 }, env: { PYTHONPYCACHEPREFIX: pythonEnv().PYTHONPYCACHEPREFIX! } });
    const engine = await createEngine(manifest, backend, copy);
    try {
      const prompts = [[17, 4, 99, 23, 8], [200, 3]];
      const results = await engine.generate(prompts.map((promptIds) => ({ promptIds, maxNewTokens: 8 })));
      expect(results.map((r) => r.tokens)).toEqual(prompts.map((p) => naiveGreedy(copy, plan, p, 8)));
      expect(results.some((r) => r.stats.tau > 1)).toBe(true);
    } finally {
      await engine.close();
    }
  });

  it("reports a missing interpreter", async () => {
    const backend = new JaxBackend({ outDir, python: "/nonexistent/python3" });
    await expect(createEngine(manifest, backend, weights)).rejects.toThrow(/cannot start the JAX worker .*not found/);
  });

  it("reports a missing package with the worker's own words", async () => {
    const backend = new JaxBackend({ outDir: tempDir("empty"), python: PYTHON });
    await expect(createEngine(manifest, backend, weights)).rejects.toThrow(/exited with code 1[\s\S]*No module named/);
  });

  it("reports a package whose support library is missing with the worker's own words", async () => {
    const broken = tempDir("no-library");
    writePackage(broken, tinyPlan(), manifest.contentHash);
    rmSync(join(broken, "jax", "dflashc_jax"), { recursive: true });
    const backend = new JaxBackend({ outDir: broken, python: PYTHON });
    await expect(createEngine(manifest, backend, weights)).rejects.toThrow(/exited with code 1[\s\S]*No module named 'dflashc_jax'/);
  });

  it("refuses a package generated for another manifest (the real worker, before any JAX import)", async () => {
    const other = tempDir("other-hash");
    writePackage(other, tinyPlan(), "sha256:another-compile");
    const backend = new JaxBackend({ outDir: other, python: PYTHON });
    const err = await createEngine(manifest, backend, weights).catch((e: Error) => e);
    expect(err).toBeInstanceOf(JaxBackendError);
    expect((err as Error).message).toMatch(/hash_mismatch.*generated for manifest sha256:another-compile.*recompile/);
  });

  it("turns a crash during run into an error from generate()", async () => {
    const err = await generateError(fake("crash"));
    expect(err).toBeInstanceOf(JaxBackendError);
    expect(err.message).toMatch(/exited with code 3 during run[\s\S]*device lost/);
  });

  it("turns a hang into a timeout error from generate(), and kills the worker", async () => {
    const backend = fake("hang", { timeoutMs: 300 });
    const started = Date.now();
    const err = await generateError(backend);
    expect(err.message).toMatch(/did not answer run within 300 ms/);
    expect(Date.now() - started).toBeLessThan(8_000);
    // Every later call fails fast with the same error.
    await expect(backend.run(manifest.kernels[0], new Map())).rejects.toThrow(/did not answer run/);
  });

  it("turns garbage on stdout into an error from generate()", async () => {
    const err = await generateError(fake("garbage"));
    expect(err.message).toMatch(/answered garbage: bad magic/);
  });

  it("never hands malformed outputs to the engine", async () => {
    expect((await generateError(fake("bad_shape"))).message).toMatch(/reply has i32\[2\] for next_tokens, expected i32\[1\]/);
    expect((await generateError(fake("wrong_id"))).message).toMatch(/malformed reply/);
  });

  it("passes a worker's refusal on as an error", async () => {
    expect((await generateError(fake("refuse"))).message).toMatch(/run failed \(bad_inputs\): nope/);
  });
});
