import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  bundledPriceTable,
  computeCostNanos,
  createModelPrice,
  createPriceTable,
  modelPriceFromOverride,
  type ModelPrice,
  type TokenCounts,
  type UsageEvent,
} from '@rimuru/core';
import { migrateStore, openStore, REPRICE_AGGREGATES_META_KEY, type StoreTarget } from '@rimuru/db';
import { createTestDatabase, runRawStoreSql } from '@rimuru/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { BUNDLED_PRICES_META_KEY } from './price-upgrade.js';
import { syncModelPrices } from './price-sync.js';
import { createUsagePricer } from './usage-pricer.js';

type Store = Awaited<ReturnType<typeof openStore>>;

/** One codex source's usage in one ingest, as a sync would write it. */
function ingestCodex(store: Store, usage: Parameters<Store['ingest']>[0]['usage']) {
  return store.ingest({
    agentType: 'codex',
    agentName: 'codex-default',
    host: 'h',
    activity: [],
    diagnosticCount: 0,
    checkpoint: {
      agentType: 'codex',
      path: '/x.jsonl',
      device: null,
      inode: null,
      size: 1,
      mtimeMs: 1,
      headHash: null,
      headLength: 0,
      offset: 1,
      state: null,
      diagnosticCount: 0,
    },
    usage,
  });
}

interface Backend {
  name: string;
  /** Test tags of its suites: PostgreSQL's are slow (see vitest.config.ts). */
  tags: string[];
  create(): Promise<{ target: StoreTarget; cleanup: () => Promise<void> }>;
}

const BACKENDS: Backend[] = [
  {
    name: 'sqlite',
    tags: [],
    create: async () => {
      const dir = await mkdtemp(join(tmpdir(), 'rimuru-upgrade-'));
      return {
        target: { dialect: 'sqlite', path: join(dir, 'rimuru.db') },
        cleanup: () => rm(dir, { recursive: true, force: true }),
      };
    },
  },
  {
    name: 'postgres',
    tags: ['postgres'],
    create: async () => {
      const db = await createTestDatabase();
      return { target: { dialect: 'postgres', url: db.url }, cleanup: () => db.drop() };
    },
  },
];

const SONNET = bundledPriceTable().get('claude-sonnet-4-5')!;
const tokens = (t: Partial<TokenCounts>): TokenCounts => ({
  input: 0,
  output: 0,
  cacheRead: 0,
  cacheWrite5m: 0,
  cacheWrite1h: 0,
  reasoning: 0,
  ...t,
});
/** One Copilot CLI run of Sonnet 4.5 whose summed input passes 200k (it took many requests). */
const RUN = tokens({ input: 90_000, output: 12_000, cacheRead: 160_000, cacheWrite5m: 4_000 });
/** One Claude Code request that really was long-context. */
const LONG = tokens({ input: 1_000, output: 2_000, cacheRead: 230_000 });
/** How the old rule priced both: as one request each. */
const oldCost = (t: TokenCounts) => computeCostNanos(t, SONNET, { speed: null });
const T = '2026-03-01T10:00:00.000+00:00';

/** What a schema-4 Rimuru left after syncing those two sessions: rows, roll-ups and its bundled Sonnet price. */
function schema4Store(): string {
  const p = SONNET;
  const session = (id: string, agent: string, type: string, external: string, t: TokenCounts) => `
    INSERT INTO agents (id, type, name, host, created_at) VALUES ('${agent}', '${type}', '${type}-default', 'h', '${T}');
    INSERT INTO sessions (id, agent_id, started_at, ended_at, external_id, agent_type, host, total_input_tokens, total_output_tokens,
        cache_read_tokens, cache_write_5m_tokens, cache_write_1h_tokens, reasoning_tokens, tokens_known, models, model_name,
        request_count, usage_count, calculated_cost_nanos, auto_cost_nanos, cost_usd, cost_source, created_at, updated_at)
      VALUES ('${id}', '${agent}', '${T}', '${T}', '${external}', '${type}', 'h', ${t.input}, ${t.output}, ${t.cacheRead}, ${t.cacheWrite5m},
        0, 0, true, '["claude-sonnet-4.5"]', 'claude-sonnet-4.5', 1, 1, ${oldCost(t)}, ${oldCost(t)}, 0, 'calculated', '${T}', '${T}');`;
  const record = (type: string, key: string, sessionId: string, t: TokenCounts) => `
    INSERT INTO usage_records (agent_type, dedupe_key, session_id, rank, occurred_at, model, input_tokens, output_tokens,
        cache_read_tokens, cache_write_5m_tokens, calculated_cost_nanos, auto_cost_nanos, priced, source_line)
      VALUES ('${type}', '${key}', '${sessionId}', 1, '${T}', 'claude-sonnet-4.5', ${t.input}, ${t.output}, ${t.cacheRead},
        ${t.cacheWrite5m}, ${oldCost(t)}, ${oldCost(t)}, true, 9);`;
  return [
    session('10000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001', 'copilot', 'cli-1', RUN),
    record('copilot', 'cli-1:e16:claude-sonnet-4.5', '10000000-0000-4000-8000-000000000001', RUN),
    session(
      '10000000-0000-4000-8000-000000000002',
      '00000000-0000-4000-8000-000000000002',
      'claude-code',
      'cc-1',
      LONG,
    ),
    record('claude-code', 'msg_1:req_1', '10000000-0000-4000-8000-000000000002', LONG),
    `INSERT INTO model_prices (model, valid_from, input_pico, output_pico, cache_read_pico, cache_write_5m_pico, cache_write_1h_pico,
        input_above_200k_pico, output_above_200k_pico, cache_read_above_200k_pico, cache_write_5m_above_200k_pico,
        cache_write_1h_above_200k_pico, source, created_at)
      VALUES ('claude-sonnet-4-5', '1970-01-01T00:00:00.000+00:00', ${p.input}, ${p.output}, ${p.cacheRead}, ${p.cacheWrite5m},
        ${p.cacheWrite1h}, ${p.inputAbove200k}, ${p.outputAbove200k}, ${p.cacheReadAbove200k}, ${p.cacheWrite5mAbove200k},
        ${p.cacheWrite1hAbove200k}, 'bundled', '${T}');`,
  ].join('\n');
}

for (const backend of BACKENDS)
  describe(`upgrading a schema-4 store on ${backend.name}`, { tags: backend.tags }, () => {
    let cleanup: (() => Promise<void>) | undefined;
    afterEach(async () => {
      await cleanup?.();
      cleanup = undefined;
    });

    it('reprices the aggregates an older version priced as one huge request, exactly, on the next run; roll-ups follow', async () => {
      const made = await backend.create();
      cleanup = made.cleanup;
      expect((await migrateStore(made.target, { upTo: 4 })).version).toBe(4);
      await runRawStoreSql(made.target, schema4Store());

      const base = computeCostNanos(RUN, SONNET, { speed: null, requestCount: null });
      // The old rule billed every token of the run at the long-context rate: the test would fail on it.
      expect(oldCost(RUN)).toBeGreaterThan(base);

      const store = await openStore(made.target);
      try {
        expect(await store.meta.get(REPRICE_AGGREGATES_META_KEY)).toBe('pending');
        await createUsagePricer(store, bundledPriceTable()); // what the next sync does first
        const sessions = await store.sessions.list({});
        const copilot = sessions.find((s) => s.agentType === 'copilot')!;
        const claude = sessions.find((s) => s.agentType === 'claude-code')!;
        const [run] = await store.usage.ofSession(copilot.id);
        expect(run).toMatchObject({ requestCount: null, calculatedCostNanos: base });
        expect(copilot).toMatchObject({ calculatedCostNanos: base, autoCostNanos: base, requestCount: 1 });
        // One request over 200k keeps its long-context price.
        expect((await store.usage.ofSession(claude.id))[0]).toMatchObject({
          requestCount: 1,
          calculatedCostNanos: oldCost(LONG),
        });
        expect(claude.calculatedCostNanos).toBe(oldCost(LONG));
        expect((await store.usage.totals({})).calculatedCostNanos).toBe(base + oldCost(LONG));
        expect(await store.meta.get(REPRICE_AGGREGATES_META_KEY)).toBe('done');
      } finally {
        await store.close();
      }
    });
  });

const price = (input: string): ModelPrice => createModelPrice({ input, output: '0.00001' });
const OLD_SNAPSHOT = createPriceTable(
  new Map([
    ['model-a', price('0.000002')],
    ['model-b', price('0.000003')],
    ['model-c', price('0.000004')],
  ]),
  'litellm snapshot 2026-05-01',
);
const NEW_SNAPSHOT = createPriceTable(
  new Map([
    ['model-a', price('0.0000025')], // changed
    ['model-b', price('0.0000035')], // changed, but the user overrides it
    ['model-c', price('0.0000045')], // changed, but a sync is in force on the snapshot's date
    ['model-new', price('0.000006')], // new to the bundled prices
  ]),
  'litellm snapshot 2026-07-24',
);
const OVERRIDE = modelPriceFromOverride({ input: 1, output: 2 });
const SYNCED_C = {
  input_cost_per_token: 0.0000041,
  output_cost_per_token: 0.00001,
  litellm_provider: 'openai',
  mode: 'chat',
};

function event(key: string, model: string, at: string): UsageEvent {
  return {
    type: 'usage',
    sessionExternalId: 's-1',
    dedupeKey: key,
    rank: 1,
    replayKey: null,
    isReplayCopy: false,
    occurredAt: at,
    model,
    tokens: tokens({ input: 1000, output: 100 }),
    recordedCostUsd: null,
    speed: null,
    line: 1,
  };
}
const cost = (p: ModelPrice) => computeCostNanos(tokens({ input: 1000, output: 100 }), p, { speed: null });

for (const backend of BACKENDS)
  describe(`bundled prices following an upgrade on ${backend.name}`, { tags: backend.tags }, () => {
    let cleanup: (() => Promise<void>) | undefined;
    afterEach(async () => {
      await cleanup?.();
      cleanup = undefined;
    });

    it('a store an older snapshot seeded gains the new model and the changed price; a sync and an override stay', async () => {
      const made = await backend.create();
      cleanup = made.cleanup;
      const store = await openStore(made.target);
      try {
        // The older version: seeds its snapshot, the user overrides model-b and syncs model-c from 2026-06-15.
        await syncModelPrices({
          store,
          json: { 'model-c': SYNCED_C },
          effectiveFrom: new Date('2026-06-15T00:00:00.000Z'),
          bundled: OLD_SNAPSHOT,
        });
        const old = await createUsagePricer(store, OLD_SNAPSHOT, new Map([['model-b', OVERRIDE]]));
        const events = [
          event('a-before', 'model-a', '2026-06-01T00:00:00.000Z'),
          event('a-after', 'model-a', '2026-08-01T00:00:00.000Z'),
          event('b-after', 'model-b', '2026-08-01T00:00:00.000Z'),
          event('c-after', 'model-c', '2026-08-01T00:00:00.000Z'),
          event('new', 'model-new', '2026-06-01T00:00:00.000Z'),
        ];
        await ingestCodex(
          store,
          events.map((e) => old.price(e)),
        );
        const costs = async () => {
          const [session] = await store.sessions.list({});
          const records = await collectRecords(store, session!.id);
          return records;
        };
        const syncedBefore = (await store.prices.list()).filter((r) => r.source === 'litellm');
        expect(await costs()).toEqual({
          'a-before': cost(price('0.000002')),
          'a-after': cost(price('0.000002')),
          'b-after': cost(OVERRIDE),
          'c-after': cost(price('0.0000041')),
          new: 0n,
        });

        // The new version's first run (a sync, the TUI, `models list`: all load prices this way).
        await createUsagePricer(store, NEW_SNAPSHOT);
        const rows = await store.prices.list();
        const of = (model: string) =>
          rows
            .filter((r) => r.model === model)
            .map((r) => [
              r.validFrom.toISOString().slice(0, 10),
              r.source,
              r.price.input,
              r.sourceDate?.toISOString().slice(0, 10),
            ]);
        expect(of('model-a')).toEqual([
          ['1970-01-01', 'bundled', 2_000_000n, '2026-05-01'],
          ['2026-07-24', 'bundled', 2_500_000n, '2026-07-24'],
        ]);
        expect(of('model-new')).toEqual([['1970-01-01', 'bundled', 6_000_000n, '2026-07-24']]);
        // A sync in force on the snapshot's date wins: no bundled row is put above it.
        expect(of('model-c')).toEqual([
          ['1970-01-01', 'bundled', 4_000_000n, '2026-05-01'],
          ['2026-06-15', 'litellm', 4_100_000n, syncedBefore[0]!.sourceDate!.toISOString().slice(0, 10)],
        ]);
        expect(rows.filter((r) => r.source === 'litellm')).toEqual(syncedBefore);
        expect(await costs()).toEqual({
          'a-before': cost(price('0.000002')), // before the snapshot's date: the old price
          'a-after': cost(price('0.0000025')),
          'b-after': cost(OVERRIDE), // the override still wins
          'c-after': cost(price('0.0000041')), // the synced price still applies
          new: cost(price('0.000006')), // priced at last
        });
        expect(await store.meta.get(BUNDLED_PRICES_META_KEY)).toBe('litellm snapshot 2026-07-24');
        // Once per snapshot: the next run finds nothing to do.
        await createUsagePricer(store, NEW_SNAPSHOT);
        expect(await store.prices.list()).toEqual(rows);
      } finally {
        await store.close();
      }
    });

    it('finishes the reprice of an upgrade killed after writing its rows', async () => {
      const made = await backend.create();
      cleanup = made.cleanup;
      const store = await openStore(made.target);
      try {
        const old = await createUsagePricer(store, OLD_SNAPSHOT);
        await ingestCodex(store, [
          old.price(event('a-after', 'model-a', '2026-08-01T00:00:00.000Z')),
          old.price(event('new', 'model-new', '2026-08-01T00:00:00.000Z')),
        ]);
        // What a run killed between the rows and the reprice leaves.
        await store.meta.set(BUNDLED_PRICES_META_KEY, 'pending litellm snapshot 2026-07-24');
        await store.prices.write(
          [
            {
              model: 'model-a',
              validFrom: new Date('2026-07-24T00:00:00.000Z'),
              price: price('0.0000025'),
              source: 'bundled',
              sourceDate: new Date('2026-07-24T00:00:00.000Z'),
            },
            {
              model: 'model-new',
              validFrom: new Date('1970-01-01T00:00:00.000Z'),
              price: price('0.000006'),
              source: 'bundled',
              sourceDate: new Date('2026-07-24T00:00:00.000Z'),
            },
          ],
          'keep',
        );
        await createUsagePricer(store, NEW_SNAPSHOT);
        const [session] = await store.sessions.list({});
        expect(await collectRecords(store, session!.id)).toEqual({
          'a-after': cost(price('0.0000025')),
          new: cost(price('0.000006')),
        });
        expect(session!.calculatedCostNanos).toBe(cost(price('0.0000025')) + cost(price('0.000006')));
        expect(await store.meta.get(BUNDLED_PRICES_META_KEY)).toBe('litellm snapshot 2026-07-24');
      } finally {
        await store.close();
      }
    });
  });

/** A session's records' calculated costs by dedupe key. */
async function collectRecords(
  store: Awaited<ReturnType<typeof openStore>>,
  sessionId: string,
): Promise<Record<string, bigint>> {
  const out: Record<string, bigint> = {};
  for await (const r of store.usage.stream({ sessionIds: [sessionId] })) out[r.dedupeKey] = r.calculatedCostNanos;
  return out;
}
