/**
 * Properties over hundreds of random workloads on the toy backend (fast): lossless output, the
 * state-sync invariant (the engine asserts it every step), every kernel call's shapes in the manifest
 * (the toy backend asserts it), no page shared by two requests in any call, no page leaked (the engine
 * asserts it at the end), pool exhaustion handled by waiting and preemption.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Engine, type GenerateRequest } from "../../runtime/engine.js";
import type { Manifest } from "../../contract/manifest.js";
import { ToyBackend, toyGreedy, toyManifest, type ToyCall } from "./helpers/toy.js";

const weightsOf = (m: Manifest) => new Map(m.weights.map((w) => [w.name, new Float32Array(w.shape.reduce((a, b) => a * b, 1))]));

/** What naive greedy decoding returns for a request, cut like the engine cuts it. */
function expected(q: GenerateRequest, vocab: number, maxContext: number): number[] {
  const n = Math.min(q.maxNewTokens, maxContext - q.promptIds.length);
  const all = toyGreedy(q.promptIds, n, vocab);
  const stops = new Set(q.stopTokenIds ?? []);
  const i = all.findIndex((t) => stops.has(t));
  return i < 0 ? all : all.slice(0, i + 1);
}

/** No page is in two real requests' block tables in one call, and no real request maps a used position to the trash page. */
function assertNoSharedPages(m: Manifest, calls: readonly ToyCall[]): void {
  const t = m.caches.target;
  const P = t.pagesPerRequest;
  for (const c of calls) {
    const bt = c.inputs.get("block_tables") ?? new Int32Array(0);
    const owner = new Map<number, number>();
    for (let r = 0; r < c.kernel.bucket.requests && bt.length > 0; r++) {
      for (let i = 0; i < P; i++) {
        const page = bt[r * P + i];
        if (page === 0) continue;
        const o = owner.get(page);
        if (o !== undefined && o !== r) throw new Error(`${c.kernel.kernel}.${c.kernel.bucketId}: page ${page} in rows ${o} and ${r}`);
        owner.set(page, r);
      }
    }
    const dbt = c.inputs.get("draft_block_tables");
    if (dbt) {
      const dc = m.caches.draft;
      if (dc?.kind !== "paged") throw new Error("draft_block_tables without a paged draft cache");
      const Pd = dc.pagesPerRequest;
      const downer = new Map<number, number>();
      for (let r = 0; r < c.kernel.bucket.requests; r++) {
        for (let i = 0; i < Pd; i++) {
          const page = dbt[r * Pd + i];
          if (page === 0) continue;
          const o = downer.get(page);
          if (o !== undefined && o !== r) throw new Error(`draft page ${page} in rows ${o} and ${r}`);
          downer.set(page, r);
        }
      }
    }
    const slots = c.inputs.get("draft_slots");
    if (slots) {
      const seen = new Set<number>();
      for (const s of slots) {
        if (s === 0) continue;
        if (seen.has(s)) throw new Error(`draft slot ${s} in two rows`);
        seen.add(s);
      }
    }
  }
}

const workload = fc.record({
  blockSize: fc.constantFrom(2, 4, 10, 16),
  draftLayout: fc.constantFrom("static" as const, "paged" as const),
  pageSize: fc.constantFrom(4, 8, 16),
  poolSlack: fc.integer({ min: 0, max: 30 }),
  maxRequests: fc.integer({ min: 1, max: 8 }),
  maxContext: fc.integer({ min: 24, max: 96 }),
  tokMin: fc.constantFrom(8, 16),
  tokMax: fc.constantFrom(16, 32, 64),
  path: fc.constantFrom("fused" as const, "split" as const, "target" as const),
  draftErrorRate: fc.double({ min: 0, max: 1, noNaN: true }),
  requests: fc.array(
    fc.record({
      promptLen: fc.integer({ min: 1, max: 60 }),
      seed: fc.integer({ min: 0, max: 1000 }),
      maxNewTokens: fc.integer({ min: 0, max: 40 }),
      arrivalStep: fc.integer({ min: 0, max: 12 }),
      stop: fc.option(fc.integer({ min: 0, max: 96 }), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 8 },
  ),
});

describe("runtime properties (toy backend)", () => {
  it("random workloads decode losslessly with no shared or leaked page and every shape in the manifest", async () => {
    let preemptions = 0;
    let waited = 0;
    let capacityFinishes = 0;
    await fc.assert(
      fc.asyncProperty(workload, async (w) => {
        const pagesPerRequest = Math.ceil((w.maxContext + w.blockSize) / w.pageSize);
        // From "too small for one long request" to roomy: exhaustion must be handled either way.
        const numPages = Math.max(2, Math.floor(pagesPerRequest / 2) + w.poolSlack);
        const m = toyManifest({
          blockSize: w.blockSize,
          draftLayout: w.draftLayout,
          pageSize: w.pageSize,
          numPages,
          maxContext: w.maxContext,
          maxRequests: w.maxRequests,
          tokens: { min: w.tokMin, max: Math.max(w.tokMin, w.tokMax) },
        });
        const backend = new ToyBackend(w.draftErrorRate, 7, true);
        const engine = await Engine.create(m, backend, weightsOf(m), {
          targetOnly: w.path === "target",
          decodePath: w.path === "split" ? "split" : "fused",
        });
        const reqs: GenerateRequest[] = w.requests.map((q, i) => ({
          id: `q${i}`,
          promptIds: Array.from({ length: Math.min(q.promptLen, w.maxContext - 1) }, (_, j) => (q.seed * 31 + j * 17) % 97),
          maxNewTokens: q.maxNewTokens,
          arrivalStep: q.arrivalStep,
          stopTokenIds: q.stop === undefined ? [] : [q.stop],
        }));
        const res = await engine.generate(reqs);
        for (let i = 0; i < reqs.length; i++) {
          const want = expected(reqs[i], 97, w.maxContext);
          if (res[i].finishReason === "capacity") {
            capacityFinishes++;
            expect(want.slice(0, res[i].tokens.length)).toEqual(res[i].tokens);
          } else {
            expect(res[i].tokens).toEqual(want);
          }
          preemptions += res[i].stats.preemptions;
        }
        assertNoSharedPages(m, backend.calls);
        for (const c of backend.calls) expect(m.kernels).toContain(c.kernel);
        if (backend.calls.some((c) => c.kernel.kernel === "prefill" && c.kernel.bucket.requests < reqs.length)) waited++;
      }),
      { numRuns: 300, seed: 20_240_601 },
    );
    // The generator must actually reach the interesting regimes.
    expect(preemptions).toBeGreaterThan(0);
    expect(capacityFinishes).toBeGreaterThan(0);
    expect(waited).toBeGreaterThan(0);
  });

  it("padding invariance: a request gives the same tokens alone and in a larger padded batch", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 6 }),
        fc.constantFrom(2, 4, 16),
        async (promptLen, others, K) => {
          const m = toyManifest({ blockSize: K, maxRequests: 8, numPages: 200 });
          const prompt = Array.from({ length: promptLen }, (_, j) => (j * 13 + 5) % 97);
          const alone = await (await Engine.create(m, new ToyBackend(0.4), weightsOf(m))).generate([{ promptIds: prompt, maxNewTokens: 20 }]);
          const batch: GenerateRequest[] = [
            ...Array.from({ length: others }, (_, i) => ({ id: `o${i}`, promptIds: [i + 1, i + 2], maxNewTokens: 5 + i })),
            { id: "x", promptIds: prompt, maxNewTokens: 20, arrivalStep: 1 },
          ];
          const together = await (await Engine.create(m, new ToyBackend(0.4), weightsOf(m))).generate(batch);
          expect(together.at(-1)!.tokens).toEqual(alone[0].tokens);
          expect(together.at(-1)!.stats.acceptedLengths).toEqual(alone[0].stats.acceptedLengths);
        },
      ),
      { numRuns: 60, seed: 7 },
    );
  });

  it("a request driven to the draft-cache capacity edge still decodes correctly, without a clamped write", async () => {
    for (const K of [2, 4, 10, 16]) {
      // maxContext + K = capacity exactly: the last step writes up to row maxContext + K - 2.
      const maxContext = 128 - K;
      const m = toyManifest({ blockSize: K, maxContext, numPages: 64, pageSize: 8 });
      expect(m.caches.draft).toMatchObject({ kind: "static", capacity: 128 });
      const backend = new ToyBackend(0, 3, true); // perfect drafts: K tokens per step, the widest writes
      const engine = await Engine.create(m, backend, weightsOf(m));
      const prompt = Array.from({ length: maxContext - 3 }, (_, j) => (j * 5) % 97);
      const [r] = await engine.generate([{ promptIds: prompt, maxNewTokens: 1000 }]);
      expect(r.finishReason).toBe("max_context");
      expect(prompt.length + r.tokens.length).toBe(maxContext);
      expect(r.tokens).toEqual(toyGreedy(prompt, maxContext - prompt.length, 97));
      let maxRow = 0;
      for (const c of backend.calls) {
        if (c.kernel.kernel !== "decode_step") continue;
        const seq = c.seqLens!;
        maxRow = Math.max(maxRow, seq[0] + K - 1);
      }
      expect(maxRow).toBeLessThan(128);
      expect(maxRow).toBeGreaterThanOrEqual(maxContext - 2);
    }
  });
});
