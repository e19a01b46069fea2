import { describe, expect, it } from "vitest";
import { BlockTable, PagePool, PagePoolError, TRASH_PAGE } from "../../runtime/pages.js";

describe("page pool", () => {
  it("never hands out the trash page and tracks owners", () => {
    const pool = new PagePool(4, 8);
    expect(pool.capacity).toBe(3);
    const got = [pool.allocate(7), pool.allocate(7), pool.allocate(8)];
    expect(got.sort()).toEqual([1, 2, 3]);
    expect(pool.allocate(9)).toBe(-1);
    expect(pool.freeCount).toBe(0);
    expect(pool.ownerOf(TRASH_PAGE)).toBe(-2);
    expect(() => pool.release(got[0], 99)).toThrow(/owned by/);
    expect(() => pool.release(TRASH_PAGE, 7)).toThrow(PagePoolError);
  });

  it("rejects a pool without room beside the trash page", () => {
    expect(() => new PagePool(1, 8)).toThrow(/at least 2/);
  });
});

describe("block table", () => {
  it("allocates all or nothing, maps positions to flat rows, and frees everything", () => {
    const pool = new PagePool(5, 4);
    const a = new BlockTable(3, 4);
    expect(a.ensure(pool, 5, 1)).toBe(true); // positions 0..4: two pages
    expect(a.count).toBe(2);
    expect(a.missing(9)).toBe(1);
    const b = new BlockTable(3, 4);
    expect(b.ensure(pool, 12, 2)).toBe(false); // needs 3, 2 free: nothing taken
    expect(b.count).toBe(0);
    expect(pool.freeCount).toBe(2);
    expect(a.row(5 - 1)).toBe(a.pages[1] * 4 + 0);
    expect(a.row(3)).toBe(a.pages[0] * 4 + 3);
    expect(() => a.row(8)).toThrow(/no page/);
    expect(() => a.ensure(pool, 13, 1)).toThrow(/table holds 3/);
    a.releaseAll(pool, 1);
    expect(pool.freeCount).toBe(4);
    expect([...a.pages]).toEqual([0, 0, 0]);
  });

  it("a verify step at n committed writes positions n-1..n+K-2: the table must cover n+K-1 positions", () => {
    const pool = new PagePool(10, 4);
    const t = new BlockTable(8, 4);
    const n = 8;
    const K = 4;
    t.ensure(pool, n - 1 + K, 1);
    for (let p = n - 1; p <= n + K - 2; p++) expect(() => t.row(p)).not.toThrow();
    expect(t.capacity).toBeGreaterThanOrEqual(n + K - 1);
  });
});
