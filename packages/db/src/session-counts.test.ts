import { sessionStatus, type SessionCounts, type StoredSession } from '@rimuru/core';

/** Brute force over the listed rows: sessionStatus decides what is active. */
function sessionCountsOf(
  sessions: readonly StoredSession[],
  opts: { now: Date; activeWindowMs: number },
): SessionCounts {
  let activeSessions = 0;
  let totalDurationMs = 0;
  for (const s of sessions) {
    if (sessionStatus(s, opts) === 'active') activeSessions++;
    totalDurationMs += Math.max(0, s.endedAt.getTime() - s.startedAt.getTime());
  }
  return { sessions: sessions.length, activeSessions, totalDurationMs };
}
import { expect, it } from 'vitest';
import { describeBackends } from './__test__/backends.js';
import { activity, at, batch, T0 } from './__test__/fixtures.js';
import { useTestStore } from './__test__/open-test-store.js';
import type { SessionFilter } from './store.js';

describeBackends('sessionCounts on $name', (backend) => {
  const h = useTestStore(backend);

  /** Sessions with odd-millisecond durations, one ended by a hook, one with a zero duration, two agents. */
  async function seed(): Promise<void> {
    await h.store.ingest(
      batch({
        activity: [
          activity({ sessionExternalId: 'a', firstAt: at(0, 1), lastAt: at(10, 999) }),
          activity({ sessionExternalId: 'b', firstAt: at(100, 7), lastAt: at(200, 3) }),
          activity({ sessionExternalId: 'c', firstAt: at(190, 333), lastAt: at(190, 333) }),
        ],
      }),
    );
    await h.store.ingest(
      batch({
        agentType: 'codex',
        host: 'host-2',
        activity: [
          activity({ sessionExternalId: 'x', firstAt: at(50, 123), lastAt: at(195, 456) }),
          activity({ sessionExternalId: 'y', firstAt: at(60), lastAt: at(61, 1) }),
        ],
      }),
    );
    await h.store.sessions.markByHook({
      agentType: 'codex',
      agentName: 'codex-default',
      host: 'host-2',
      externalId: 'x',
      at: new Date(at(198, 5)),
      ended: true,
      projectPath: null,
    });
  }

  /** What the listed rows count, summed in memory. */
  async function inMemory(filter: SessionFilter, now: Date, activeWindowMs: number): Promise<SessionCounts> {
    return sessionCountsOf(await h.store.sessions.list(filter), { now, activeWindowMs });
  }

  it('agrees with the in-memory counts for every filter and window', async () => {
    await seed();
    const filters: SessionFilter[] = [
      {},
      { agentTypes: ['codex'] },
      { agentTypes: [] },
      { hosts: ['host-1'] },
      { since: new Date(at(55)), until: new Date(at(110)) },
      { since: new Date(at(500)) },
      { limit: 1, offset: 1 },
    ];
    const now = new Date(T0 + 200 * 60_000);
    for (const filter of filters) {
      for (const windowMs of [0, 3, 5 * 60_000, 30 * 60_000, 10 ** 9]) {
        const activeSince = new Date(now.getTime() - windowMs);
        const { limit: _limit, offset: _offset, ...all } = filter;
        expect(await h.store.sessions.counts(filter, activeSince), JSON.stringify({ filter, windowMs })).toEqual(
          await inMemory(all, now, windowMs),
        );
      }
    }
  });

  it('gives exact figures', async () => {
    await seed();
    const now = new Date(T0 + 200 * 60_000);
    // a: 10 min + 998 ms; b: 100 min − 4 ms; c: 0; x: 145 min + 333 ms + hook end at 198:05 → ended_at widened;
    // y: 1 min + 1 ms. Active within 15 min of 200: b and c (x ended by its hook).
    const counts = await h.store.sessions.counts({}, new Date(now.getTime() - 15 * 60_000));
    expect(counts.sessions).toBe(5);
    expect(counts.activeSessions).toBe(2);
    const rows = await h.store.sessions.list({});
    const expected = rows.reduce((sum, s) => sum + Math.max(0, s.endedAt.getTime() - s.startedAt.getTime()), 0);
    expect(counts.totalDurationMs).toBe(expected);
    expect(counts.totalDurationMs % 1000).not.toBe(0);
    expect(await h.store.sessions.counts({ agentTypes: [] }, now)).toEqual({
      sessions: 0,
      activeSessions: 0,
      totalDurationMs: 0,
    });
  });
});
