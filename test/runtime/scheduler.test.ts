import { describe, expect, it } from "vitest";
import { Scheduler, type SchedulerConfig } from "../../runtime/scheduler.js";
import { Engine, type StepEvent } from "../../runtime/engine.js";
import { ToyBackend, toyGreedy, toyManifest } from "./helpers/toy.js";

function sched(o: { numPages: number; pageSize?: number; maxAdmitted?: number; prefillTokens?: number; width?: number }) {
  const m = toyManifest({ numPages: o.numPages, pageSize: o.pageSize ?? 4, maxContext: 64 });
  const cfg: SchedulerConfig = {
    targetCache: m.caches.target,
    draftCache: m.caches.draft,
    maxAdmitted: o.maxAdmitted ?? 4,
    decodeWidth: o.width ?? 4,
    maxContext: 64,
    prefillTokens: o.prefillTokens ?? 16,
    prefillRequests: 4,
  };
  return new Scheduler(cfg);
}

describe("scheduler", () => {
  it("packs prompts ragged into one call, chunking a long prompt across calls", () => {
    const s = sched({ numPages: 64, prefillTokens: 16 });
    const a = s.newRequest("a", Array(10).fill(1), 5, new Set(), true, 4);
    const b = s.newRequest("b", Array(20).fill(2), 5, new Set(), true, 4);
    s.submit(a);
    s.submit(b);
    const c1 = s.schedulePrefill();
    expect(c1.map((c) => [c.req.id, c.start, c.rows, c.completes])).toEqual([
      ["a", 0, 10, true],
      ["b", 0, 6, false],
    ]);
    for (const c of c1) c.req.applyPrefill(c.rows, c.completes ? 0 : null);
    const c2 = s.schedulePrefill();
    expect(c2.map((c) => [c.req.id, c.start, c.rows, c.completes])).toEqual([["b", 6, 14, true]]);
    // a request's pages cover its whole prompt plus one decode write from admission on
    expect(a.table.capacity).toBeGreaterThanOrEqual(10 + 4);
    expect(a.draftSlot).toBeGreaterThan(0);
  });

  it("new requests wait while the pool is short, in FIFO order", () => {
    const s = sched({ numPages: 9, pageSize: 4 }); // 8 usable pages = 32 positions
    const a = s.newRequest("a", Array(20).fill(1), 5, new Set(), true, 4); // 24 positions: 6 pages
    const b = s.newRequest("b", Array(8).fill(1), 5, new Set(), true, 4); // 12 positions: 3 pages
    const c = s.newRequest("c", Array(1).fill(1), 5, new Set(), true, 4); // would fit, but waits behind b
    s.submit(a);
    s.submit(b);
    s.submit(c);
    expect(s.schedulePrefill().map((x) => x.req.id)).toEqual(["a"]);
    expect(s.waiting.map((r) => r.id)).toEqual(["b", "c"]);
    s.finish(a, "length");
    expect(s.pool.freeCount).toBe(8);
    expect(s.schedulePrefill().map((x) => x.req.id)).toEqual(["b", "c"]);
  });

  it("preempts the newest admitted request when a decode step finds the pool empty", () => {
    const s = sched({ numPages: 9, pageSize: 4 });
    const a = s.newRequest("a", Array(12).fill(1), 50, new Set(), true, 4); // 16 positions: 4 pages
    const b = s.newRequest("b", Array(12).fill(1), 50, new Set(), true, 4); // 4 pages
    s.submit(a);
    s.submit(b);
    for (const c of s.schedulePrefill()) c.req.applyPrefill(c.rows, 5);
    expect(s.pool.freeCount).toBe(0);
    a.applyStep(3, [1, 1, 1, 1], 0); // a now needs positions 0..19: a fifth page
    const batch = s.scheduleDecode()!;
    expect(batch.map((r) => r.id)).toEqual(["a"]);
    expect(s.preemptedLog.map((r) => r.id)).toEqual(["b"]);
    expect(b.phase).toBe("waiting");
    expect(b.kvLen).toBe(0);
    expect(b.prefillTarget).toBe(12); // 13 committed: recompute all but the last
    expect(b.table.count).toBe(0);
    expect(s.waiting[0]).toBe(b);
  });

  it("finishes a request that can never fit the pool with reason capacity instead of crashing", () => {
    const s = sched({ numPages: 3, pageSize: 4 }); // 2 usable pages: 8 positions
    const big = s.newRequest("big", Array(6).fill(1), 50, new Set(), true, 4);
    s.submit(big);
    expect(s.schedulePrefill()).toEqual([]);
    expect(big.phase).toBe("finished");
    expect(big.finishReason).toBe("capacity");
    const small = s.newRequest("small", [1], 50, new Set(), true, 4);
    s.submit(small);
    for (const c of s.schedulePrefill()) c.req.applyPrefill(c.rows, 5);
    small.applyStep(3, [1, 1, 1, 1], 0);
    small.applyStep(3, [1, 1, 1, 1], 0); // kvLen 9: the next write needs 13 positions
    expect(s.scheduleDecode()).toEqual([]);
    expect(small.finishReason).toBe("capacity");
    expect(s.pool.freeCount).toBe(2);
  });

  it("takePreempted hands out the requests preempted since the last take, then starts over", () => {
    const s = sched({ numPages: 9, pageSize: 4 });
    const a = s.newRequest("a", Array(12).fill(1), 50, new Set(), true, 4);
    const b = s.newRequest("b", Array(12).fill(1), 50, new Set(), true, 4);
    s.submit(a);
    s.submit(b);
    for (const c of s.schedulePrefill()) c.req.applyPrefill(c.rows, 5);
    expect(s.takePreempted()).toEqual([]);
    a.applyStep(3, [1, 1, 1, 1], 0);
    s.scheduleDecode(); // preempts b
    const taken = s.takePreempted();
    expect(taken.map((r) => r.id)).toEqual(["b"]);
    expect(s.preemptedLog).toEqual([]);
    expect(s.takePreempted()).toEqual([]);
    expect(taken.map((r) => r.id)).toEqual(["b"]); // the taken report is not cleared by the next take
    expect(s.waiting[0]).toBe(b); // taking the report changes no queue
  });

  it("takeFinished hands out the requests finished since the last take, in finishing order, then starts over", () => {
    const s = sched({ numPages: 64 });
    const a = s.newRequest("a", [1, 2], 5, new Set(), true, 4);
    const b = s.newRequest("b", [3], 5, new Set(), true, 4);
    const c = s.newRequest("c", [4], 5, new Set(), true, 4);
    for (const r of [a, b, c]) s.submit(r);
    for (const ch of s.schedulePrefill()) ch.req.applyPrefill(ch.rows, 7);
    expect(s.takeFinished()).toEqual([]);
    s.finish(b, "stop");
    s.finish(a, "length");
    const taken = s.takeFinished();
    expect(taken.map((r) => [r.id, r.finishReason])).toEqual([
      ["b", "stop"],
      ["a", "length"],
    ]);
    expect(s.finishedLog).toEqual([]);
    s.finish(c, "max_context");
    expect(s.takeFinished().map((r) => r.id)).toEqual(["c"]);
    expect(taken.map((r) => r.id)).toEqual(["b", "a"]);
    expect(s.idle).toBe(true);
    expect(s.pool.usedCount).toBe(0);
  });

  it("finishUnsubmitted finishes a never-submitted request without pages and outside the step report", () => {
    const s = sched({ numPages: 64 });
    const z = s.newRequest("z", [1, 2, 3], 0, new Set(), true, 4);
    s.finishUnsubmitted(z, "length");
    expect(z.phase).toBe("finished");
    expect(z.finishReason).toBe("length");
    expect(s.takeFinished()).toEqual([]);
    expect(s.idle).toBe(true);
    expect(s.pool.usedCount).toBe(0);
    expect(z.table.count).toBe(0);
    // Only for requests the scheduler has never seen.
    const w = s.newRequest("w", [1], 5, new Set(), true, 4);
    s.submit(w);
    expect(() => s.finishUnsubmitted(w, "length")).toThrow(/submitted/);
    expect(() => s.finishUnsubmitted(z, "length")).toThrow(/finished/);
    s.schedulePrefill();
    expect(() => s.finishUnsubmitted(w, "length")).toThrow(/prefilling/);
    expect(w.phase).toBe("prefilling");
  });

  it("its queues and logs are read-only from outside", () => {
    const s = sched({ numPages: 64 });
    // Type-level only (tsc checks these lines); never run.
    const mutate = () => {
      // @ts-expect-error the waiting queue is the scheduler's
      s.waiting.push(s.newRequest("x", [1], 1, new Set(), true, 4));
      // @ts-expect-error admitted requests are the scheduler's
      s.admitted.length = 0;
      // @ts-expect-error clear the report with takePreempted()
      s.preemptedLog.length = 0;
      // @ts-expect-error clear the report with takeFinished()
      s.finishedLog.length = 0;
    };
    expect(typeof mutate).toBe("function");
  });
});

describe("the engine's step report through the scheduler", () => {
  it("reports each finish and preemption in exactly one step; a maxNewTokens 0 request in none", async () => {
    const m = toyManifest({ numPages: 9, pageSize: 4, blockSize: 4, maxContext: 64 });
    const weights = new Map(m.weights.map((w) => [w.name, new Float32Array(w.shape.reduce((a, b) => a * b, 1))]));
    const events: StepEvent[] = [];
    const engine = await Engine.create(m, new ToyBackend(0.3), weights, { onStep: (e) => events.push(e) });
    const reqs = [
      { id: "zero", promptIds: [1, 2], maxNewTokens: 0 },
      { id: "a", promptIds: Array(12).fill(3), maxNewTokens: 12 },
      { id: "b", promptIds: Array(12).fill(4), maxNewTokens: 12 },
      { id: "late", promptIds: [5], maxNewTokens: 3, arrivalStep: 4 },
    ];
    const res = await engine.generate(reqs);
    expect(res[0]).toMatchObject({ id: "zero", tokens: [], finishReason: "length" });
    for (let i = 1; i < reqs.length; i++) expect(res[i].tokens).toEqual(toyGreedy(reqs[i].promptIds, reqs[i].maxNewTokens, 97));
    const finished = events.flatMap((e) => e.finished.map((f) => f.id));
    expect([...finished].sort()).toEqual(["a", "b", "late"]);
    const preempted = events.flatMap((e) => e.preempted);
    expect(preempted.length).toBe(res.reduce((n, r) => n + r.stats.preemptions, 0));
    expect(preempted.length).toBeGreaterThan(0); // 8 usable pages for two 12-token prompts growing to 24
  });
});

describe("scheduler: cycles per decode call", () => {
  /** One request prefilled with `prompt` tokens, decoding. */
  function decoding(s: Scheduler, prompt: number) {
    const r = s.newRequest("a", Array(prompt).fill(1), 50, new Set(), true, 4);
    s.submit(r);
    for (const c of s.schedulePrefill()) c.req.applyPrefill(c.rows, c.completes ? 1 : null);
    return r;
  }

  it("picks the largest C whose C*K positions get pages, and takes them", () => {
    const s = sched({ numPages: 64, pageSize: 4 });
    const r = decoding(s, 8);
    const batch = s.scheduleDecode()!;
    expect(s.pickCycles(batch, [1, 2, 4])).toBe(4);
    // kvLen 8 + 4 cycles of K = 4: pages for 24 positions.
    expect(r.table.capacity).toBeGreaterThanOrEqual(r.kvLen + 16);
  });

  it("falls back to a smaller C when the pool is short, and to 1 when nothing more fits", () => {
    // kvLen 8 after prefill: C cycles need 8 + 4C positions.
    const pick = (numPages: number) => {
      const s = sched({ numPages, pageSize: 4 });
      const r = decoding(s, 8);
      return [s.pickCycles(s.scheduleDecode()!, [1, 2, 4]), r.table.count];
    };
    expect(pick(8)).toEqual([4, 6]); // 7 usable pages: 24 positions fit
    expect(pick(5)).toEqual([2, 4]); // 4 usable pages: 16 positions, not 24
    expect(pick(4)).toEqual([1, 3]); // 3 usable pages: only the one cycle scheduleDecode gave pages for
  });

  it("counts the worst case of the step in flight, and with drainNearLimit drains instead of leaving a request out", () => {
    const m = toyManifest({ numPages: 64, pageSize: 4, maxContext: 64 });
    const cfg = { targetCache: m.caches.target, draftCache: m.caches.draft, maxAdmitted: 4, decodeWidth: 4, maxContext: 64, prefillTokens: 16, prefillRequests: 4 };
    const s = new Scheduler({ ...cfg, drainNearLimit: true });
    const r = decoding(s, 8);
    const inFlight = { prefilling: new Set<never>(), decoding: new Set([r]), cycles: 2 };
    // In flight: up to 2 * 4 positions past kvLen 8; this call takes 2 more cycles: 24 positions.
    expect(s.pickCycles(s.scheduleDecode(inFlight)!, [1, 2], inFlight)).toBe(2);
    expect(r.table.capacity).toBeGreaterThanOrEqual(24);
    // 50 new tokens allowed: 9 committed + 8 in flight < 50 goes on; a request 5 short of its limit waits, by draining.
    const near = new Scheduler({ ...cfg, drainNearLimit: true });
    const q = near.newRequest("q", Array(8).fill(1), 6, new Set(), true, 4);
    near.submit(q);
    for (const c of near.schedulePrefill()) c.req.applyPrefill(c.rows, c.completes ? 1 : null);
    expect(near.scheduleDecode({ prefilling: new Set(), decoding: new Set([q]), cycles: 2 })).toBeNull();
    const split = new Scheduler(cfg);
    const q2 = split.newRequest("q", Array(8).fill(1), 6, new Set(), true, 4);
    split.submit(q2);
    for (const c of split.schedulePrefill()) c.req.applyPrefill(c.rows, c.completes ? 1 : null);
    expect(split.scheduleDecode({ prefilling: new Set(), decoding: new Set([q2]), cycles: 2 })).toEqual([]);
  });
});
