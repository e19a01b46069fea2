/**
 * The engine's online API (submit / stream / cancel / close / metrics) with the toy backend, whose
 * caches are read through the block tables the engine sends: a request that joins a running batch
 * at the wrong place, or a cancelled request whose pages were not freed, changes the tokens or
 * throws.
 */
import { describe, expect, it } from "vitest";
import { Engine, EngineClosedError, EngineError, QueueFullError, RequestError, type GenerateResult, type TokenSink } from "../../runtime/engine.js";
import { StateSyncError, type RequestState } from "../../runtime/request.js";
import { ToyBackend, toyGreedy, toyManifest } from "./helpers/toy.js";

const VOCAB = 97;
function weightsOf(m: ReturnType<typeof toyManifest>): Map<string, Float32Array> {
  return new Map(m.weights.map((w) => [w.name, new Float32Array(w.shape.reduce((a, b) => a * b, 1))]));
}
async function toyEngine(opts: Parameters<typeof toyManifest>[0] = {}, engineOpts: Parameters<typeof Engine.create>[3] = {}) {
  const m = toyManifest({ blockSize: 4, maxRequests: 4, ...opts });
  const backend = new ToyBackend(0.3);
  return { engine: await Engine.create(m, backend, weightsOf(m), engineOpts), backend };
}
const prompt = (n: number, salt: number) => Array.from({ length: n }, (_, j) => (j * 7 + salt * 13) % VOCAB);

/** A sink that records each step's tokens, and a hook run after each one. */
function recorder(after?: (seen: number) => void): TokenSink & { chunks: number[][]; all(): number[] } {
  const chunks: number[][] = [];
  return {
    chunks,
    all: () => chunks.flat(),
    onTokens(tokens) {
      chunks.push([...tokens]);
      after?.(chunks.flat().length);
    },
  };
}

describe("engine online API", () => {
  it("requests submitted while the loop runs join the batch and decode exactly as alone; streams equal the results", async () => {
    const { engine, backend } = await toyEngine();
    const joined: Promise<GenerateResult>[] = [];
    const sinks = [recorder(), recorder(), recorder()];
    const first = recorder((seen) => {
      // Two more requests arrive mid-run (from the first one's stream, i.e. between steps).
      if (seen >= 6 && joined.length === 0) {
        joined.push(engine.submit({ id: "b", promptIds: prompt(30, 2), maxNewTokens: 25 }, sinks[1]).result);
        joined.push(engine.submit({ id: "c", promptIds: prompt(3, 3), maxNewTokens: 12 }, sinks[2]).result);
      }
    });
    const a = engine.submit({ id: "a", promptIds: prompt(5, 1), maxNewTokens: 40 }, first);
    const ra = await a.result;
    const [rb, rc] = await Promise.all(joined);
    expect(joined).toHaveLength(2);
    expect(ra.tokens).toEqual(toyGreedy(prompt(5, 1), 40, VOCAB));
    expect(rb.tokens).toEqual(toyGreedy(prompt(30, 2), 25, VOCAB));
    expect(rc.tokens).toEqual(toyGreedy(prompt(3, 3), 12, VOCAB));
    expect(first.all()).toEqual(ra.tokens);
    expect(sinks[1].all()).toEqual(rb.tokens);
    expect(sinks[2].all()).toEqual(rc.tokens);
    // They really shared decode calls with "a".
    expect(backend.calls.some((c) => c.kernel.kernel === "decode_step" && c.kernel.bucket.requests >= 2)).toBe(true);
    const m = engine.metrics();
    expect(m).toMatchObject({ requestsSubmitted: 3, requestsFinished: 3, queueLength: 0, running: 0, targetPagesUsed: 0 });
    expect(m.tokensGenerated).toBe(40 + 25 + 12);
    expect(m.acceptedHistogram.reduce((x, y) => x + y, 0)).toBe(m.decodeSteps);
    expect(m.acceptance).toHaveLength(3);
    expect(m.stepCount).toBeGreaterThanOrEqual(m.steps);
    await engine.close();
  });

  it("streams never pass maxNewTokens and stop at (and include) a stop token, though a step commits up to K tokens", async () => {
    const { engine } = await toyEngine({ blockSize: 8 }, {});
    const p = prompt(4, 5);
    const truth = toyGreedy(p, 60, VOCAB);
    const stop = truth[9];
    const s1 = recorder();
    const s2 = recorder();
    const [r1, r2] = await Promise.all([
      engine.submit({ id: "len", promptIds: p, maxNewTokens: 7 }, s1).result,
      engine.submit({ id: "stop", promptIds: p, maxNewTokens: 60, stopTokenIds: [stop] }, s2).result,
    ]);
    expect(s1.all()).toEqual(truth.slice(0, 7));
    expect(r1).toMatchObject({ finishReason: "length", tokens: truth.slice(0, 7) });
    expect(s2.all()).toEqual(truth.slice(0, truth.indexOf(stop) + 1));
    expect(r2.finishReason).toBe("stop");
    expect(s2.chunks.every((c) => c.length > 0)).toBe(true);
    await engine.close();
  });

  it("cancel() finishes a running request at the next step boundary and frees its pages; the others are untouched", async () => {
    const { engine } = await toyEngine({ numPages: 40 });
    let handle: ReturnType<Engine["submit"]> | null = null;
    const cancelled = recorder((seen) => {
      if (seen >= 5) handle!.cancel();
    });
    handle = engine.submit({ id: "x", promptIds: prompt(20, 7), maxNewTokens: 200 }, cancelled);
    const other = engine.submit({ id: "y", promptIds: prompt(9, 8), maxNewTokens: 30 });
    const waiting = engine.submit({ id: "z", promptIds: prompt(9, 9), maxNewTokens: 10, arrivalStep: 1000 });
    waiting.cancel(); // never admitted: cancelled from the queue
    const [rx, ry, rz] = await Promise.all([handle.result, other.result, waiting.result]);
    expect(rx.finishReason).toBe("cancelled");
    expect(rx.tokens).toEqual(cancelled.all());
    expect(rx.tokens.length).toBeGreaterThanOrEqual(5);
    expect(rx.tokens.length).toBeLessThan(200);
    expect(rx.tokens).toEqual(toyGreedy(prompt(20, 7), rx.tokens.length, VOCAB));
    expect(ry.tokens).toEqual(toyGreedy(prompt(9, 8), 30, VOCAB));
    expect(rz).toMatchObject({ finishReason: "cancelled", tokens: [] });
    const m = engine.metrics();
    expect(m.targetPagesUsed).toBe(0);
    expect(m.finishedByReason.cancelled).toBe(2);
    // A cancel after the finish is a no-op; the engine keeps serving.
    handle.cancel();
    const again = await engine.submit({ promptIds: prompt(20, 7), maxNewTokens: 8 }).result;
    expect(again.tokens).toEqual(toyGreedy(prompt(20, 7), 8, VOCAB));
    await engine.close();
  });

  it("a throwing sink cancels its request, whose result rejects with the sink's error", async () => {
    const { engine } = await toyEngine();
    const bad = engine.submit({ promptIds: [1, 2], maxNewTokens: 50 }, {
      onTokens() {
        throw new Error("client went away");
      },
    });
    const good = engine.submit({ promptIds: [3, 4], maxNewTokens: 20 });
    await expect(bad.result).rejects.toThrow("client went away");
    expect((await good.result).tokens).toEqual(toyGreedy([3, 4], 20, VOCAB));
    expect(engine.metrics().targetPagesUsed).toBe(0);
    await engine.close();
  });

  it("a bounded queue: submit beyond maxQueued throws QueueFullError at once; invalid requests throw RequestError at submit", async () => {
    const { engine } = await toyEngine({}, { maxQueued: 3 });
    const handles = [0, 1, 2].map((i) => engine.submit({ promptIds: prompt(3, i), maxNewTokens: 4 }));
    expect(() => engine.submit({ promptIds: [1], maxNewTokens: 4 })).toThrow(QueueFullError);
    expect(() => engine.submit({ promptIds: [1], maxNewTokens: 4 })).toThrow(RequestError);
    expect(() => engine.submit({ promptIds: [], maxNewTokens: 4 })).toThrow(QueueFullError);
    expect(engine.metrics().queueLength).toBe(3);
    await Promise.all(handles.map((h) => h.result));
    expect(() => engine.submit({ promptIds: [], maxNewTokens: 4 })).toThrow(/empty prompt/);
    expect(() => engine.submit({ promptIds: [VOCAB], maxNewTokens: 4 })).toThrow(/outside the vocabulary/);
    expect(() => engine.submit({ promptIds: [1], maxNewTokens: -1 })).toThrow(RequestError);
    const live = engine.submit({ id: "dup", promptIds: [1], maxNewTokens: 4 });
    expect(() => engine.submit({ id: "dup", promptIds: [2], maxNewTokens: 4 })).toThrow(/duplicate request id dup/);
    await live.result;
    expect(() => engine.submit({ promptIds: [1], maxNewTokens: 4 }, undefined)).not.toThrow();
    await engine.close();
  });

  it("the loop idles when there is no work (no steps, no spinning) and starts again on submit", async () => {
    const { engine, backend } = await toyEngine();
    await engine.submit({ promptIds: [5, 6], maxNewTokens: 9 }).result;
    const calls = backend.calls.length;
    const steps = engine.metrics().stepCount;
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
    expect(backend.calls.length).toBe(calls);
    expect(engine.metrics().stepCount).toBe(steps);
    const zero = await engine.submit({ promptIds: [5], maxNewTokens: 0 }).result;
    expect(zero).toMatchObject({ tokens: [], finishReason: "length" });
    expect((await engine.submit({ promptIds: [5, 6], maxNewTokens: 9 }).result).tokens).toEqual(toyGreedy([5, 6], 9, VOCAB));
    await engine.close();
  });

  it("close() with work outstanding: the step in flight completes, outstanding results reject, the backend closes, later submits throw", async () => {
    const { engine, backend } = await toyEngine();
    let closing: Promise<void> | null = null;
    const s = recorder((seen) => {
      if (seen >= 3) closing ??= engine.close();
    });
    const running = engine.submit({ promptIds: [7, 8, 9], maxNewTokens: 100 }, s);
    const queued = engine.submit({ promptIds: [1, 2], maxNewTokens: 10, arrivalStep: 500 });
    await expect(running.result).rejects.toThrow(EngineClosedError);
    await expect(queued.result).rejects.toThrow(EngineClosedError);
    await closing;
    expect(backend.closed).toBe(true);
    expect(s.all()).toEqual(toyGreedy([7, 8, 9], s.all().length, VOCAB));
    expect(engine.metrics()).toMatchObject({ targetPagesUsed: 0, queueLength: 0, running: 0 });
    expect(() => engine.submit({ promptIds: [1], maxNewTokens: 1 })).toThrow(EngineClosedError);
    await expect(engine.generate([{ promptIds: [1], maxNewTokens: 1 }])).rejects.toThrow(EngineClosedError);
    await engine.close(); // idempotent
  });

  it("a second close() while the first is still shutting down waits for the backend to close", async () => {
    const { engine, backend } = await toyEngine();
    const running = engine.submit({ promptIds: [7, 8, 9], maxNewTokens: 100 });
    // Both calls while a step is in flight.
    await new Promise((r) => setImmediate(r));
    const first = engine.close();
    await engine.close();
    expect(backend.closed).toBe(true);
    await first;
    await expect(running.result).rejects.toThrow(EngineClosedError);
  });

  it("the invariant still holds online: a step that inflates kvLen rejects every outstanding request and the engine refuses more", async () => {
    class Inflating extends Engine {
      protected override applyDecode(r: RequestState, a: number, t: Int32Array, off: number): void {
        super.applyDecode(r, a, t, off);
        r.kvLen += this.blockSize - (a + 1);
      }
    }
    const m = toyManifest({ blockSize: 4 });
    const engine = await Inflating.create(m, new ToyBackend(1), weightsOf(m));
    const a = engine.submit({ id: "req-7", promptIds: [1, 2], maxNewTokens: 10 });
    const b = engine.submit({ id: "late", promptIds: [1, 2], maxNewTokens: 10, arrivalStep: 50 });
    const err = await a.result.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StateSyncError);
    expect((err as StateSyncError).requestId).toBe("req-7");
    await expect(b.result).rejects.toBeInstanceOf(StateSyncError);
    expect(() => engine.submit({ promptIds: [1], maxNewTokens: 1 })).toThrow(EngineError);
    await engine.close();
  });

  it("generate() runs beside submitted requests, with the same tokens", async () => {
    const { engine } = await toyEngine({ maxRequests: 8 });
    const online = engine.submit({ id: "on", promptIds: prompt(11, 4), maxNewTokens: 30 });
    const batch = await engine.generate([
      { promptIds: prompt(6, 5), maxNewTokens: 15 },
      { promptIds: prompt(2, 6), maxNewTokens: 5, arrivalStep: 3 },
    ]);
    expect(batch.map((r) => r.id)).toEqual(["0", "1"]);
    expect(batch[0].tokens).toEqual(toyGreedy(prompt(6, 5), 15, VOCAB));
    expect(batch[1].tokens).toEqual(toyGreedy(prompt(2, 6), 5, VOCAB));
    expect((await online.result).tokens).toEqual(toyGreedy(prompt(11, 4), 30, VOCAB));
    // A generate call queues all of its requests or none.
    await expect(engine.generate([{ id: "k", promptIds: [1], maxNewTokens: 3 }, { id: "k", promptIds: [2], maxNewTokens: 3 }])).rejects.toThrow(/duplicate/);
    expect(engine.metrics().requestsSubmitted).toBe(3);
    await engine.close();
  });
});
