import { describe, expect, it } from "vitest";
import { BlockTable, PagePool } from "../../runtime/pages.js";
import { RequestState, StateSyncError } from "../../runtime/request.js";

function req(prompt: number[], opts: { maxNew?: number; stop?: number[]; K?: number; usesDraft?: boolean } = {}) {
  const pool = new PagePool(64, 4);
  const table = new BlockTable(32, 4);
  table.ensure(pool, 100, 0);
  return new RequestState(0, "r", prompt, opts.maxNew ?? 50, new Set(opts.stop ?? []), opts.usesDraft ?? true, opts.K ?? 4, table, null);
}

describe("request state", () => {
  it("prefill commits the first token; each step advances by a+1, never K", () => {
    const r = req([1, 2, 3]);
    r.phase = "prefilling";
    r.applyPrefill(2, null);
    expect(r.phase).toBe("prefilling");
    r.assertSynced();
    r.applyPrefill(1, 40);
    expect(r.tokens).toEqual([1, 2, 3, 40]);
    expect(r.kvLen).toBe(3);
    r.assertSynced();
    r.applyStep(2, [7, 8, 9, 10], 0);
    expect(r.tokens).toEqual([1, 2, 3, 40, 7, 8, 9]);
    expect(r.kvLen).toBe(6);
    expect(r.draftCtxLen).toBe(6);
    r.assertSynced();
    r.applyStep(0, [5, 0, 0, 0], 0);
    const s = r.stats();
    expect(s.steps).toBe(2);
    expect(s.tau).toBe(2); // (3 + 1) / 2
    expect(s.acceptedLengths).toEqual([2, 0]);
    expect(s.acceptance).toEqual([0.5, 0.5, 0]);
  });

  it("throws StateSyncError naming the request when a length is inflated", () => {
    const r = req([1, 2]);
    r.phase = "prefilling";
    r.applyPrefill(2, 3);
    r.applyStep(1, [4, 5, 6, 7], 0);
    r.draftCtxLen += 2; // advanced by K instead of a+1
    expect(() => r.assertSynced()).toThrow(StateSyncError);
    expect(() => r.assertSynced()).toThrow(/request r: draftCtxLen 6 != committed - 1 = 4/);
    const q = req([1, 2]);
    q.phase = "prefilling";
    q.applyPrefill(2, 3);
    q.kvLen += 1;
    expect(() => q.assertSynced()).toThrow(/kvLen 3 != committed - 1 = 2/);
  });

  it("rejects an accepted length outside 0..K-1", () => {
    const r = req([1], { K: 4 });
    r.phase = "prefilling";
    r.applyPrefill(1, 2);
    expect(() => r.applyStep(4, [1, 2, 3, 4, 5], 0)).toThrow(/accepted length 4 outside 0..3/);
  });

  it("after preemption, recompute prefills everything but the last committed token", () => {
    const r = req([1, 2, 3]);
    r.phase = "prefilling";
    r.applyPrefill(3, 9);
    r.applyStep(1, [4, 5, 0, 0], 0);
    r.resetForRecompute();
    expect(r.prefillTarget).toBe(5);
    expect(r.kvLen).toBe(0);
    r.assertSynced();
    r.phase = "prefilling";
    r.applyPrefill(5, 123); // the recompute's next token is ignored: it is already committed
    expect(r.tokens).toEqual([1, 2, 3, 9, 4, 5]);
    r.assertSynced();
    expect(r.stats().preemptions).toBe(1);
  });

  it("cuts output after a stop token and at maxNewTokens / maxContext", () => {
    const r = req([1, 2], { maxNew: 5, stop: [77] });
    r.phase = "prefilling";
    r.applyPrefill(2, 10);
    expect(r.finishCheck(100)).toBeNull();
    r.applyStep(3, [11, 77, 12, 13], 0);
    expect(r.finishCheck(100)).toBe("stop");
    expect(r.output(100)).toEqual([10, 11, 77]);
    const q = req([1, 2], { maxNew: 3 });
    q.phase = "prefilling";
    q.applyPrefill(2, 10);
    q.applyStep(3, [11, 12, 13, 14], 0);
    expect(q.finishCheck(100)).toBe("length");
    expect(q.output(100)).toEqual([10, 11, 12]);
    const c = req([1, 2], { maxNew: 50 });
    c.phase = "prefilling";
    c.applyPrefill(2, 10);
    c.applyStep(3, [11, 12, 13, 14], 0);
    expect(c.finishCheck(5)).toBe("max_context");
    expect(c.output(5)).toEqual([10, 11, 12]);
  });
});
