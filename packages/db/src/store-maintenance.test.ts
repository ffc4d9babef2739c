import { createClient } from '@libsql/client';
import { createReadStream, existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { postgresBackend, sqliteBackend, type TestTarget } from './__test__/backends.js';
import { activity, at, batch, tokens, usage } from './__test__/fixtures.js';
import { openStore } from './open-store.js';
import { sqliteConfig } from './sqlite-config.js';
import { backupStore, restoreStore } from './store-backup.js';
import { exportStore, importStore } from './store-export.js';
import { checkSqliteIntegrity } from './store-health.js';
import { deleteSessions, pruneSessionsBefore } from './store-prune.js';
import { STORE_TABLES, UNEXPORTED_TABLES } from './store-tables.js';
import type { StoreTarget } from './store-target.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function fresh(backend = sqliteBackend): Promise<TestTarget> {
  const t = await backend.create();
  cleanups.push(t.cleanup);
  return t;
}

/** Two sessions with money past 2^53 nanos, fractional mtimes, JSON state and a 1h cache write. */
async function seed(target: StoreTarget): Promise<void> {
  const store = await openStore(target, { now: () => new Date('2025-06-01T00:00:00.123Z') });
  await store.ingest(
    batch({
      usage: [
        usage(
          { dedupeKey: 'k1', occurredAt: at(0, 7), tokens: tokens({ input: 9_007_199_254_740_992, cacheWrite1h: 3 }) },
          { calculatedCostNanos: 9_007_199_254_740_993n },
        ),
        usage(
          { dedupeKey: 'k2', sessionExternalId: 'sess-b', occurredAt: at(60 * 24 * 40), recordedCostUsd: 0.25 },
          { recordedCostNanos: 250_000_000n },
        ),
      ],
      activity: [activity({ sessionExternalId: 'sess-a', projectPath: '/p/it\'s "quoted" ☃', title: 'x\ny' })],
      checkpoint: { ...batch().checkpoint, state: { total: 12, nested: [1, 'two'] }, diagnosticCount: 2 },
      diagnosticCount: 2,
    }),
  );
  await store.meta.set('note', 'ünïcødé');
  await store.close();
}

async function exportLines(target: StoreTarget): Promise<string[]> {
  const lines: string[] = [];
  await exportStore(target, (l) => void lines.push(l));
  return lines;
}

describe('NDJSON export and import', () => {
  it('round-trips an embedded store exactly (export → import → export gives the same bytes)', async () => {
    const a = await fresh();
    await seed(a.target);
    const first = await exportLines(a.target);
    expect(first.length).toBeGreaterThan(5);
    expect(first.at(-1)).toContain('"end":true');
    const b = await fresh();
    await importStore(b.target, first);
    expect(await exportLines(b.target)).toEqual(first);
    const store = await openStore(b.target);
    const sessions = await store.sessions.list({});
    expect(sessions.map((s) => s.externalId).sort()).toEqual(['sess-a', 'sess-b']);
    await store.close();
  });

  it(
    'round-trips from embedded SQLite to PostgreSQL, and the next write after import does not collide',
    { tags: ['postgres'] },
    async () => {
      const a = await fresh();
      await seed(a.target);
      const first = await exportLines(a.target);
      const pg = await fresh(postgresBackend);
      await importStore(pg.target, first);
      expect(await exportLines(pg.target)).toEqual(first);
      const store = await openStore(pg.target);
      await store.ingest(
        batch({ usage: [usage({ dedupeKey: 'k3' })], checkpoint: { ...batch().checkpoint, path: '/logs/b.jsonl' } }),
      );
      expect((await store.usage.totals({})).requestCount).toBe(3);
      await store.close();
    },
  );

  it('refuses a truncated export and a non-empty target, writing nothing', async () => {
    const a = await fresh();
    await seed(a.target);
    const lines = await exportLines(a.target);
    const b = await fresh();
    await expect(importStore(b.target, lines.slice(0, -2))).rejects.toThrow(/truncated/);
    await expect(importStore(a.target, lines)).rejects.toThrow(/already holds history/);
    const store = await openStore(b.target);
    expect(await store.sessions.count({})).toBe(0);
    await store.close();
  });

  it('imports from a readline interface that starts emitting before the store is open', async () => {
    const a = await fresh();
    await seed(a.target);
    const first = await exportLines(a.target);
    const dir = mkdtempSync(join(tmpdir(), 'rimuru-import-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const file = join(dir, 'export.ndjson');
    writeFileSync(file, `${first.join('\n')}\n`);
    const b = await fresh();
    const lines = createInterface({
      input: createReadStream(file, { encoding: 'utf8' }),
      crlfDelay: Number.POSITIVE_INFINITY,
    });
    await importStore(b.target, lines);
    expect(await exportLines(b.target)).toEqual(first);
  });

  for (const backend of [sqliteBackend, postgresBackend])
    it(
      `on ${backend.name}: rolls back a file whose rows break a unique key, and fills columns an older export lacks`,
      { tags: backend.tags },
      async () => {
        const a = await fresh();
        await seed(a.target);
        const first = await exportLines(a.target);
        const usageLine = first.find((l) => l.includes('"table":"usage_records"'))!;
        const copy = JSON.parse(usageLine) as { row: Record<string, unknown> };
        copy.row['id'] = { $bigint: '999' };
        const counts = JSON.parse(first.at(-1)!) as { counts: Record<string, number> };
        const duplicated = [
          ...first.slice(0, first.indexOf(usageLine) + 1),
          JSON.stringify(copy),
          ...first.slice(first.indexOf(usageLine) + 1, -1),
          JSON.stringify({
            end: true,
            counts: { ...counts.counts, usage_records: counts.counts['usage_records']! + 1 },
          }),
        ];
        const b = await fresh(backend);
        await expect(importStore(b.target, duplicated)).rejects.toThrow();
        let store = await openStore(b.target);
        expect(await store.sessions.count({})).toBe(0);
        await store.close();

        // Schema 3 exports have no usage_count, activity_models or activity_request_count.
        const older = first.map((line) => {
          const value = JSON.parse(line) as { table?: string; row?: Record<string, unknown> };
          if (value.table !== 'sessions') return line;
          const { usageCount: _u, activityModels: _m, activityRequestCount: _r, ...row } = value.row!;
          return JSON.stringify({ table: 'sessions', row });
        });
        await importStore(b.target, older);
        store = await openStore(b.target);
        expect((await store.usage.totals({})).requestCount).toBe(2);
        expect((await store.sessions.list({})).map((s) => s.requestCount).sort()).toEqual([1, 1]);
        await store.close();
        expect(await exportLines(b.target)).toEqual(first);
      },
    );

  it('covers every table of the schema (a new table must be added to STORE_TABLES)', async () => {
    const a = await fresh();
    await (await openStore(a.target)).close();
    const client = createClient(sqliteConfig((a.target as { path: string }).path));
    const rows = await client.execute(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
    );
    client.close();
    const names = rows.rows.map((r) => r['name'] as string).filter((n) => !UNEXPORTED_TABLES.includes(n));
    expect(names.sort()).toEqual(STORE_TABLES.map((t) => t.name).sort());
  });
});

describe('backup and restore of the embedded store', () => {
  it('backs up a live store to a 0600 file and restores it, keeping the replaced store', async () => {
    const a = await fresh();
    await seed(a.target);
    const dir = mkdtempSync(join(tmpdir(), 'rimuru-backup-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const file = join(dir, 'copy.db');
    // A reader holding the store open does not stop an online backup.
    const reader = await openStore(a.target);
    await backupStore(a.target, file);
    await reader.close();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await checkSqliteIntegrity(file)).toBe('ok');
    await expect(backupStore(a.target, file)).rejects.toThrow(/already exists/);
    const before = await exportLines(a.target);

    const target = a.target as { dialect: 'sqlite'; path: string };
    await deleteSessions(
      target,
      await (async () => {
        const s = await openStore(target);
        const ids = (await s.sessions.list({})).map((x) => x.id);
        await s.close();
        return ids;
      })(),
    );
    expect(await exportLines(target)).not.toEqual(before);
    const result = await restoreStore(target, file);
    expect(result.previousCopy).not.toBeNull();
    expect(existsSync(result.previousCopy!)).toBe(true);
    expect(await exportLines(target)).toEqual(before);
  });

  it('refuses to restore a corrupt file or a non-store, leaving the store untouched', async () => {
    const a = await fresh();
    await seed(a.target);
    const before = await exportLines(a.target);
    const dir = mkdtempSync(join(tmpdir(), 'rimuru-backup-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const junk = join(dir, 'junk.db');
    writeFileSync(junk, Buffer.alloc(8192, 0x41));
    await expect(restoreStore(a.target, junk)).rejects.toMatchObject({ code: 'DB_CORRUPT' });
    await expect(restoreStore(a.target, join(dir, 'missing.db'))).rejects.toThrow(/No such backup/);
    expect(await exportLines(a.target)).toEqual(before);
  });
});

describe('delete and prune', () => {
  it('deletes only what is asked, with its usage records', async () => {
    const a = await fresh();
    await seed(a.target);
    // sess-a's activity is at T0; sess-b's usage 40 days later.
    const result = await pruneSessionsBefore(a.target, new Date(Date.parse(at(60 * 24))));
    expect(result).toEqual({ sessions: 1, usageRecords: 1 });
    const store = await openStore(a.target);
    expect((await store.sessions.list({})).map((s) => s.externalId)).toEqual(['sess-b']);
    expect((await store.usage.totals({})).requestCount).toBe(1);
    await store.close();
  });
});
