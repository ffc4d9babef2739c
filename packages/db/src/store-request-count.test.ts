import { runRawStoreSql } from '@rimuru/test-utils';
import { afterEach, expect, it } from 'vitest';
import { describeBackends, type TestTarget } from './__test__/backends.js';
import { at, batch, usage } from './__test__/fixtures.js';
import { useTestStore } from './__test__/open-test-store.js';
import { REPRICE_AGGREGATES_META_KEY } from './legacy-aggregates.js';
import { migrateStore, openStore } from './open-store.js';
import { exportStore, importStore } from './store-export.js';
import type { SessionStore } from './store.js';

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** Records of every session of the store, as [agent type, dedupe key, request count], by key. */
async function requestCounts(store: SessionStore): Promise<[string, string, number | null][]> {
  const records = await collect(store.usage.stream({}));
  return records
    .map((r) => [r.agentType, r.dedupeKey, r.requestCount] as [string, string, number | null])
    .sort((a, b) => (a[1] < b[1] ? -1 : 1));
}

describeBackends('request counts of usage records on $name', (backend) => {
  const h = useTestStore(backend);

  it('stores one request, a sum of n and a sum of an unknown number, and every reader returns them', async () => {
    await h.store.ingest(
      batch({
        usage: [
          usage({ dedupeKey: 'one' }),
          usage({ dedupeKey: 'sum-of-5', occurredAt: at(1), requestCount: 5 }),
          usage({ dedupeKey: 'sum-unknown', occurredAt: at(2), requestCount: null }),
        ],
      }),
    );
    const [session] = await h.store.sessions.list({});
    expect((await h.store.usage.ofSession(session!.id)).map((r) => r.requestCount)).toEqual([1, 5, null]);
    expect((await collect(h.store.usage.stream({}))).map((r) => [r.dedupeKey, r.requestCount])).toEqual([
      ['one', 1],
      ['sum-of-5', 5],
      ['sum-unknown', null],
    ]);
    const changes = await h.store.replication.changesSince(null, 10);
    expect(changes.usage.map((u) => [u.dedupeKey, u.requestCount])).toEqual([
      ['one', 1],
      ['sum-of-5', 5],
      ['sum-unknown', null],
    ]);
  });

  it('carries request counts through team push (replication) and a grown copy rewrites them', async () => {
    await h.store.ingest(batch({ usage: [usage({ dedupeKey: 'run', requestCount: null })] }));
    const other = await backend.create();
    const server = await openStore(other.target);
    try {
      await server.replication.apply(await h.store.replication.changesSince(null, 10));
      expect((await collect(server.usage.stream({}))).map((r) => r.requestCount)).toEqual([null]);
      // A later read of the same run with more tokens and a known count replaces the stored copy whole.
      await h.store.ingest(batch({ usage: [usage({ dedupeKey: 'run', rank: 2, requestCount: 3 })] }));
      await server.replication.apply(await h.store.replication.changesSince(null, 10));
      expect((await collect(server.usage.stream({}))).map((r) => r.requestCount)).toEqual([3]);
    } finally {
      await server.close();
      await other.cleanup();
    }
  });

  it('reprices only aggregates when asked to', async () => {
    await h.store.ingest(
      batch({
        usage: [
          usage({ dedupeKey: 'one' }),
          usage({ dedupeKey: 'sum-of-2', occurredAt: at(1), requestCount: 2 }),
          usage({ dedupeKey: 'sum-unknown', occurredAt: at(2), requestCount: null }),
        ],
      }),
    );
    const seen: (number | null)[] = [];
    const result = await h.store.usage.reprice(
      (r) => {
        seen.push(r.requestCount);
        return { calculatedCostNanos: 7n, priced: true };
      },
      undefined,
      { aggregatesOnly: true },
    );
    expect(seen.sort()).toEqual([2, null]);
    expect(result).toMatchObject({ recordsExamined: 2, recordsRepriced: 2, sessionsUpdated: 1 });
    const [session] = await h.store.sessions.list({});
    // 1000 (the fixture's cost of the single request, untouched) + 7 + 7
    expect(session!.calculatedCostNanos).toBe(1_014n);
  });
});

/** One record of each kind an older Rimuru wrote, as [agent type, dedupe key]. */
const LEGACY_RECORDS: [string, string][] = [
  ['claude-code', 'msg_1:req_1'],
  ['cline', '1720000000000:1720000000123'],
  ['cline', '1720000000000:deleted_api_reqs:1720000000456'],
  ['copilot', 'otel:trace-1:span-1'],
  ['copilot', 'sess-c:e16:claude-sonnet-4.5'],
  ['droid', 'sess-d:0:0'],
  ['goose', 'sess-g:ledger:7'],
  ['goose', 'sess-g:session'],
  ['grok', 'prompt-1:grok-4'],
  ['hermes', 'state:sess-h'],
  ['kilo-code', 'task-k:subagent_usage:1720000000789'],
];
/** What schema 6 makes of them: null where the record summed requests. */
const MARKED: Record<string, number | null> = {
  'msg_1:req_1': 1,
  '1720000000000:1720000000123': 1,
  '1720000000000:deleted_api_reqs:1720000000456': null,
  'otel:trace-1:span-1': 1,
  'sess-c:e16:claude-sonnet-4.5': null,
  'sess-d:0:0': null,
  'sess-g:ledger:7': 1,
  'sess-g:session': null,
  'prompt-1:grok-4': null,
  'state:sess-h': null,
  'task-k:subagent_usage:1720000000789': null,
};

/** Rows as a schema-4 Rimuru wrote them: no request_count column exists yet. */
function legacyRowsSql(): string {
  const statements: string[] = [];
  LEGACY_RECORDS.forEach(([agentType, key], i) => {
    const agent = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const session = `10000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    statements.push(
      `INSERT INTO agents (id, type, name, host, created_at) VALUES ('${agent}', '${agentType}', '${agentType}-${i}', 'h', '2025-03-01T10:00:00.000+00:00');`,
    );
    statements.push(`INSERT INTO sessions (id, agent_id, started_at, ended_at, external_id, agent_type, host, created_at, updated_at)
      VALUES ('${session}', '${agent}', '2025-03-01T10:00:00.000+00:00', '2025-03-01T10:00:00.000+00:00', 's${i}', '${agentType}', 'h',
        '2025-03-01T10:00:00.000+00:00', '2025-03-01T10:00:00.000+00:00');`);
    statements.push(`INSERT INTO usage_records (agent_type, dedupe_key, session_id, occurred_at, model, input_tokens)
      VALUES ('${agentType}', '${key}', '${session}', '2025-03-01T10:00:00.000+00:00', 'm', 10);`);
  });
  statements.push(`INSERT INTO model_prices (model, valid_from, input_pico, output_pico, source, created_at)
    VALUES ('m', '1970-01-01T00:00:00.000+00:00', 3000000, 15000000, 'bundled', '2025-03-01T10:00:00.000+00:00'),
      ('m', '2025-05-01T00:00:00.000+00:00', 2000000, 10000000, 'litellm', '2025-05-02T08:30:00.000+00:00');`);
  return statements.join('\n');
}

/** Schema 6 dates the older rows: bundled ones by the only snapshot older versions shipped, synced ones by their write. */
async function expectDatedPrices(store: SessionStore): Promise<void> {
  expect((await store.prices.list()).map((r) => [r.source, r.sourceDate?.toISOString()])).toEqual([
    ['bundled', '2026-07-24T00:00:00.000Z'],
    ['litellm', '2025-05-02T08:30:00.000Z'],
  ]);
}

describeBackends('a store written before schema 6 on $name', (backend) => {
  let target: TestTarget | undefined;
  afterEach(async () => {
    await target?.cleanup();
    target = undefined;
  });

  it('is marked on upgrade: records that summed requests get an unknown count, and a reprice is asked for', async () => {
    target = await backend.create();
    expect((await migrateStore(target.target, { upTo: 4 })).version).toBe(4);
    await runRawStoreSql(target.target, legacyRowsSql());
    const store = await openStore(target.target);
    try {
      expect(Object.fromEntries((await requestCounts(store)).map(([, key, n]) => [key, n]))).toEqual(MARKED);
      expect(await store.meta.get(REPRICE_AGGREGATES_META_KEY)).toBe('pending');
      await expectDatedPrices(store);
    } finally {
      await store.close();
    }
  });

  it('is marked the same way when its export is imported into a new store', async () => {
    target = await backend.create();
    await migrateStore(target.target, { upTo: 4 });
    await runRawStoreSql(target.target, legacyRowsSql());
    // Export it with today's code, then make the file what a schema-5 export looked like.
    const store = await openStore(target.target);
    await store.meta.set(REPRICE_AGGREGATES_META_KEY, 'done');
    await store.close();
    const lines: string[] = [];
    await exportStore(target.target, (l) => void lines.push(l));
    const older = lines
      .map((line, i) => {
        const value = JSON.parse(line) as { table?: string; row?: Record<string, unknown>; schemaVersion?: number };
        if (i === 0) return JSON.stringify({ ...value, schemaVersion: 5 });
        if (value.table === 'meta' && value.row!['key'] === REPRICE_AGGREGATES_META_KEY) return null;
        if (value.table === 'model_prices') {
          const { sourceDate: _undated, ...row } = value.row!;
          return JSON.stringify({ table: 'model_prices', row });
        }
        if (value.table !== 'usage_records') return line;
        const { requestCount: _dropped, ...row } = value.row!;
        return JSON.stringify({ table: 'usage_records', row });
      })
      .filter((l): l is string => l !== null);
    const trailer = JSON.parse(older.at(-1)!) as { counts: Record<string, number> };
    older[older.length - 1] = JSON.stringify({
      ...trailer,
      counts: { ...trailer.counts, meta: trailer.counts['meta']! - 1 },
    });

    const fresh = await backend.create();
    try {
      await importStore(fresh.target, older);
      const imported = await openStore(fresh.target);
      try {
        expect(Object.fromEntries((await requestCounts(imported)).map(([, key, n]) => [key, n]))).toEqual(MARKED);
        expect(await imported.meta.get(REPRICE_AGGREGATES_META_KEY)).toBe('pending');
        await expectDatedPrices(imported);
      } finally {
        await imported.close();
      }
    } finally {
      await fresh.cleanup();
    }
  });
});
