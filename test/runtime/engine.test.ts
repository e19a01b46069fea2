import { describe, expect, it } from "vitest";
import { Engine, type GenerateRequest, type StepEvent } from "../../runtime/engine.js";
import { StateSyncError, type RequestState } from "../../runtime/request.js";
import { ToyBackend, toyGreedy, toyManifest } from "./helpers/toy.js";

const noWeights = new Map<string, Float32Array>();
function fakeWeights(m: ReturnType<typeof toyManifest>): Map<string, Float32Array> {
  return new Map(m.weights.map((w) => [w.name, new Float32Array(w.shape.reduce((a, b) => a * b, 1))]));
}

describe("engine with the toy backend", () => {
  it("decodes speculative output identical to naive greedy, and reports stats", async () => {
    const m = toyManifest({ blockSize: 4 });
    const backend = new ToyBackend(0.3);
    const engine = await Engine.create(m, backend, fakeWeights(m));
    const reqs: GenerateRequest[] = [
      { promptIds: [1, 2, 3], maxNewTokens: 20 },
      { promptIds: Array.from({ length: 40 }, (_, i) => (i * 7) % 90), maxNewTokens: 9, arrivalStep: 3 },
    ];
    const res = await engine.generate(reqs);
    for (let i = 0; i < reqs.length; i++) {
      expect(res[i].tokens).toEqual(toyGreedy(reqs[i].promptIds, reqs[i].maxNewTokens, 97));
      expect(res[i].finishReason).toBe("length");
      expect(res[i].stats.steps).toBeGreaterThan(0);
      expect(res[i].stats.tau).toBeGreaterThanOrEqual(1);
      expect(res[i].stats.acceptance).toHaveLength(3);
    }
  });

  it("rejects missing weights before touching the backend", async () => {
    const m = toyManifest();
    await expect(Engine.create(m, new ToyBackend(), noWeights)).rejects.toThrow(/missing/);
  });

  it("target-only decoding matches naive greedy", async () => {
    const m = toyManifest({ blockSize: 4 });
    const engine = await Engine.create(m, new ToyBackend(), fakeWeights(m), { targetOnly: true });
    const res = await engine.generate([{ promptIds: [5, 6], maxNewTokens: 12 }]);
    expect(res[0].tokens).toEqual(toyGreedy([5, 6], 12, 97));
    expect(res[0].stats.steps).toBe(11);
  });

  it("stops at a stop token and returns it", async () => {
    const m = toyManifest();
    const want = toyGreedy([9, 9, 9], 30, 97);
    const stop = want[7];
    const engine = await Engine.create(m, new ToyBackend(), fakeWeights(m));
    const res = await engine.generate([{ promptIds: [9, 9, 9], maxNewTokens: 30, stopTokenIds: [stop] }]);
    expect(res[0].tokens).toEqual(want.slice(0, want.indexOf(stop) + 1));
    expect(res[0].finishReason).toBe("stop");
  });

  it("stopWhen ends a request after the step that satisfied it (finish reason stop), the others run on", async () => {
    const m = toyManifest({ blockSize: 4 });
    const want = toyGreedy([9, 9, 9], 30, 97);
    const seen: number[][] = [];
    const engine = await Engine.create(m, new ToyBackend(0.3), fakeWeights(m));
    const res = await engine.generate([
      { promptIds: [9, 9, 9], maxNewTokens: 30, stopWhen: (g) => (seen.push([...g]), g.length >= 5) },
      { promptIds: [1, 2, 3], maxNewTokens: 12 },
    ]);
    // Asked after every step with everything generated so far, each a prefix of the greedy output.
    for (const g of seen) expect(g).toEqual(want.slice(0, g.length));
    expect(seen.at(-1)!.length).toBeGreaterThanOrEqual(5);
    expect(res[0].finishReason).toBe("stop");
    expect(res[0].tokens).toEqual(seen.at(-1));
    expect(res[1]).toMatchObject({ finishReason: "length", tokens: toyGreedy([1, 2, 3], 12, 97) });
  });

  it("streams one event per step", async () => {
    const m = toyManifest();
    const events: StepEvent[] = [];
    const engine = await Engine.create(m, new ToyBackend(), fakeWeights(m), { onStep: (e) => events.push(e) });
    const res = await engine.generate([{ promptIds: [1], maxNewTokens: 10 }]);
    const streamed = events.flatMap((e) => [...e.prefilled.flatMap((p) => (p.firstToken === null ? [] : [p.firstToken])), ...e.decoded.flatMap((d) => d.tokens)]);
    expect(streamed.slice(0, 10)).toEqual(res[0].tokens);
    expect(events.at(-1)!.finished).toEqual([{ id: "0", reason: "length" }]);
  });

  it("a step that inflates kvLen by the block size fails the invariant, naming the request", async () => {
    class Inflating extends Engine {
      protected override applyDecode(r: RequestState, a: number, t: Int32Array, off: number): void {
        super.applyDecode(r, a, t, off);
        r.kvLen += this.blockSize - (a + 1); // the classic bug: advance by K, not a+1
      }
    }
    const m = toyManifest({ blockSize: 4 });
    // Drafts always wrong: a = 0 < K-1, so the inflation is visible on the first step.
    const engine = await Inflating.create(m, new ToyBackend(1), fakeWeights(m));
    const err = await engine.generate([{ id: "req-7", promptIds: [1, 2], maxNewTokens: 10 }]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StateSyncError);
    expect((err as StateSyncError).requestId).toBe("req-7");
    expect((err as Error).message).toMatch(/kvLen 6 != committed - 1 = 3/);
  });
});

describe("forced drafts through the verify kernel (toy backend)", () => {
  it("drafts = the target's own future tokens, corrupted at a chosen position, reach every accepted length 0..K-1", async () => {
    for (const K of [2, 4, 10, 16]) {
      const m = toyManifest({ blockSize: K });
      const prompt = [3, 1, 4, 1, 5];
      const truth = toyGreedy(prompt, 230, 97);
      let step = 0;
      const engine = await Engine.create(m, new ToyBackend(), fakeWeights(m), {
        drafts: ({ tokens }) => {
          const n = tokens.length - prompt.length; // generated so far; truth[n..] are the next tokens
          const d = truth.slice(n, n + K - 1);
          const corruptAt = step++ % K; // K - 1: no corruption, accept all
          if (corruptAt < K - 1) d[corruptAt] = (d[corruptAt] + 1) % 97;
          return d;
        },
      });
      const [r] = await engine.generate([{ promptIds: prompt, maxNewTokens: 200 }]);
      expect(r.tokens).toEqual(truth.slice(0, 200));
      const seen = new Set(r.stats.acceptedLengths);
      for (let a = 0; a < K; a++) expect(seen.has(a), `K=${K} a=${a}`).toBe(true);
    }
  });
});
