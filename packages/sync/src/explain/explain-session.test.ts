import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundledPriceTable, totalTokens, type AdapterEvent, type AgentAdapter } from '@rimuru/core';
import { openStore, type SessionStore } from '@rimuru/db';
import { createAdapterContext } from '../engine/adapter-context.js';
import { priceTableResolver } from './explain-prices.js';
import { explainSession } from './explain-session.js';
import { syncAll } from '../engine/sync-engine.js';

/**
 * A minimal real adapter over `<home>/logs/*.jsonl`, one usage copy per line, so the test
 * controls dedupe keys, ranks and replay flags directly.
 */
const jsonlAdapter: AgentAdapter = {
  id: 'test-agent',
  label: 'Test agent',
  detect: () => Promise.resolve(true),
  roots: (ctx) => Promise.resolve([join(ctx.homeDir, 'logs')]),
  discover: async (ctx) =>
    (await readdir(join(ctx.homeDir, 'logs')))
      .sort()
      .map((f) => ({ path: join(ctx.homeDir, 'logs', f), mode: 'append' as const })),
  async *read(source, from): AsyncIterable<AdapterEvent> {
    const text = (await readFile(source.path, 'utf8')).slice(from.offset);
    let line = 0;
    for (const raw of text.split('\n')) {
      line += 1;
      if (raw.trim() === '') continue;
      const r = JSON.parse(raw) as {
        s: string;
        k: string;
        rank: number;
        rk?: string;
        replay?: boolean;
        at: string;
        in: number;
        out: number;
      };
      yield {
        type: 'activity',
        sessionExternalId: r.s,
        firstAt: r.at,
        lastAt: r.at,
        projectPath: '/p',
        parentExternalId: null,
        tokensKnown: true,
        title: null,
      };
      yield {
        type: 'usage',
        sessionExternalId: r.s,
        dedupeKey: r.k,
        rank: r.rank,
        replayKey: r.rk ?? null,
        isReplayCopy: r.replay ?? false,
        occurredAt: r.at,
        model: 'claude-sonnet-4-5',
        tokens: { input: r.in, output: r.out, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, reasoning: 0 },
        recordedCostUsd: null,
        speed: null,
        line,
      };
    }
    yield { type: 'checkpoint', offset: Buffer.byteLength(text) + from.offset, state: null };
  },
};

const line = (o: Record<string, unknown>) => JSON.stringify(o);

describe('explainSession', () => {
  let dir: string;
  let store: SessionStore;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rimuru-explain-'));
    mkdirSync(join(dir, 'logs'));
    store = await openStore({ dialect: 'sqlite', path: join(dir, 'rimuru.db') });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists counted records with their lines, every dropped copy with its rule, and accounts for every token', async () => {
    writeFileSync(
      join(dir, 'logs', 'sess-a.jsonl'),
      [
        line({ s: 'sess-a', k: 'k1', rank: 1, rk: 'm1', at: '2025-03-01T10:00:00Z', in: 10, out: 1 }),
        line({ s: 'sess-a', k: 'k1', rank: 5, rk: 'm1', at: '2025-03-01T10:00:01Z', in: 10, out: 5 }), // larger rank wins
        line({ s: 'sess-a', k: 'k2', rank: 1, at: '2025-03-01T10:01:00Z', in: 3, out: 3 }),
        line({ s: 'sess-a', k: 'k2', rank: 1, at: '2025-03-01T10:02:00Z', in: 3, out: 3 }), // later copy
        line({ s: 'sess-a', k: 'k9', rank: 9, rk: 'm1', replay: true, at: '2025-03-01T10:03:00Z', in: 500, out: 5 }), // replay
        '',
      ].join('\n'),
    );
    // A fork repeats k2 later under another session: counted once, in sess-a.
    writeFileSync(
      join(dir, 'logs', 'sess-b.jsonl'),
      [
        line({ s: 'sess-b', k: 'k2', rank: 1, at: '2025-03-02T09:00:00Z', in: 3, out: 3 }),
        line({ s: 'sess-b', k: 'k3', rank: 1, at: '2025-03-02T09:01:00Z', in: 7, out: 7 }),
        '',
      ].join('\n'),
    );
    const ctx = createAdapterContext({ homeDir: dir, env: {} });
    await syncAll({ store, adapters: [jsonlAdapter], ctx, host: 'h', prices: bundledPriceTable() });

    const [a] = await store.sessions.find('sess-a');
    const explained = await explainSession({
      store,
      adapter: jsonlAdapter,
      ctx,
      session: a!,
      prices: priceTableResolver(),
      zone: 'Asia/Kathmandu',
    });
    expect(explained.accountsForTotals).toBe(true);
    expect(explained.counted.map((c) => [c.record.dedupeKey, c.record.sourceLine, c.reread])).toEqual([
      ['k1', 2, 'found'],
      ['k2', 3, 'found'],
    ]);
    expect(totalTokens(explained.countedTotals.tokens)).toBe(totalTokens(a!.tokens!));
    expect(explained.dropped.map((d) => [d.dedupeKey, d.line, d.rule])).toEqual([
      ['k1', 1, 'dedupe:larger-rank-wins'],
      ['k2', 4, 'dedupe:earlier-copy-wins'],
      ['k9', 5, 'replay:original-exists'],
    ]);
    expect(explained.sources).toHaveLength(1);
    expect(explained.sources[0]).toMatchObject({
      linesRead: 5,
      onDisk: true,
      reasons: ['holds-counted-records', 'named-after-session'],
    });
    expect(explained.prices).toHaveLength(1);
    expect(explained.prices[0]).toMatchObject({ model: 'claude-sonnet-4-5', requestCount: 2, unpricedReason: null });
    expect(explained.prices[0]!.recomputedCostNanos).toBe(explained.prices[0]!.storedCostNanos);

    const [b] = await store.sessions.find('sess-b');
    const explainedB = await explainSession({
      store,
      adapter: jsonlAdapter,
      ctx,
      session: b!,
      prices: priceTableResolver(),
      zone: 'UTC',
    });
    expect(explainedB.accountsForTotals).toBe(true);
    expect(explainedB.dropped).toEqual([
      expect.objectContaining({
        dedupeKey: 'k2',
        rule: 'dedupe:earlier-copy-wins',
        keptInstead: { sessionExternalId: 'sess-a', sourcePath: join(dir, 'logs', 'sess-a.jsonl'), sourceLine: 3 },
      }),
    ]);

    // The agent deletes a transcript: the stored records still count, and explain says the source is gone.
    rmSync(join(dir, 'logs', 'sess-b.jsonl'));
    const gone = await explainSession({
      store,
      adapter: jsonlAdapter,
      ctx,
      session: b!,
      prices: priceTableResolver(),
      zone: 'UTC',
    });
    expect(gone.counted.map((c) => c.reread)).toEqual(['source-gone']);
    expect(gone.sources[0]!.onDisk).toBe(false);
    expect(gone.accountsForTotals).toBe(true);
  });
});
