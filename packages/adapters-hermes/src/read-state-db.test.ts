import { join } from 'node:path';
import Database from 'libsql';
import { collectEvents, usageEvents } from '@rimuru/test-utils/claude';
import { createTempHome } from '@rimuru/test-utils/fs-home';
import { describe, expect, it } from 'vitest';
import { readStateDb, sessionEvents } from './read-state-db.js';

const row = {
  id: 's1',
  source: 'cli',
  model: 'gpt-5.2',
  parentId: null,
  title: null,
  startedAt: 1_750_000_000.25,
  endedAt: null,
  firstMessageAt: null,
  lastMessageAt: 1_750_000_060,
  tokens: { input: 1200, output: 300, cacheRead: 50, cacheWrite: 20, reasoning: 10 },
  actualCostUsd: 0.34,
  apiCalls: 3,
};

describe('Hermes state.db', () => {
  it('turns a session row into one usage event whose rank grows with the running total', () => {
    const [activity, usage] = sessionEvents(row);
    expect(activity).toMatchObject({
      firstAt: '2025-06-15T15:06:40.250Z',
      lastAt: '2025-06-15T15:07:40.000Z',
      tokensKnown: true,
      requestCount: 3,
    });
    expect(usage).toMatchObject({
      dedupeKey: 'state:s1',
      rank: 1570,
      occurredAt: '2025-06-15T15:07:40.000Z',
      tokens: { input: 1200, output: 300, cacheRead: 50, cacheWrite5m: 20, reasoning: 10 },
      recordedCostUsd: 0.34,
      // The running total of 3 API calls: an aggregate, never priced as one long request.
      requestCount: 3,
    });
    const unknownCalls = sessionEvents({ ...row, apiCalls: null })[1];
    expect(unknownCalls).toMatchObject({ type: 'usage', requestCount: null });
    expect(sessionEvents({ ...row, apiCalls: 0 })[1]).toMatchObject({ type: 'usage', requestCount: null });
    const later = sessionEvents({ ...row, tokens: { ...row.tokens, output: 400 } })[1];
    expect(later?.type === 'usage' && later.rank).toBeGreaterThan(1570);
  });

  it('gives no usage for an all-zero session and unknown tokens for a schema without counters', () => {
    expect(
      sessionEvents({ ...row, tokens: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0, reasoning: 0 } }),
    ).toHaveLength(1);
    expect(sessionEvents({ ...row, tokens: null })).toMatchObject([{ type: 'activity', tokensKnown: false }]);
    expect(sessionEvents({ ...row, startedAt: null, lastMessageAt: null })).toMatchObject([{ type: 'diagnostic' }]);
  });

  it('reads an older schema (no token columns, no messages table) read-only', async () => {
    const home = await createTempHome('rimuru-hermes-db-');
    try {
      const path = join(home.dir, 'state.db');
      const db = new Database(path);
      db.exec(
        "CREATE TABLE sessions (id TEXT PRIMARY KEY, source TEXT, model TEXT, started_at REAL); INSERT INTO sessions VALUES ('old', 'cli', 'm', 1700000000)",
      );
      db.close();
      const events = await collectEvents(readStateDb(path));
      expect(usageEvents(events)).toEqual([]);
      expect(events).toMatchObject([
        { type: 'activity', sessionExternalId: 'old', tokensKnown: false, models: ['m'] },
        { type: 'checkpoint' },
      ]);
    } finally {
      await home.cleanup();
    }
  });
});
