/**
 * The paged KV pool on the host side: which pages are free, who owns each page, and each request's
 * block table. Page 0 is the trash page: padded rows and tokens write there and it is never handed out.
 * Pages are allocated before the step that writes them and freed when a request finishes or is
 * preempted; an allocation either fully succeeds or changes nothing.
 */

export class PagePoolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PagePoolError";
  }
}

export const TRASH_PAGE = 0;
const FREE = -1;

export class PagePool {
  /** Free page ids as a stack (low ids handed out first on a fresh pool). */
  private readonly freeStack: Int32Array;
  private top: number;
  /** Owner of each page, FREE when free; the trash page is owned by nobody and never free. */
  private readonly owners: Int32Array;

  constructor(
    readonly numPages: number,
    readonly pageSize: number,
    readonly label = "target",
  ) {
    if (numPages < 2) throw new PagePoolError(`${label} pool: ${numPages} pages; page 0 is the trash page, so at least 2 are needed`);
    this.freeStack = new Int32Array(numPages - 1);
    for (let i = 0; i < numPages - 1; i++) this.freeStack[i] = numPages - 1 - i;
    this.top = numPages - 1;
    this.owners = new Int32Array(numPages).fill(FREE);
    this.owners[TRASH_PAGE] = -2;
  }

  get freeCount(): number {
    return this.top;
  }

  /** Pages that can ever be handed out (all but the trash page). */
  get capacity(): number {
    return this.numPages - 1;
  }

  get usedCount(): number {
    return this.numPages - 1 - this.top;
  }

  /** A free page for `owner` (>= 0), or -1 when the pool is exhausted. */
  allocate(owner: number): number {
    if (this.top === 0) return -1;
    const page = this.freeStack[--this.top];
    if (this.owners[page] !== FREE) throw new PagePoolError(`${this.label} pool: page ${page} on the free list is owned by ${this.owners[page]}`);
    this.owners[page] = owner;
    return page;
  }

  release(page: number, owner: number): void {
    if (page === TRASH_PAGE) throw new PagePoolError(`${this.label} pool: the trash page cannot be released`);
    if (this.owners[page] !== owner) {
      throw new PagePoolError(`${this.label} pool: request ${owner} releases page ${page} owned by ${this.owners[page] === FREE ? "nobody" : this.owners[page]}`);
    }
    this.owners[page] = FREE;
    this.freeStack[this.top++] = page;
  }

  /** Owner of a page: -1 free, -2 the trash page. */
  ownerOf(page: number): number {
    return this.owners[page];
  }
}

/** One request's pages, in position order; unused entries stay 0 (the trash page). */
export class BlockTable {
  readonly pages: Int32Array;
  private n = 0;

  constructor(
    /** Block-table width of the kernels (`pagesPerRequest`). */
    readonly width: number,
    readonly pageSize: number,
  ) {
    this.pages = new Int32Array(width);
  }

  get count(): number {
    return this.n;
  }

  /** Positions `0..capacity-1` have a page. */
  get capacity(): number {
    return this.n * this.pageSize;
  }

  /** Pages still missing for positions `0..positions-1`. */
  missing(positions: number): number {
    const need = Math.ceil(positions / this.pageSize);
    return need > this.n ? need - this.n : 0;
  }

  /**
   * Give positions `0..positions-1` a page: all or nothing. False when the pool has too few free
   * pages (nothing allocated then); throws past the table width, which the scheduler never reaches.
   */
  ensure(pool: PagePool, positions: number, owner: number): boolean {
    const need = Math.ceil(positions / this.pageSize);
    if (need <= this.n) return true;
    if (need > this.width) {
      throw new PagePoolError(`${pool.label} block table: ${positions} positions need ${need} pages, the table holds ${this.width}`);
    }
    if (need - this.n > pool.freeCount) return false;
    while (this.n < need) this.pages[this.n++] = pool.allocate(owner);
    return true;
  }

  releaseAll(pool: PagePool, owner: number): void {
    for (let i = 0; i < this.n; i++) {
      pool.release(this.pages[i], owner);
      this.pages[i] = TRASH_PAGE;
    }
    this.n = 0;
  }

  /** Flat pool row (`page * pageSize + slot`) of a position. */
  row(position: number): number {
    const i = Math.floor(position / this.pageSize);
    if (i >= this.n) throw new PagePoolError(`position ${position} has no page (${this.n} pages of ${this.pageSize})`);
    return this.pages[i] * this.pageSize + (position % this.pageSize);
  }
}
