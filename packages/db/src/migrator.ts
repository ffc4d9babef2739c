import { createHash } from 'node:crypto';
import { StoreError } from '@rimuru/core';
import type { MigrationFile } from './migration-file.js';
import { rawSql, sql } from './sql.js';
import type { SqlRunner } from './sql-runner.js';
import { splitSqlStatements } from './split-sql.js';

export interface MigrationReport {
  /** Names of the migrations applied by this run, oldest first. */
  applied: string[];
  /** Schema version of the store after the run. */
  version: number;
}

/** Arbitrary constant identifying Rimuru's migration lock among other apps' advisory locks. */
const MIGRATION_LOCK_KEY = 7_242_015_553_002_001n;

const CREATE_TABLE = {
  postgres: sql`CREATE TABLE IF NOT EXISTS rimuru_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL,
    applied_at TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP)`,
  sqlite: sql`CREATE TABLE IF NOT EXISTS rimuru_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL,
    applied_at TEXT NOT NULL)`,
} as const;

function checksum(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

async function appliedVersions(db: SqlRunner): Promise<Set<number>> {
  const rows = await db.query(sql`SELECT version FROM rimuru_migrations`);
  return new Set(rows.map((row) => Number(row['version'])));
}

async function tableExists(db: SqlRunner): Promise<boolean> {
  const rows =
    db.dialect === 'postgres'
      ? await db.query(
          sql`SELECT 1 AS present FROM pg_catalog.pg_tables WHERE tablename = 'rimuru_migrations' AND schemaname = current_schema()`,
        )
      : await db.query(sql`SELECT 1 AS present FROM sqlite_master WHERE type = 'table' AND name = 'rimuru_migrations'`);
  return rows.length > 0;
}

/**
 * A write transaction that excludes other migrators: SQLite's BEGIN IMMEDIATE does that by
 * itself; PostgreSQL takes a transaction-level advisory lock (released at commit, so it works
 * on any connection of a pool, unlike a session lock).
 */
function exclusive<T>(db: SqlRunner, work: (tx: SqlRunner) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    // execute, not query: the function returns void, which the ORM's raw reads cannot map.
    if (tx.dialect === 'postgres') await tx.execute(sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    return work(tx);
  });
}

function newerVersionError(version: number): StoreError {
  return new StoreError(
    'DB_NEWER_VERSION',
    `This store was written by a newer Rimuru (schema ${version}); upgrade rimuru to use it.`,
  );
}

function refuseNewer(applied: Set<number>, known: readonly MigrationFile[]): void {
  const newest = Math.max(0, ...known.map((m) => m.version));
  const stored = Math.max(0, ...applied);
  if (stored > newest) throw newerVersionError(stored);
}

/** Reads the store's schema version without changing anything; 0 for an empty store. */
export async function readSchemaVersion(db: SqlRunner, known: readonly MigrationFile[]): Promise<number> {
  if (!(await tableExists(db))) return 0;
  const applied = await appliedVersions(db);
  refuseNewer(applied, known);
  return Math.max(0, ...applied);
}

async function storedVersionMark(db: SqlRunner): Promise<string | null> {
  const rows = await db.query(sql`SELECT value FROM meta WHERE key = 'schema_version'`);
  return rows[0] === undefined ? null : String(rows[0]['value']);
}

/**
 * Applies every pending migration on the store's own connection, one transaction per file,
 * each excluding other migrators (see exclusive), so several processes or machines starting
 * at once apply each file exactly once. A store that already has a migration newer than this
 * build knows is refused untouched. An up-to-date store is only read: opening it for a read
 * command takes no write lock.
 */
export async function runMigrations(db: SqlRunner, migrations: readonly MigrationFile[]): Promise<MigrationReport> {
  const ordered = [...migrations].sort((a, b) => a.version - b.version);
  if (await tableExists(db)) {
    const applied = await appliedVersions(db);
    refuseNewer(applied, ordered);
    const version = Math.max(0, ...applied);
    if (ordered.every((m) => applied.has(m.version)) && (await storedVersionMark(db)) === String(version)) {
      return { applied: [], version };
    }
  }
  const applied: string[] = [];
  for (const migration of ordered) {
    const ran = await exclusive(db, async (tx) => {
      await tx.execute(CREATE_TABLE[tx.dialect]);
      // Re-read inside the transaction: another process may have applied it meanwhile.
      const done = await appliedVersions(tx);
      refuseNewer(done, ordered);
      if (done.has(migration.version)) return false;
      for (const statement of splitSqlStatements(migration.sql)) await tx.execute(rawSql(statement));
      await tx.execute(sql`INSERT INTO rimuru_migrations (version, name, checksum, applied_at)
        VALUES (${migration.version}, ${migration.name}, ${checksum(migration.sql)}, ${new Date().toISOString()})`);
      return true;
    });
    if (ran) applied.push(migration.name);
  }
  const version = await exclusive(db, async (tx) => {
    const current = Math.max(0, ...(await appliedVersions(tx)));
    await tx.execute(sql`INSERT INTO meta (key, value) VALUES ('schema_version', ${String(current)})
      ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
    return current;
  });
  return { applied, version };
}
