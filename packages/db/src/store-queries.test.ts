import { expect, it } from 'vitest';
import { agentRowId, sessionRowId } from './ids.js';
import { SCHEMA_VERSION } from './open-store.js';
import { describeBackends } from './__test__/backends.js';
import { activity, at, batch, tokens, usage } from './__test__/fixtures.js';
import { useTestStore } from './__test__/open-test-store.js';

describeBackends('queries on $name', (backend) => {
  const h = useTestStore(backend);

  /** Four sessions over two agent types, two hosts, two agent names. */
  async function seed(): Promise<void> {
    await h.store.ingest(
      batch({
        activity: [
          activity({ sessionExternalId: 'c-old', firstAt: at(0), lastAt: at(10), projectPath: '/work/alpha' }),
          activity({ sessionExternalId: 'c-new', firstAt: at(100), lastAt: at(200), projectPath: '/work/beta_x' }),
        ],
        usage: [
          usage({ dedupeKey: 'u1', sessionExternalId: 'c-new', occurredAt: at(150) }, { calculatedCostNanos: 2_000n }),
        ],
      }),
    );
    await h.store.ingest(
      batch({
        agentType: 'codex',
        agentName: 'codex-work',
        host: 'host-2',
        activity: [
          activity({ sessionExternalId: 'x-mid', firstAt: at(50), lastAt: at(120), projectPath: '/work/alpha' }),
          activity({ sessionExternalId: 'x-100%', firstAt: at(60), lastAt: at(61), projectPath: null }),
        ],
      }),
    );
  }
  const ids = (list: { externalId: string }[]) => list.map((s) => s.externalId);

  it('lists newest first (by end, then start) with limit and offset', async () => {
    await seed();
    expect(ids(await h.store.sessions.list({}))).toEqual(['c-new', 'x-mid', 'x-100%', 'c-old']);
    expect(ids(await h.store.sessions.list({ limit: 2, offset: 1 }))).toEqual(['x-mid', 'x-100%']);
    expect(await h.store.sessions.count({})).toBe(4);
  });

  it('combines every filter', async () => {
    await seed();
    const since = new Date(at(55));
    const until = new Date(at(110));
    expect(ids(await h.store.sessions.list({ agentTypes: ['codex'] }))).toEqual(['x-mid', 'x-100%']);
    expect(ids(await h.store.sessions.list({ agentNames: ['codex-work'], hosts: ['host-2'] }))).toEqual([
      'x-mid',
      'x-100%',
    ]);
    expect(ids(await h.store.sessions.list({ hosts: ['host-1'] }))).toEqual(['c-new', 'c-old']);
    expect(ids(await h.store.sessions.list({ project: 'alpha' }))).toEqual(['x-mid', 'c-old']);
    expect(ids(await h.store.sessions.list({ project: 'beta_' }))).toEqual(['c-new']);
    expect(ids(await h.store.sessions.list({ project: '%' }))).toEqual([]);
    expect(ids(await h.store.sessions.list({ project: 'a_p' }))).toEqual([]);
    expect(ids(await h.store.sessions.list({ project: 'ALPHA' }))).toEqual(['x-mid', 'c-old']);
    expect(ids(await h.store.sessions.list({ since, until }))).toEqual(['c-new', 'x-mid', 'x-100%']);
    expect(
      ids(await h.store.sessions.list({ since, until, project: 'alpha', agentTypes: ['codex', 'claude-code'] })),
    ).toEqual(['x-mid']);
    expect(await h.store.sessions.count({ since, until, hosts: ['host-2'] })).toBe(2);
    expect(ids(await h.store.sessions.list({ activeSince: new Date(at(120)) }))).toEqual(['c-new', 'x-mid']);
    expect(ids(await h.store.sessions.list({ agentTypes: [] }))).toEqual([]);
  });

  it('finds by exact id, exact external id, unique or ambiguous prefix; wildcards are literal', async () => {
    await seed();
    const id = sessionRowId('claude-code', 'c-new');
    expect(ids(await h.store.sessions.find(id))).toEqual(['c-new']);
    expect(ids(await h.store.sessions.find(id.slice(0, 8).toUpperCase()))).toEqual(['c-new']);
    expect(ids(await h.store.sessions.find('x-mid'))).toEqual(['x-mid']);
    expect(ids(await h.store.sessions.find('c-'))).toEqual(['c-new', 'c-old']);
    expect(ids(await h.store.sessions.find('x-1'))).toEqual(['x-100%']);
    expect(ids(await h.store.sessions.find('x-100%'))).toEqual(['x-100%']);
    expect(await h.store.sessions.find('%')).toEqual([]);
    expect(await h.store.sessions.find('_-')).toEqual([]);
    expect(await h.store.sessions.find('C-NEW')).toEqual([]);
    expect(await h.store.sessions.find('nothing')).toEqual([]);
    expect(await h.store.sessions.find('  ')).toEqual([]);
    expect(await h.store.sessions.find('c-', 1)).toHaveLength(1);
  });

  it('an exact external id wins over longer ids it prefixes', async () => {
    await h.store.ingest(
      batch({ activity: [activity({ sessionExternalId: 'abc' }), activity({ sessionExternalId: 'abcd' })] }),
    );
    expect(ids(await h.store.sessions.find('abc'))).toEqual(['abc']);
  });

  it('totals usage records in [from, to), by agent type and host, exactly', async () => {
    await h.store.ingest(
      batch({
        usage: [
          usage(
            { dedupeKey: 'a', occurredAt: at(0), tokens: tokens({ input: 1, cacheWrite1h: 4 }) },
            { calculatedCostNanos: 10n },
          ),
          usage(
            { dedupeKey: 'b', occurredAt: at(10, 999), tokens: tokens({ output: 2, reasoning: 1 }) },
            { calculatedCostNanos: 20n, recordedCostNanos: 25n },
          ),
          usage({ dedupeKey: 'c', occurredAt: at(11), model: 'mystery' }, { calculatedCostNanos: 0n, priced: false }),
        ],
      }),
    );
    await h.store.ingest(
      batch({
        agentType: 'codex',
        host: 'host-2',
        usage: [usage({ dedupeKey: 'a', occurredAt: at(5) }, { calculatedCostNanos: 7n })],
      }),
    );
    const range = { from: new Date(at(0)), to: new Date(at(11)) };
    expect(await h.store.usage.totals(range)).toEqual({
      tokens: { input: 11, output: 7, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 4, reasoning: 1 },
      requestCount: 3,
      calculatedCostNanos: 37n,
      autoCostNanos: 42n,
      recordedCostNanos: 25n,
      unpricedRequestCount: 0,
    });
    expect((await h.store.usage.totals({ ...range, agentTypes: ['claude-code'] })).requestCount).toBe(2);
    expect((await h.store.usage.totals({ ...range, hosts: ['host-2'] })).calculatedCostNanos).toBe(7n);
    expect((await h.store.usage.totals({ from: new Date(at(10, 999)), to: new Date(at(11, 1)) })).requestCount).toBe(2);
    expect((await h.store.usage.totals({ from: new Date(at(11)) })).unpricedRequestCount).toBe(1);
    expect(await h.store.usage.totals({ to: new Date(at(0)) })).toMatchObject({
      requestCount: 0,
      recordedCostNanos: null,
    });
  });

  it('splits one session by model, most tokens first', async () => {
    await h.store.ingest(
      batch({
        usage: [
          usage({ dedupeKey: 'a', model: 'small', tokens: tokens({ input: 1 }) }),
          usage({ dedupeKey: 'b', model: 'big', tokens: tokens({ input: 100 }) }, { calculatedCostNanos: 5n }),
          usage({ dedupeKey: 'c', model: 'big', tokens: tokens({ input: 100 }) }, { calculatedCostNanos: 5n }),
        ],
      }),
    );
    const byModel = await h.store.usage.byModel(sessionRowId('claude-code', 'sess-a'));
    expect(byModel.map((m) => [m.model, m.requestCount, m.tokens.input, m.calculatedCostNanos])).toEqual([
      ['big', 2, 200, 10n],
      ['small', 1, 1, 1_000n],
    ]);
    expect(await h.store.usage.byModel('not-a-uuid')).toEqual([]);
  });

  it('lists agents with session counts and last activity', async () => {
    await seed();
    const agents = await h.store.agents.list();
    expect(agents).toEqual([
      {
        id: agentRowId('host-1', 'claude-code-default'),
        type: 'claude-code',
        name: 'claude-code-default',
        host: 'host-1',
        sessionCount: 2,
        lastActivityAt: new Date(at(200)),
      },
      {
        id: agentRowId('host-2', 'codex-work'),
        type: 'codex',
        name: 'codex-work',
        host: 'host-2',
        sessionCount: 2,
        lastActivityAt: new Date(at(120)),
      },
    ]);
  });

  it('keeps meta values', async () => {
    expect(await h.store.meta.get('last_sync')).toBeNull();
    await h.store.meta.set('last_sync', '2025-01-01T00:00:00Z');
    await h.store.meta.set('last_sync', '2025-02-01T00:00:00Z');
    expect(await h.store.meta.get('last_sync')).toBe('2025-02-01T00:00:00Z');
    expect(await h.store.meta.get('schema_version')).toBe(String(SCHEMA_VERSION));
  });
});
