import { expect, it } from 'vitest';
import { sessionRowId } from './ids.js';
import { openConnection } from './open-store.js';
import { SessionFactsCache } from './usage-stream.js';
import { describeBackends } from './__test__/backends.js';
import { activity, at, batch, tokens, usage } from './__test__/fixtures.js';
import { useTestStore } from './__test__/open-test-store.js';

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describeBackends('streaming reads on $name', (backend) => {
  const h = useTestStore(backend);

  /** 9 records in two sessions; three share one instant so the keyset's id tiebreak matters. */
  async function seed(): Promise<void> {
    await h.store.ingest(
      batch({
        activity: [activity({ sessionExternalId: 'a', firstAt: at(0), lastAt: at(100), projectPath: '/work/alpha' })],
        usage: [
          ...[0, 10, 20, 20, 20, 30].map((m, i) =>
            usage({
              dedupeKey: `a${i}`,
              sessionExternalId: 'a',
              occurredAt: at(m),
              tokens: tokens({ input: i + 1 }),
              line: i + 1,
            }),
          ),
          usage({
            dedupeKey: 'a-orig',
            replayKey: 'msg-x',
            sessionExternalId: 'a',
            occurredAt: at(40),
            tokens: tokens({ input: 100 }),
          }),
        ],
      }),
    );
    await h.store.ingest(
      batch({
        agentType: 'codex',
        host: 'host-2',
        checkpoint: { ...batch().checkpoint, agentType: 'codex', path: '/logs/b.jsonl' },
        activity: [activity({ sessionExternalId: 'b', firstAt: at(5), lastAt: at(60), projectPath: '/work/beta' })],
        usage: [
          usage({ dedupeKey: 'b0', sessionExternalId: 'b', occurredAt: at(5), tokens: tokens({ output: 7 }) }),
          usage(
            { dedupeKey: 'b1', sessionExternalId: 'b', occurredAt: at(60), tokens: tokens({ output: 9 }), model: null },
            { priced: false, calculatedCostNanos: 0n },
          ),
        ],
      }),
    );
  }

  it('streams every record exactly once, in time order, across pages of any size', async () => {
    await seed();
    const all = await collect(h.store.usage.stream({}));
    expect(all).toHaveLength(9);
    for (const pageSize of [1, 2, 3, 100]) {
      const paged = await collect(h.store.usage.stream({}, { pageSize }));
      expect(paged.map((r) => r.id)).toEqual(all.map((r) => r.id));
    }
    const times = all.map((r) => r.occurredAt.getTime());
    expect(times).toEqual([...times].sort((x, y) => x - y));
    expect(new Set(all.map((r) => r.dedupeKey)).size).toBe(9);
    const a3 = all.find((r) => r.dedupeKey === 'a3')!;
    expect(a3).toMatchObject({
      agentType: 'claude-code',
      sessionExternalId: 'a',
      sessionId: sessionRowId('claude-code', 'a'),
      projectPath: '/work/alpha',
      host: 'host-1',
      sourcePath: '/logs/a.jsonl',
      sourceLine: 4,
      tokens: tokens({ input: 4 }),
      calculatedCostNanos: 1_000n,
      priced: true,
    });
    expect(all.find((r) => r.dedupeKey === 'b1')).toMatchObject({
      model: null,
      priced: false,
      projectPath: '/work/beta',
    });
  });

  it('filters by half-open range, agent type, host, project and session', async () => {
    await seed();
    const keys = async (filter: Parameters<typeof h.store.usage.stream>[0]) =>
      (await collect(h.store.usage.stream(filter, { pageSize: 2 }))).map((r) => r.dedupeKey);
    expect(await keys({ from: new Date(at(20)), to: new Date(at(40)) })).toEqual(['a2', 'a3', 'a4', 'a5']);
    expect(await keys({ agentTypes: ['codex'] })).toEqual(['b0', 'b1']);
    expect(await keys({ hosts: ['host-2'] })).toEqual(['b0', 'b1']);
    expect(await keys({ project: 'alpha', to: new Date(at(10)) })).toEqual(['a0']);
    expect(await keys({ sessionIds: [sessionRowId('codex', 'b')] })).toEqual(['b0', 'b1']);
  });

  it('keeps every session of a page looked up when its cache of sessions overflows and starts afresh', async () => {
    const ids = ['c1', 'c2', 'c3', 'c4'];
    await h.store.ingest(
      batch({
        activity: ids.map((id) =>
          activity({ sessionExternalId: id, firstAt: at(1), lastAt: at(2), projectPath: `/p/${id}` }),
        ),
      }),
    );
    const connection = await openConnection(h.target.target);
    const cache = new SessionFactsCache(connection.sql, 3);
    const rowsOf = (...externals: string[]) => externals.map((e) => ({ session_id: sessionRowId('claude-code', e) }));
    await cache.load(rowsOf('c1', 'c2'));
    // c1 is cached, c3 and c4 are not: 2 + 2 > 3 clears the cache, and c1 must be looked up again.
    const page = rowsOf('c1', 'c3', 'c4');
    await cache.load(page);
    expect(page.map((row) => cache.factsOf(row)?.projectPath)).toEqual(['/p/c1', '/p/c3', '/p/c4']);
    await connection.close();
  });

  it('pages sessions that start at the same instant by id, each once, and matches projects in any case', async () => {
    const ids = ['s3', 's1', 's4', 's2', 's5'];
    await h.store.ingest(
      batch({
        activity: ids.map((id) =>
          activity({ sessionExternalId: id, firstAt: at(5), lastAt: at(9), projectPath: `/Work/${id}` }),
        ),
      }),
    );
    const paged = await collect(h.store.sessions.stream({}, { pageSize: 2 }));
    const byId = [...paged].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(paged.map((s) => s.id)).toEqual(byId.map((s) => s.id));
    expect(paged.map((s) => s.externalId).sort()).toEqual([...ids].sort());
    expect((await collect(h.store.sessions.stream({ project: 'work/S3' }))).map((s) => s.externalId)).toEqual(['s3']);
  });

  it('streams sessions oldest first with keyset pages and finds records by dedupe or replay key', async () => {
    await seed();
    const sessions = await collect(h.store.sessions.stream({}, { pageSize: 1 }));
    expect(sessions.map((s) => s.externalId)).toEqual(['a', 'b']);
    expect((await collect(h.store.sessions.stream({ since: new Date(at(101)) }))).map((s) => s.externalId)).toEqual([]);
    expect((await collect(h.store.sessions.stream({ since: new Date(at(61)) }))).map((s) => s.externalId)).toEqual([
      'a',
    ]);
    const found = await h.store.usage.find('claude-code', { dedupeKeys: ['a1', 'nope'], replayKeys: ['msg-x'] });
    expect(found.map((r) => r.dedupeKey)).toEqual(['a1', 'a-orig']);
    expect(await h.store.usage.find('codex', { dedupeKeys: ['a1'] })).toEqual([]);
  });
});
