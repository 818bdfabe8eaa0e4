import type { SendLogCursor, SendLogPage, SendLogRow } from '@shared/send-log-types';

/** Rows per `queryLog` call: about five screens, and the page size the backend is benchmarked on. */
export const PAGE_SIZE = 100;
/** Pages kept in memory (≈ 3,000 rows); older ones are dropped and fetched again when scrolled back to. */
export const MAX_CACHED_PAGES = 30;
/** Requests under way at once; the rest wait, and pages scrolled past meanwhile are never asked for. */
const MAX_IN_FLIGHT = 2;
/** Page-start cursors kept; 20,000 covers a 2,000,000-row log at 24 bytes each. */
const MAX_CURSORS = 20_000;

/** How to fetch one page: after a cursor (fast at any depth) or, for a jump, by offset. */
export interface PageRequest {
  offset?: number;
  after?: SendLogCursor;
}

export type PageFetcher = (request: PageRequest) => Promise<SendLogPage>;

/**
 * The rows behind the virtual table for one filter: a small LRU of pages (never the whole log), the
 * cursors that lead to the next page, and a queue that only asks for the pages the admin still looks at.
 * Row `i` is the i-th newest row that matches the filter.
 */
export class PageCache {
  private readonly pages = new Map<number, SendLogRow[]>();
  /** `cursors.get(k)`: where page k starts (the `next` of page k-1). */
  private readonly cursors = new Map<number, SendLogCursor>();
  private readonly inFlight = new Set<number>();
  private wanted: number[] = [];
  private failed = false;
  private disposed = false;
  /** Number of rows, once a page came back short (the end of the filter's rows). */
  private endCount: number | undefined;

  constructor(
    private readonly fetchPage: PageFetcher,
    private readonly onChange: () => void,
  ) {}

  /** The row at `index`, or undefined while its page is not loaded. */
  row(index: number): SendLogRow | undefined {
    const page = this.pages.get(Math.floor(index / PAGE_SIZE));
    return page?.[index % PAGE_SIZE];
  }

  /** Exact row count once the last page was seen; undefined before. */
  get knownEnd(): number | undefined {
    return this.endCount;
  }

  /** One past the highest row index loaded so far. */
  get loadedEnd(): number {
    let end = 0;
    for (const [k, rows] of this.pages) end = Math.max(end, k * PAGE_SIZE + rows.length);
    return end;
  }

  /** True when the last request failed (the table says so; scrolling retries). */
  get hasFailed(): boolean {
    return this.failed;
  }

  get cachedPages(): number {
    return this.pages.size;
  }

  /** Stores a page fetched elsewhere (the first page comes with the totals). */
  put(k: number, page: SendLogPage): void {
    this.store(k, page);
  }

  /**
   * Asks for the pages covering rows `first..last` (inclusive) and row `also`. Replaces what was wanted before, so a
   * fast scroll through a million rows only fetches where it stops, not everything in between.
   */
  ensure(first: number, last: number, also?: number): void {
    if (this.disposed) return;
    const pages = new Set<number>();
    for (let k = Math.floor(first / PAGE_SIZE); k <= Math.floor(last / PAGE_SIZE); k += 1) pages.add(k);
    if (also !== undefined && also >= 0) pages.add(Math.floor(also / PAGE_SIZE));
    const wanted: number[] = [];
    for (const k of pages) {
      if (this.endCount !== undefined && k * PAGE_SIZE >= this.endCount && k > 0) continue;
      if (!this.pages.has(k)) wanted.push(k);
      else this.touch(k);
    }
    this.wanted = wanted;
    this.pump();
  }

  /**
   * Fetches the given pages again (auto-refresh of in-flight statuses) and swaps them in when all are
   * back. When the log grew at the top (`shifted`), every other page and cursor is stale and dropped.
   */
  async refresh(pageIndices: number[], shifted: boolean): Promise<void> {
    if (shifted) {
      for (const k of [...this.pages.keys()]) if (!pageIndices.includes(k)) this.pages.delete(k);
      this.cursors.clear();
      this.endCount = undefined;
    }
    const sorted = [...new Set(pageIndices)].sort((a, b) => a - b);
    const fresh: [number, SendLogPage][] = [];
    for (const k of sorted) {
      const previous = fresh.at(-1);
      // Consecutive pages follow each other's cursor; the first one of a run goes by offset.
      const after = previous && previous[0] === k - 1 ? (previous[1].next ?? undefined) : shifted ? undefined : this.cursors.get(k);
      const page = await this.fetchPage(k === 0 ? {} : after ? { after } : { offset: k * PAGE_SIZE });
      if (this.disposed) return;
      fresh.push([k, page]);
    }
    for (const [k, page] of fresh) this.store(k, page);
    this.onChange();
  }

  /** Stops all further fetching (filter changed, page left); answers still under way are ignored. */
  dispose(): void {
    this.disposed = true;
    this.wanted = [];
  }

  private pump(): void {
    while (!this.disposed && this.inFlight.size < MAX_IN_FLIGHT && this.wanted.length > 0) {
      const k = this.wanted.shift()!;
      if (this.pages.has(k) || this.inFlight.has(k)) continue;
      void this.load(k);
    }
  }

  private async load(k: number): Promise<void> {
    this.inFlight.add(k);
    const after = this.cursors.get(k);
    let page: SendLogPage | undefined;
    try {
      page = await this.fetchPage(k === 0 ? {} : after ? { after } : { offset: k * PAGE_SIZE });
      this.failed = false;
    } catch {
      this.failed = true;
    } finally {
      this.inFlight.delete(k);
    }
    if (this.disposed) return;
    if (page) this.store(k, page);
    this.onChange();
    if (page) this.pump();
  }

  private store(k: number, page: SendLogPage): void {
    this.pages.set(k, page.rows);
    this.touch(k);
    if (page.next) {
      if (this.cursors.size >= MAX_CURSORS) this.cursors.clear();
      this.cursors.set(k + 1, page.next);
    } else {
      this.endCount = k * PAGE_SIZE + page.rows.length;
    }
    this.evict();
  }

  /** Marks a page as recently used (Map order is the LRU order). */
  private touch(k: number): void {
    const rows = this.pages.get(k);
    if (!rows) return;
    this.pages.delete(k);
    this.pages.set(k, rows);
  }

  private evict(): void {
    for (const k of this.pages.keys()) {
      if (this.pages.size <= MAX_CACHED_PAGES) break;
      this.pages.delete(k);
    }
  }
}
