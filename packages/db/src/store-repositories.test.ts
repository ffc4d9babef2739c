import { readdirSync, readlinkSync, realpathSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sessionRowId } from './ids.js';
import { openStore } from './open-store.js';
import { describeBackends, sqliteBackend } from './__test__/backends.js';
import { activity, at, batch, tokens, usage } from './__test__/fixtures.js';
import { useTestStore } from './__test__/open-test-store.js';
import type { SessionStore, StoredUsageRecord } from './store.js';

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** Three sessions of two agents; one has records at one instant (order by id) and a hook end. */
async function seed(store: SessionStore): Promise<void> {
  await store.ingest(
    batch({
      activity: [activity({ sessionExternalId: 'a', firstAt: at(0), lastAt: at(30), projectPath: '/p/a', title: 't' })],
      usage: [
        usage({
          dedupeKey: 'a1',
          sessionExternalId: 'a',
          occurredAt: at(10),
          tokens: tokens({ input: 3, cacheWrite1h: 2 }),
        }),
        usage(
          { dedupeKey: 'a2', sessionExternalId: 'a', occurredAt: at(10), model: 'other', speed: 'fast' },
          { recordedCostNanos: 7n },
        ),
        usage({ dedupeKey: 'a3', sessionExternalId: 'a', occurredAt: at(5), replayKey: 'r1' }),
        usage(
          { dedupeKey: 'b1', sessionExternalId: 'b', occurredAt: at(40), model: null },
          { priced: false, calculatedCostNanos: 0n },
        ),
      ],
    }),
  );
  await store.ingest(
    batch({
      agentType: 'codex',
      agentName: 'codex-work',
      host: 'host-2',
      checkpoint: { ...batch().checkpoint, agentType: 'codex', path: '/logs/c.jsonl' },
      activity: [
        activity({
          sessionExternalId: 'c',
          firstAt: at(50),
          lastAt: at(90),
          tokensKnown: false,
          models: ['gpt-x'],
          requestCount: 4,
        }),
      ],
    }),
  );
  await store.sessions.markByHook({
    agentType: 'codex',
    agentName: 'codex-work',
    host: 'host-2',
    externalId: 'c',
    at: new Date(at(95)),
    ended: true,
    projectPath: '/p/c',
  });
}

/** A session as both stores must agree on (updatedAt is each store's own clock). */
function comparable(store: SessionStore) {
  return store.sessions.list({}).then((list) => list.map(({ updatedAt: _, ...rest }) => rest));
}

describeBackends('repositories on $name', (backend) => {
  const h = useTestStore(backend);

  it('lists agents with counts and last activity that a fold of the sessions gives', async () => {
    await seed(h.store);
    const sessions = await h.store.sessions.list({});
    const agents = await h.store.agents.list();
    expect(agents.map((a) => [a.type, a.name, a.host])).toEqual([
      ['claude-code', 'claude-code-default', 'host-1'],
      ['codex', 'codex-work', 'host-2'],
    ]);
    for (const agent of agents) {
      const own = sessions.filter((s) => s.agentName === agent.name && s.host === agent.host);
      expect(agent.sessionCount).toBe(own.length);
      expect(agent.lastActivityAt?.getTime()).toBe(Math.max(...own.map((s) => s.endedAt.getTime())));
    }
  });

  it('marks sessions by hook: creates, ends, resumes, keeps the first project', async () => {
    const mark = { agentType: 'claude-code' as const, agentName: 'claude-code-default', host: 'h', externalId: 'new' };
    await h.store.sessions.markByHook({ ...mark, at: new Date(at(1)), ended: false, projectPath: '/p/one' });
    let [s] = await h.store.sessions.list({});
    expect([s!.startedAt.toISOString(), s!.endedAt.toISOString(), s!.endedByHook, s!.projectPath]).toEqual([
      at(1),
      at(1),
      false,
      '/p/one',
    ]);
    await h.store.sessions.markByHook({ ...mark, at: new Date(at(9)), ended: true, projectPath: '/p/two' });
    [s] = await h.store.sessions.list({});
    expect([s!.endedAt.toISOString(), s!.endedByHook, s!.projectPath]).toEqual([at(9), true, '/p/one']);
    await h.store.sessions.markByHook({ ...mark, at: new Date(at(5)), ended: false, projectPath: null });
    [s] = await h.store.sessions.list({});
    expect([s!.endedAt.toISOString(), s!.endedByHook]).toEqual([at(9), false]);
  });

  it("reads one session's records oldest first (then by id), as the stream gives them", async () => {
    await seed(h.store);
    const id = sessionRowId('claude-code', 'a');
    const records = await h.store.usage.ofSession(id.toUpperCase());
    const streamed = await collect(h.store.usage.stream({ sessionIds: [id] }));
    const facts = (r: StoredUsageRecord) => [
      r.model,
      r.occurredAt.toISOString(),
      r.speed,
      r.tokens,
      r.calculatedCostNanos,
      r.recordedCostNanos,
      r.priced,
    ];
    expect(records.map(facts)).toEqual(streamed.map(facts));
    expect(records.map((r) => r.occurredAt.toISOString())).toEqual([at(5), at(10), at(10)]);
    expect(records[2]).toMatchObject({ model: 'other', speed: 'fast', recordedCostNanos: 7n });
    expect(await h.store.usage.ofSession('nope')).toEqual([]);
  });

  it('replicates every change to another store in keyset pages; re-applying changes nothing', async () => {
    await seed(h.store);
    const other = await backend.create();
    const target = await openStore(other.target);
    try {
      let cursor = null;
      let batches = 0;
      for (;;) {
        const page = await h.store.replication.changesSince(cursor, 1);
        if (page.next === null) break;
        expect(page.sessions).toHaveLength(1);
        await target.replication.apply(page);
        await target.replication.apply(page);
        cursor = page.next;
        batches++;
      }
      expect(batches).toBe(3);
      expect(await comparable(target)).toEqual(await comparable(h.store));
      expect(await target.usage.totals({})).toEqual(await h.store.usage.totals({}));
      expect((await target.agents.list()).map((a) => [a.id, a.sessionCount])).toEqual(
        (await h.store.agents.list()).map((a) => [a.id, a.sessionCount]),
      );
      const all = await h.store.replication.changesSince(null, 10);
      expect(all.usage.map((u) => u.dedupeKey).sort()).toEqual(['a1', 'a2', 'a3', 'b1']);
      expect(all.usage.find((u) => u.dedupeKey === 'a1')?.tokens.cacheWrite1h).toBe(2n);
      expect(all.sessions.find((s) => s.externalId === 'c')).toMatchObject({
        activityModels: ['gpt-x'],
        activityRequestCount: 4,
        endedByHook: true,
      });
    } finally {
      await target.close();
      await other.cleanup();
    }
  });
});

describe('one connection per store', () => {
  it('opens the SQLite file once for reads, hooks, repricing, replication and streams', async () => {
    if (process.platform !== 'linux') return;
    const t = await sqliteBackend.create();
    const path = (t.target as { path: string }).path;
    const store = await openStore(t.target);
    try {
      await seed(store);
      await store.agents.list();
      await store.usage.ofSession(sessionRowId('claude-code', 'a'));
      await store.usage.reprice(() => ({ calculatedCostNanos: 5n, priced: true }));
      await store.replication.apply(await store.replication.changesSince(null, 10));
      await collect(store.usage.stream({}));
      await store.sources.diagnosticCounts();
      const real = realpathSync(path);
      const handles = readdirSync('/proc/self/fd').filter((fd) => {
        try {
          return readlinkSync(`/proc/self/fd/${fd}`) === real;
        } catch {
          return false;
        }
      });
      expect(handles).toHaveLength(1);
    } finally {
      await store.close();
      await t.cleanup();
    }
  });
});
