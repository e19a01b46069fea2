import { describe, expect, it } from "vitest";
import { draftCacheHost, DraftCapacityError, DraftSlots, TRASH_SLOT } from "../../runtime/draft-slots.js";
import { toyManifest } from "./helpers/toy.js";

describe("draft slots", () => {
  it("hands out slots 1..maxRequests, never the trash slot", () => {
    const s = new DraftSlots(4, 32);
    const got = [s.acquire(1), s.acquire(2), s.acquire(3)];
    expect(got.sort()).toEqual([1, 2, 3]);
    expect(got).not.toContain(TRASH_SLOT);
    expect(s.acquire(4)).toBe(-1);
    s.release(2, 2);
    expect(s.acquire(5)).toBe(2);
    expect(() => s.release(2, 1)).toThrow(DraftCapacityError);
    expect(s.row(3, 5)).toBe(3 * 32 + 5);
  });

  it("refuses a write that dynamic_update_slice would clamp", () => {
    const s = new DraftSlots(2, 16);
    expect(() => s.assertFits(12, 4, "a")).not.toThrow();
    expect(() => s.assertFits(13, 4, "a")).toThrow(/request a: .*would clamp/);
  });

  it("builds the host side of either layout from the manifest", () => {
    const st = draftCacheHost(toyManifest({ draftLayout: "static", maxRequests: 3 }).caches.draft);
    expect(st?.kind).toBe("static");
    if (st?.kind === "static") expect(st.slots.slots).toBe(4);
    const pg = draftCacheHost(toyManifest({ draftLayout: "paged", draftPages: 9 }).caches.draft);
    expect(pg?.kind).toBe("paged");
    if (pg?.kind === "paged") expect(pg.pool.capacity).toBe(8);
    expect(draftCacheHost(null)).toBeNull();
  });
});
