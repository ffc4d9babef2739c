import type { SessionStatus, StoredSession } from '@rimuru/core';
import type { SessionStore } from '@rimuru/db';

export interface StatusChange {
  session: StoredSession;
  status: SessionStatus;
}

/** Never wait longer than this between checks (a clock jump, a hook end written by another process). */
const MAX_CHECK_MS = 60_000;
const MIN_CHECK_MS = 250;
const ACTIVE_LIMIT = 10_000;

/**
 * Remembers which sessions were active at the last look and reports the difference. Status
 * is derived from last activity, the window and the hook end (core's rule, applied by the
 * store's `activeSince` filter), so nothing is written: a session flips to completed by the
 * passing of time alone, and this tracker is what notices it.
 */
export class SessionStatusTracker {
  private active = new Map<string, StoredSession>();
  private first = true;

  constructor(
    private readonly store: SessionStore,
    private readonly now: () => Date,
    private readonly windowMs: number,
  ) {}

  async refresh(): Promise<{ changes: StatusChange[]; nextExpiryMs: number }> {
    const now = this.now().getTime();
    const sessions = await this.store.sessions.list({
      activeSince: new Date(now - this.windowMs),
      limit: ACTIVE_LIMIT,
    });
    const next = new Map(sessions.map((s) => [s.id, s]));
    const changes: StatusChange[] = [];
    for (const [id, session] of this.active) {
      if (!next.has(id))
        changes.push({ session: (await this.store.sessions.find(id, 1))[0] ?? session, status: 'completed' });
    }
    // The first look only establishes what is active; it is not news.
    if (!this.first)
      for (const [id, session] of next) if (!this.active.has(id)) changes.push({ session, status: 'active' });
    this.first = false;
    this.active = next;
    let nextExpiryMs = MAX_CHECK_MS;
    for (const s of sessions) nextExpiryMs = Math.min(nextExpiryMs, s.endedAt.getTime() + this.windowMs - now + 1);
    return { changes, nextExpiryMs: Math.max(MIN_CHECK_MS, nextExpiryMs) };
  }
}
