/**
 * A window onto a long list fetched page by page: only pages near the viewport are asked for and
 * kept, so 50 000 sessions cost what two pages cost. The fetch is injected (a store query in the
 * app, a plain function in tests).
 */
export type PageFetch<T> = (offset: number, limit: number) => Promise<T[]>;

export class PageCache<T> {
  private pages = new Map<number, T[]>();
  private pending = new Map<number, Promise<void>>();
  /** Bumped by `reset`: answers to older requests are dropped. */
  private generation = 0;

  constructor(
    private fetch: PageFetch<T>,
    readonly pageSize = 200,
    private readonly maxPages = 8,
  ) {}

  /** Forget everything (new sort, filter or search); the next `ensure` fetches afresh. */
  reset(fetch?: PageFetch<T>): void {
    if (fetch) this.fetch = fetch;
    this.generation += 1;
    this.pages.clear();
    this.pending.clear();
  }

  /** The rows in [start, end) that are loaded; undefined where a page is not loaded yet. */
  slice(start: number, end: number): (T | undefined)[] {
    const out: (T | undefined)[] = [];
    for (let i = start; i < end; i++) {
      const page = this.pages.get(Math.floor(i / this.pageSize));
      out.push(page?.[i % this.pageSize]);
    }
    return out;
  }

  get(index: number): T | undefined {
    return this.slice(index, index + 1)[0];
  }

  /** Loads every page touching [start, end); resolves when they are in. */
  async ensure(start: number, end: number): Promise<void> {
    const first = Math.floor(Math.max(0, start) / this.pageSize);
    const last = Math.floor(Math.max(0, end - 1) / this.pageSize);
    const waits: Promise<void>[] = [];
    for (let p = first; p <= last; p++) waits.push(this.load(p));
    await Promise.all(waits);
    this.evict(first, last);
  }

  /**
   * Refetches the pages touching [start, end) and swaps them in at once (a live update): rows
   * on screen never flash empty.
   */
  async refresh(start: number, end: number): Promise<void> {
    const generation = this.generation;
    const first = Math.floor(Math.max(0, start) / this.pageSize);
    const last = Math.floor(Math.max(0, end - 1) / this.pageSize);
    const fresh = new Map<number, T[]>();
    for (let p = first; p <= last; p++) fresh.set(p, await this.fetch(p * this.pageSize, this.pageSize));
    if (generation !== this.generation) return;
    this.pages = fresh;
    this.pending.clear();
  }

  private load(page: number): Promise<void> {
    if (this.pages.has(page)) return Promise.resolve();
    const existing = this.pending.get(page);
    if (existing) return existing;
    const generation = this.generation;
    const promise = this.fetch(page * this.pageSize, this.pageSize).then(
      (rows) => {
        if (generation !== this.generation) return;
        this.pages.set(page, rows);
        this.pending.delete(page);
      },
      (error: unknown) => {
        if (generation === this.generation) this.pending.delete(page);
        throw error;
      },
    );
    this.pending.set(page, promise);
    return promise;
  }

  /** Drops the pages farthest from the viewport beyond `maxPages`. */
  private evict(first: number, last: number): void {
    if (this.pages.size <= this.maxPages) return;
    const distance = (p: number) => (p < first ? first - p : p > last ? p - last : 0);
    const victims = [...this.pages.keys()].sort((a, b) => distance(b) - distance(a));
    for (const p of victims.slice(0, this.pages.size - this.maxPages)) this.pages.delete(p);
  }

  /** How many pages are held (for tests of the memory bound). */
  get loadedPages(): number {
    return this.pages.size;
  }
}
