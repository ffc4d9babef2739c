import type { StoredSession } from '@rimuru/core';
import type { TuiRuntime } from './tui-runtime.js';
import { clampCursor, moveCursor, type CursorMove, type ListCursor } from './view-models/list-cursor.js';
import { PageCache } from './view-models/page-cache.js';
import {
  initialQueryState,
  toPageQuery,
  toSearchQuery,
  type SessionQueryState,
} from './view-models/session-query-state.js';

/**
 * The Sessions view's data: query state, the row count, a page cache over the store and the
 * cursor. Only the visible window (plus its page) is ever fetched.
 */
export class SessionsController {
  state: SessionQueryState = initialQueryState();
  cursor: ListCursor = { selected: 0, top: 0 };
  count = 0;
  height = 20;
  private readonly cache: PageCache<StoredSession>;

  constructor(
    private readonly rt: TuiRuntime,
    private readonly now: () => Date,
  ) {
    this.cache = new PageCache(this.fetcher(), 200);
  }

  private queryContext() {
    return { now: this.now(), zone: this.rt.zone, activeWindowMs: this.rt.activeWindowMs, costMode: this.rt.costMode };
  }

  private fetcher() {
    const state = this.state;
    return (offset: number, limit: number) =>
      this.rt.store.sessions.page(toPageQuery(state, this.queryContext(), { offset, limit }));
  }

  /** New sort, filter or search: back to the top, fetched afresh. */
  async apply(state: SessionQueryState): Promise<void> {
    this.state = state;
    this.cache.reset(this.fetcher());
    this.cursor = { selected: 0, top: 0 };
    this.count = await this.rt.store.sessions.countSearched(toSearchQuery(state, this.queryContext()));
    await this.ensureVisible();
  }

  /**
   * A live update: recount and refetch the visible window in place, keeping the selected session
   * selected (by id) when it is still on screen, else keeping the row position.
   */
  async refresh(): Promise<void> {
    const selectedId = this.selected()?.id;
    this.count = await this.rt.store.sessions.countSearched(toSearchQuery(this.state, this.queryContext()));
    this.cursor = clampCursor(this.cursor, this.count, this.height);
    const { start, end } = this.window();
    await this.cache.refresh(start, end);
    if (selectedId !== undefined) {
      const rows = this.cache.slice(start, end);
      const at = rows.findIndex((s) => s?.id === selectedId);
      if (at >= 0)
        this.cursor = clampCursor(
          { selected: start + at, top: this.cursor.top + (start + at - this.cursor.selected) },
          this.count,
          this.height,
        );
    }
  }

  async move(move: CursorMove): Promise<void> {
    this.cursor = moveCursor(this.cursor, move, this.count, this.height);
    await this.ensureVisible();
  }

  setHeight(height: number): void {
    this.height = Math.max(1, height);
    this.cursor = clampCursor(this.cursor, this.count, this.height);
  }

  /** The rows on screen; undefined for a row whose page is still loading. */
  visible(): (StoredSession | undefined)[] {
    const end = Math.min(this.count, this.cursor.top + this.height);
    return this.cache.slice(this.cursor.top, end);
  }

  selected(): StoredSession | undefined {
    return this.cache.get(this.cursor.selected);
  }

  /** The screen plus one screen either side, so scrolling rarely waits. */
  private window(): { start: number; end: number } {
    const start = Math.max(0, this.cursor.top - this.height);
    const end = Math.min(this.count, this.cursor.top + 2 * this.height);
    return { start, end: Math.max(start + 1, end) };
  }

  ensureVisible(): Promise<void> {
    if (this.count === 0) return Promise.resolve();
    const { start, end } = this.window();
    return this.cache.ensure(start, end);
  }
}
