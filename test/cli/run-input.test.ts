// The weights `run` and `serve` hand to the engine: on the host for the reference backend and for
// copy:SEED (built on the host, sent to the worker); none on the host when the JAX worker reads a
// checkpoint folder (its headers checked here) or draws random:SEED itself (an 8B model held twice
// would not fit).
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { memoryIo } from "../../cli/commands/io.js";
import { loadRunInput, type RunInput } from "../../cli/commands/run-input.js";
import { assertWeights, WeightsReadByBackend } from "../../runtime/backend.js";
import { randomWeights } from "../../runtime/weights/random.js";
import { SafetensorsError, writeCheckpointFolders } from "../../runtime/weights/safetensors.js";
import { parseWeightSource } from "../../runtime/weights/source.js";
import { REPO, TempDir } from "../frontend/config-fixture.js";

const tmp = new TempDir();
afterAll(() => tmp.remove());

async function tiny(): Promise<RunInput> {
  const loaded = await loadRunInput("examples/tiny.ts", memoryIo(REPO));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  return loaded.input;
}

describe("the weights prepare hands over", () => {
  it("jax with a checkpoint folder or random:SEED: none on the host, and the engine's check lets them through", async () => {
    const input = await tiny();
    const reference = input.prepare("reference", parseWeightSource("random:0"), false, memoryIo(REPO)).manifest;
    const folder = join(tmp.path, "checkpoint");
    mkdirSync(join(folder, "draft"), { recursive: true });
    writeCheckpointFolders(randomWeights(reference.weights, 1), reference, { target: folder, draft: join(folder, "draft") });
    for (const spec of ["random:0", folder]) {
      const prepared = input.prepare("jax", parseWeightSource(spec), false, memoryIo(REPO));
      try {
        const w = prepared.weights();
        expect(w, spec).toBeInstanceOf(WeightsReadByBackend);
        expect(w.size).toBe(0);
        expect(() => assertWeights(prepared.manifest, w)).not.toThrow();
      } finally {
        prepared.cleanup();
      }
    }
  });

  it("jax with a checkpoint folder that does not fit: the host's header check says so (the user's weights error)", async () => {
    const input = await tiny();
    const empty = join(tmp.path, "empty");
    mkdirSync(empty);
    const prepared = input.prepare("jax", parseWeightSource(empty), false, memoryIo(REPO));
    try {
      expect(() => prepared.weights()).toThrow(SafetensorsError);
    } finally {
      prepared.cleanup();
    }
  });

  it("jax with copy:SEED and the reference backend: every weight, on the host", async () => {
    const input = await tiny();
    for (const [backend, spec] of [["jax", "copy:0"], ["reference", "random:0"]] as const) {
      const prepared = input.prepare(backend, parseWeightSource(spec), false, memoryIo(REPO));
      try {
        const w = prepared.weights();
        expect(w, `${backend} ${spec}`).not.toBeInstanceOf(WeightsReadByBackend);
        expect(w.size).toBe(prepared.manifest.weights.length);
        expect(() => assertWeights(prepared.manifest, w)).not.toThrow();
      } finally {
        prepared.cleanup();
      }
    }
  });

  it("assertWeights still refuses an empty ordinary map", async () => {
    const prepared = (await tiny()).prepare("reference", parseWeightSource("random:0"), false, memoryIo(REPO));
    expect(() => assertWeights(prepared.manifest, new Map())).toThrow(/weight\(s\) missing/);
  });
});
