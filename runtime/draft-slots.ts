/**
 * The draft cache on the host side. Static layout: one slot per admitted request, slots
 * `1..maxRequests`, slot 0 the trash slot for padded rows; every write must fit in the slot's
 * `capacity` rows, because `dynamic_update_slice` would clamp an out-of-range start and corrupt the
 * cache silently. Paged layout: a second page pool, one draft block table per request.
 */
import type { DraftCache } from "../contract/manifest.js";
import { BlockTable, PagePool } from "./pages.js";

export class DraftCapacityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DraftCapacityError";
  }
}

export const TRASH_SLOT = 0;

export class DraftSlots {
  private readonly freeSlots: number[] = [];
  private readonly owners: Int32Array;

  constructor(
    /** Slots including the trash slot (`maxRequests + 1`). */
    readonly slots: number,
    /** Rows per slot. */
    readonly capacity: number,
  ) {
    for (let s = slots - 1; s >= 1; s--) this.freeSlots.push(s);
    this.owners = new Int32Array(slots).fill(-1);
  }

  get freeCount(): number {
    return this.freeSlots.length;
  }

  /** A free slot for `owner`, or -1. */
  acquire(owner: number): number {
    const s = this.freeSlots.pop();
    if (s === undefined) return -1;
    this.owners[s] = owner;
    return s;
  }

  release(slot: number, owner: number): void {
    if (slot === TRASH_SLOT || this.owners[slot] !== owner) {
      throw new DraftCapacityError(`draft slot ${slot}: released by ${owner}, owned by ${this.owners[slot]}`);
    }
    this.owners[slot] = -1;
    this.freeSlots.push(slot);
  }

  ownerOf(slot: number): number {
    return this.owners[slot];
  }

  /** Throws unless rows `start..start+rows-1` fit in a slot: a write past the end would clamp. */
  assertFits(start: number, rows: number, requestId: string): void {
    if (start < 0 || start + rows > this.capacity) {
      throw new DraftCapacityError(
        `request ${requestId}: draft-cache write of ${rows} rows at ${start} passes the slot capacity ${this.capacity} (it would clamp)`,
      );
    }
  }

  /** Flat row of the static cache (`slot * capacity + position`), as prefill's `draft_rows` takes it. */
  row(slot: number, position: number): number {
    return slot * this.capacity + position;
  }
}

/** Host-side draft cache of either layout. */
export type DraftCacheHost =
  | { readonly kind: "static"; readonly slots: DraftSlots }
  | { readonly kind: "paged"; readonly pool: PagePool; readonly width: number; readonly pageSize: number };

export function draftCacheHost(c: DraftCache | null): DraftCacheHost | null {
  if (!c) return null;
  if (c.kind === "static") {
    return { kind: "static", slots: new DraftSlots(c.slots, c.capacity) };
  }
  return { kind: "paged", pool: new PagePool(c.numPages, c.pageSize, "draft"), width: c.pagesPerRequest, pageSize: c.pageSize };
}

export function newDraftTable(h: DraftCacheHost & { kind: "paged" }): BlockTable {
  return new BlockTable(h.width, h.pageSize);
}
