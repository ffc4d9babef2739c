import { expect, it } from 'vitest';
import { sessionRowId } from './ids.js';
import { describeBackends } from './__test__/backends.js';
import { activity, at, batch, tokens, usage } from './__test__/fixtures.js';
import { useTestStore } from './__test__/open-test-store.js';
import type { SessionSort } from './store.js';

describeBackends('paged, sorted, searched sessions on $name', (backend) => {
  const h = useTestStore(backend);

  /**
   * a: 30 min, 1 000 tokens, highest cost; b: newest, 5 min, most tokens; c: longest, no token
   * data (sorts last for tokens and cost); d: oldest, 1 min, tokens and cost between a and b.
   */
  async function seed(): Promise<void> {
    await h.store.ingest(
      batch({
        activity: [
          activity({ sessionExternalId: 'a', firstAt: at(0), lastAt: at(30), projectPath: '/work/alpha' }),
          activity({ sessionExternalId: 'b', firstAt: at(100), lastAt: at(105), projectPath: '/work/beta_x' }),
          activity({ sessionExternalId: 'd', firstAt: at(-10), lastAt: at(-9), projectPath: '/work/delta' }),
        ],
        usage: [
          usage(
            { dedupeKey: 'ua', sessionExternalId: 'a', occurredAt: at(10), tokens: tokens({ input: 1000 }) },
            { calculatedCostNanos: 9_000n },
          ),
          usage(
            {
              dedupeKey: 'ub',
              sessionExternalId: 'b',
              occurredAt: at(101),
              model: 'gpt-5-codex-special',
              tokens: tokens({ input: 40_000, cacheRead: 10_000 }),
            },
            { calculatedCostNanos: 1_000n },
          ),
          usage(
            { dedupeKey: 'ud', sessionExternalId: 'd', occurredAt: at(-10), tokens: tokens({ output: 2000 }) },
            { calculatedCostNanos: 5_000n },
          ),
        ],
      }),
    );
    await h.store.ingest(
      batch({
        agentType: 'cursor',
        activity: [
          activity({ sessionExternalId: 'c', firstAt: at(50), lastAt: at(150), projectPath: null, tokensKnown: false }),
        ],
      }),
    );
  }
  const ids = (list: { externalId: string }[]) => list.map((s) => s.externalId);
  const page = (sort: SessionSort, extra: { search?: string; offset?: number; limit?: number } = {}) =>
    h.store.sessions.page({
      filter: {},
      sort,
      offset: extra.offset ?? 0,
      limit: extra.limit ?? 50,
      search: extra.search,
    });

  it('sorts by start, duration, tokens and cost in the database, biggest first', async () => {
    await seed();
    expect(ids(await page('started'))).toEqual(['b', 'c', 'a', 'd']);
    expect(ids(await page('duration'))).toEqual(['c', 'a', 'b', 'd']);
    expect(ids(await page('tokens'))).toEqual(['b', 'd', 'a', 'c']);
    expect(ids(await page('cost'))).toEqual(['a', 'd', 'b', 'c']);
  });

  it('pages without overlap and counts the whole list', async () => {
    await seed();
    const pages = [await page('duration', { limit: 3 }), await page('duration', { offset: 3, limit: 3 })];
    expect(pages.map(ids)).toEqual([['c', 'a', 'b'], ['d']]);
    expect(await page('started', { offset: 10 })).toEqual([]);
    expect(await page('started', { limit: 0 })).toEqual([]);
    expect(await h.store.sessions.countSearched({ filter: {} })).toBe(4);
  });

  it('searches id prefix, external id, project, model, agent type and name, case-insensitively', async () => {
    await seed();
    expect(ids(await page('started', { search: sessionRowId('claude-code', 'a').slice(0, 8) }))).toEqual(['a']);
    expect(ids(await page('started', { search: 'ALPHA' }))).toEqual(['a']);
    expect(ids(await page('started', { search: 'codex-special' }))).toEqual(['b']);
    expect(ids(await page('started', { search: 'cursor' }))).toEqual(['c']);
    expect(ids(await page('started', { search: 'claude-code-default' }))).toEqual(['b', 'a', 'd']);
    // Wildcards are literal, and the search is a bound parameter, not SQL.
    expect(await page('started', { search: '%' })).toEqual([]);
    expect(await page('started', { search: "x' OR 1=1 --" })).toEqual([]);
    expect(ids(await page('started', { search: 'beta_' }))).toEqual(['b']);
    expect(await h.store.sessions.countSearched({ filter: {}, search: 'work/' })).toBe(3);
    expect(ids(await page('started', { search: '   ' }))).toEqual(['b', 'c', 'a', 'd']);
  });

  it('combines search with the session filter', async () => {
    await seed();
    const filter = { agentTypes: ['claude-code'], since: new Date(at(20)) };
    expect(ids(await h.store.sessions.page({ filter, search: 'work', sort: 'tokens', offset: 0, limit: 10 }))).toEqual([
      'b',
      'a',
    ]);
    expect(await h.store.sessions.countSearched({ filter, search: 'beta' })).toBe(1);
    expect(await h.store.sessions.countSearched({ filter: { agentTypes: [] }, search: 'a' })).toBe(0);
    // Completed = the complement of active at the same instant.
    const cut = new Date(at(100));
    expect(
      ids(await h.store.sessions.page({ filter: {}, completedBefore: cut, sort: 'started', offset: 0, limit: 10 })),
    ).toEqual(['a', 'd']);
    expect(
      ids(await h.store.sessions.page({ filter: { activeSince: cut }, sort: 'started', offset: 0, limit: 10 })),
    ).toEqual(['b', 'c']);
    expect(await h.store.sessions.countSearched({ filter: {}, completedBefore: cut, search: 'delta' })).toBe(1);
  });
});
