import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import pg from 'pg';
import { createClient } from '@libsql/client';
import { StoreError } from '@rimuru/core';
import { createTestDatabase } from '@rimuru/test-utils';
import { describe, expect, it } from 'vitest';
import { EMBEDDED_MIGRATIONS } from './generated/migrations.js';
import { migrateStore, openConnection, openStore, SCHEMA_VERSION } from './open-store.js';
import { runMigrations } from './migrator.js';
import { BACKENDS, describeBackends } from './__test__/backends.js';
import { activity, at, batch, usage } from './__test__/fixtures.js';
import type { StoreTarget } from './store-target.js';

/** Every migration by name, oldest first: each issue that changes the schema adds one. */
const ALL_MIGRATIONS = EMBEDDED_MIGRATIONS.sqlite.map((m) => m.name);

async function execOn(target: StoreTarget, statement: string): Promise<void> {
  if (target.dialect === 'sqlite') {
    const client = createClient({ url: `file:${target.path}` });
    await client.execute(statement);
    client.close();
    return;
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  await client.query(statement);
  await client.end();
}

describeBackends('store lifecycle on $name', (backend) => {
  it('migrates once; migrating again (or opening again) changes nothing', async () => {
    const t = await backend.create();
    try {
      expect(await migrateStore(t.target)).toEqual({ applied: ALL_MIGRATIONS, version: SCHEMA_VERSION });
      expect(await migrateStore(t.target)).toEqual({ applied: [], version: SCHEMA_VERSION });
      const store = await openStore(t.target);
      await store.close();
      expect(await migrateStore(t.target)).toEqual({ applied: [], version: SCHEMA_VERSION });
    } finally {
      await t.cleanup();
    }
  });

  it('applies each migration exactly once when many processes open a new store at once', async () => {
    const t = await backend.create();
    try {
      const reports = await Promise.all(Array.from({ length: 4 }, () => migrateStore(t.target)));
      expect(reports.flatMap((r) => r.applied).sort()).toEqual(ALL_MIGRATIONS);
    } finally {
      await t.cleanup();
    }
  });

  it('two stores on one target ingest the same sessions at once without conflicts', async () => {
    const t = await backend.create();
    try {
      const stores = await Promise.all([openStore(t.target), openStore(t.target)]);
      // Each round: both stores create and fill the same new session at the same moment.
      for (let round = 0; round < 5; round++) {
        const make = (n: number) =>
          batch({
            usage: [
              usage(
                { dedupeKey: `r${round}-k${n % 3}`, sessionExternalId: `s${round}`, rank: n, occurredAt: at(n) },
                { calculatedCostNanos: BigInt(n) },
              ),
            ],
            activity: [activity({ sessionExternalId: `s${round}`, firstAt: at(0), lastAt: at(n) })],
          });
        await Promise.all(Array.from({ length: 6 }, (_, n) => stores[n % 2]!.ingest(make(n))));
      }
      const sessions = await stores[0].sessions.list({});
      expect(sessions).toHaveLength(5);
      // Per key the largest rank wins: k0 ← 3, k1 ← 4, k2 ← 5.
      for (const s of sessions)
        expect([s.requestCount, s.calculatedCostNanos, s.endedAt.toISOString()]).toEqual([3, 12n, at(5)]);
      await Promise.all(stores.map((s) => s.close()));
    } finally {
      await t.cleanup();
    }
  });

  it('refuses a store written by a newer Rimuru', async () => {
    const t = await backend.create();
    try {
      await migrateStore(t.target);
      const future = SCHEMA_VERSION + 1;
      await execOn(
        t.target,
        `INSERT INTO rimuru_migrations (version, name, checksum, applied_at) VALUES (${future}, 'future', 'x', '2030-01-01T00:00:00Z')`,
      );
      const attempt = openStore(t.target);
      await expect(attempt).rejects.toBeInstanceOf(StoreError);
      await expect(attempt).rejects.toMatchObject({
        code: 'DB_NEWER_VERSION',
        message: `This store was written by a newer Rimuru (schema ${future}); upgrade rimuru to use it.`,
      });
      await expect(openStore(t.target, { migrate: false })).rejects.toMatchObject({ code: 'DB_NEWER_VERSION' });
    } finally {
      await t.cleanup();
    }
  });

  it('schema 4 counts the usage records each session of an older store already owns', async () => {
    const t = await backend.create();
    try {
      const conn = await openConnection(t.target);
      await runMigrations(
        conn.sql,
        EMBEDDED_MIGRATIONS[t.target.dialect].filter((m) => m.version <= 3),
      );
      await conn.close();
      const id = '3f1e2d4c-5b6a-4789-8abc-def012345678';
      await execOn(
        t.target,
        "INSERT INTO agents (id, type, name, host) VALUES ('0a0a0a0a-0000-4000-8000-000000000001', 'claude-code', 'claude-code-default', 'h')",
      );
      await execOn(
        t.target,
        `INSERT INTO sessions (id, agent_id, started_at, ended_at, external_id, agent_type, host, tokens_known,
        total_input_tokens, total_output_tokens, cache_read_tokens, cache_write_5m_tokens, cache_write_1h_tokens, reasoning_tokens, request_count)
        VALUES ('${id}', '0a0a0a0a-0000-4000-8000-000000000001', '2025-03-01T10:00:00.000+00:00', '2025-03-01T10:05:00.000+00:00', 'old', 'claude-code', 'h', true, 30, 3, 0, 0, 0, 0, 2)`,
      );
      for (const key of ['k1', 'k2']) {
        await execOn(
          t.target,
          `INSERT INTO usage_records (agent_type, dedupe_key, session_id, occurred_at, input_tokens, output_tokens)
          VALUES ('claude-code', '${key}', '${id}', '2025-03-01T10:01:00.000+00:00', 15, ${key === 'k1' ? 1 : 2})`,
        );
      }
      const store = await openStore(t.target);
      const totals = await store.usage.totals({});
      expect([totals.requestCount, totals.tokens.input, totals.tokens.output]).toEqual([2, 30, 3]);
      await store.close();
    } finally {
      await t.cleanup();
    }
  });

  it('stores instants so raw writes, typed reads and range filters agree to the millisecond', async () => {
    const t = await backend.create();
    try {
      const store = await openStore(t.target);
      await store.ingest(batch({ usage: [usage({ dedupeKey: 'a', occurredAt: at(1, 7) })] }));
      const [s] = await store.sessions.list({ since: new Date(at(1, 7)), until: new Date(at(1, 7)) });
      expect(s?.startedAt.toISOString()).toBe(at(1, 7));
      expect((await store.usage.totals({ from: new Date(at(1, 7)), to: new Date(at(1, 8)) })).requestCount).toBe(1);
      expect((await store.usage.totals({ from: new Date(at(1, 8)) })).requestCount).toBe(0);
      await store.close();
    } finally {
      await t.cleanup();
    }
  });
});

describe('SQLite specifics', () => {
  it('creates the folder 0700 and the file 0600, in WAL mode', async () => {
    const t = await BACKENDS[0]!.create();
    try {
      if (t.target.dialect !== 'sqlite') throw new Error('expected sqlite');
      const store = await openStore(t.target);
      expect(statSync(t.target.path).mode & 0o777).toBe(0o600);
      expect(statSync(dirname(t.target.path)).mode & 0o777).toBe(0o700);
      expect(store.location).toBe(t.target.path);
      await store.close();
      const client = createClient({ url: `file:${t.target.path}` });
      expect((await client.execute('PRAGMA journal_mode')).rows[0]?.['journal_mode']).toBe('wal');
      client.close();
    } finally {
      await t.cleanup();
    }
  });

  it('reports a file that is not a database as DB_CORRUPT', async () => {
    const t = await BACKENDS[0]!.create();
    try {
      if (t.target.dialect !== 'sqlite') throw new Error('expected sqlite');
      const { mkdirSync, writeFileSync } = await import('node:fs');
      mkdirSync(dirname(t.target.path), { recursive: true });
      writeFileSync(
        t.target.path,
        'this is not a sqlite file, just some text that is long enough to matter'.repeat(20),
      );
      await expect(openStore(t.target)).rejects.toMatchObject({ code: 'DB_CORRUPT' });
    } finally {
      await t.cleanup();
    }
  });
});

describe('PostgreSQL specifics', () => {
  it('fails fast and on one line when the server is unreachable, never showing the password', async () => {
    const started = Date.now();
    const attempt = openStore({ dialect: 'postgres', url: 'postgres://rimuru:s3cret-pw@127.0.0.1:1/rimuru' });
    await expect(attempt).rejects.toBeInstanceOf(StoreError);
    const error = (await attempt.catch((e: unknown) => e)) as StoreError;
    expect(error.code).toBe('DB_UNREACHABLE');
    expect(error.message).not.toContain('s3cret-pw');
    expect(error.message).not.toContain('\n');
    expect(error.message).toContain('postgres://rimuru:***@127.0.0.1:1/rimuru');
    expect(Date.now() - started).toBeLessThan(6_000);
  });

  it('keeps instants exact on a server whose default time zone is not UTC', { tags: ['postgres'] }, async () => {
    const db = await createTestDatabase();
    try {
      const name = new URL(db.url).pathname.slice(1);
      const admin = new pg.Client({ connectionString: db.url });
      await admin.connect();
      await admin.query(`ALTER DATABASE "${name}" SET TimeZone = 'Asia/Kolkata'`);
      await admin.end();
      const store = await openStore({ dialect: 'postgres', url: db.url });
      await store.ingest(batch({ usage: [usage({ dedupeKey: 'a', occurredAt: at(0, 250) })] }));
      const [s] = await store.sessions.list({});
      expect(s?.startedAt.toISOString()).toBe(at(0, 250));
      expect((await store.usage.totals({ from: new Date(at(0, 250)), to: new Date(at(0, 251)) })).requestCount).toBe(1);
      await store.close();
      const check = new pg.Client({ connectionString: db.url });
      await check.connect();
      const { rows } = await check.query<{ iso: string }>(
        `SELECT to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS iso FROM usage_records`,
      );
      await check.end();
      expect(rows[0]?.iso).toBe(at(0, 250));
    } finally {
      await db.drop();
    }
  });
});
