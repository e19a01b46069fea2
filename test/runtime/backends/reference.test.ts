/**
 * The reference backend on the real kernels: modules from a folder or from memory, donated caches
 * carried from call to call, padding invariance, and the draft-cache capacity edge.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { kernelFile } from "../../../compiler/manifest.js";
import { emitKernelText } from "../../../compiler/stablehlo/emit.js";
import type { Backend } from "../../../runtime/backend.js";
import { ReferenceBackend } from "../../../runtime/backends/reference.js";
import { Engine, type StepEvent } from "../../../runtime/engine.js";
import type { ManifestKernel } from "../../../contract/manifest.js";
import { randomWeights } from "../../../runtime/weights/random.js";
import { naiveGreedy } from "../../helpers/naive-model.js";
import { compileTiny, tinyVariant } from "../helpers/reference.js";
import { planWeights } from "../../../compiler/ir/weights.js";

const tmp = mkdtempSync(join(tmpdir(), "dflashc-ref-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Delegates to a backend and keeps each call's kernel and a copy of its inputs. */
class Recording implements Backend {
  readonly calls: { kernel: ManifestKernel; inputs: Map<string, Int32Array | Float32Array> }[] = [];
  constructor(readonly inner: Backend) {}
  init: Backend["init"] = (m, w) => this.inner.init(m, w);
  close: Backend["close"] = () => this.inner.close();
  run: Backend["run"] = (k, inputs) => {
    this.calls.push({ kernel: k, inputs: new Map([...inputs].map(([n, v]) => [n, v.slice()])) });
    return this.inner.run(k, inputs);
  };
}

describe("reference backend", () => {
  const c = compileTiny(tinyVariant({ blockSize: 4 }));
  const weights = randomWeights(planWeights(c.plan), 5);

  it("runs modules from an output folder; target-only decoding carries the donated KV cache across calls", async () => {
    const dir = join(tmp, "out");
    for (const k of c.plan.kernels.filter((k) => k.kernel === "target_step" || (k.kernel === "prefill" && k.bucketId === "r1.t16"))) {
      const f = join(dir, kernelFile(k.kernel, k.bucketId));
      mkdirSync(dirname(f), { recursive: true });
      writeFileSync(f, emitKernelText(c.plan, k));
    }
    const backend = new ReferenceBackend({ dir });
    const engine = await Engine.create(c.manifest, backend, weights, { targetOnly: true });
    const [r] = await engine.generate([{ promptIds: [10, 20, 30], maxNewTokens: 5 }]);
    expect(r.tokens).toEqual(naiveGreedy(weights, c.plan, [10, 20, 30], 5));
    expect(backend.calls).toBe(5); // one prefill, four target steps
  });

  it("says which module is missing, and refuses to run before init", async () => {
    const backend = new ReferenceBackend({ files: new Map() });
    const k = c.manifest.kernels[0];
    await expect(backend.run(k, new Map())).rejects.toThrow(/before init/);
    await backend.init(c.manifest, weights);
    await expect(backend.run(k, new Map())).rejects.toThrow(/stablehlo\/prefill\.r1\.t16\.mlir: no such module/);
  });

  it("padding invariance: a request gives bit-identical tokens alone and in a larger padded batch", async () => {
    const x = { id: "x", promptIds: [7, 1, 4, 250, 3], maxNewTokens: 6 };
    const alone = await (await Engine.create(c.manifest, c.backend(), weights)).generate([x]);
    const rec = new Recording(c.backend());
    const together = await (await Engine.create(c.manifest, rec, weights)).generate([
      { id: "a", promptIds: [9, 9], maxNewTokens: 8 },
      { id: "b", promptIds: [1], maxNewTokens: 3 },
      { ...x, arrivalStep: 1 },
    ]);
    expect(together[2].tokens).toEqual(alone[0].tokens);
    expect(together[2].stats.acceptedLengths).toEqual(alone[0].stats.acceptedLengths);
    // it really shared padded buckets: R=4 with 3 real rows, and R=2 while alone with one other
    expect(rec.calls.some((k) => k.kernel.kernel === "decode_step" && k.kernel.bucket.requests === 4)).toBe(true);
  });

  for (const layout of ["static", "paged"] as const) {
    it(`a request driven to the draft-cache capacity edge (${layout}) decodes correctly`, async () => {
      // maxContext + K = 128 = capacity (static: one 128-row tile) = pagesPerRequest * pageSize (paged): no slack at all.
      const e = compileTiny(tinyVariant({ blockSize: 16, maxContext: 112, draftLayout: layout }));
      const d = e.manifest.caches.draft!;
      const rows = d.kind === "static" ? d.capacity : d.pagesPerRequest * d.pageSize;
      expect(rows).toBe(128);
      const w = randomWeights(planWeights(e.plan), 9);
      const prompt = Array.from({ length: 104 }, (_, i) => (i * 37) % 250);
      const rec = new Recording(e.backend());
      // Each decode step writes rows kvLen .. kvLen + K - 1, kvLen = committed - 1 before the step.
      let committed = prompt.length;
      let lastWrite = 0;
      const onStep = (ev: StepEvent) => {
        for (const p of ev.prefilled) if (p.firstToken !== null) committed++;
        for (const dec of ev.decoded) {
          lastWrite = Math.max(lastWrite, committed - 1 + 15);
          committed += dec.tokens.length;
        }
      };
      const [r] = await (await Engine.create(e.manifest, rec, w, { onStep })).generate([{ promptIds: prompt, maxNewTokens: 100 }]);
      expect(r.finishReason).toBe("max_context");
      expect(r.tokens).toEqual(naiveGreedy(w, e.plan, prompt, 8));
      // The last legal step starts at n = maxContext - 1 committed and writes rows n-1 .. n+K-2.
      expect(lastWrite).toBe(112 - 2 + 16 - 1);
    });
  }
});
