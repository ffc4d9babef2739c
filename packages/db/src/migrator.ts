import { createHash } from 'node:crypto';
import { StoreError } from '@rimuru/core';
import type { MigrationConnection } from './migration-connection.js';
import type { MigrationFile } from './migration-file.js';
import { splitSqlStatements } from './split-sql.js';

export interface MigrationReport {
  /** Names of the migrations applied by this run, oldest first. */
  applied: string[];
  /** Schema version of the store after the run. */
  version: number;
}

const CREATE_TABLE = {
  postgres: `CREATE TABLE IF NOT EXISTS rimuru_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL,
    applied_at TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP)`,
  sqlite: `CREATE TABLE IF NOT EXISTS rimuru_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL,
    applied_at TEXT NOT NULL)`,
} as const;

const INSERT_APPLIED = {
  postgres: 'INSERT INTO rimuru_migrations (version, name, checksum, applied_at) VALUES ($1, $2, $3, $4)',
  sqlite: 'INSERT INTO rimuru_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)',
} as const;

const UPSERT_VERSION = {
  postgres: 'INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  sqlite: 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
} as const;

function checksum(sql: string): string {
  return createHash('sha256').update(sql).digest('hex');
}

async function appliedVersions(conn: MigrationConnection): Promise<Set<number>> {
  const rows = await conn.query('SELECT version FROM rimuru_migrations');
  return new Set(rows.map((row) => Number(row['version'])));
}

export function newerVersionError(version: number): StoreError {
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
export async function readSchemaVersion(conn: MigrationConnection, known: readonly MigrationFile[]): Promise<number> {
  const exists =
    conn.dialect === 'postgres'
      ? await conn.query("SELECT to_regclass('rimuru_migrations') IS NOT NULL AS present")
      : await conn.query("SELECT 1 AS present FROM sqlite_master WHERE type = 'table' AND name = 'rimuru_migrations'");
  const present = exists[0]?.['present'];
  if (present === undefined || present === false) return 0;
  const applied = await appliedVersions(conn);
  refuseNewer(applied, known);
  return Math.max(0, ...applied);
}

/**
 * Applies every pending migration, one transaction per file, under the dialect's lock, so
 * several processes or machines starting at once apply each file exactly once. A store that
 * already has a migration newer than this build knows is refused untouched.
 */
export async function runMigrations(conn: MigrationConnection, migrations: readonly MigrationFile[]): Promise<MigrationReport> {
  const ordered = [...migrations].sort((a, b) => a.version - b.version);
  await conn.lock();
  try {
    await conn.query(CREATE_TABLE[conn.dialect]);
    refuseNewer(await appliedVersions(conn), ordered);
    const applied: string[] = [];
    for (const migration of ordered) {
      await conn.begin();
      try {
        // Re-read inside the transaction: another SQLite process may have applied it meanwhile.
        if ((await appliedVersions(conn)).has(migration.version)) {
          await conn.rollback();
          continue;
        }
        for (const statement of splitSqlStatements(migration.sql)) await conn.query(statement);
        await conn.query(INSERT_APPLIED[conn.dialect], [
          migration.version,
          migration.name,
          checksum(migration.sql),
          new Date().toISOString(),
        ]);
        await conn.commit();
        applied.push(migration.name);
      } catch (error) {
        await conn.rollback().catch(() => undefined);
        throw error;
      }
    }
    // In a transaction of its own: on SQLite, writes outside one would race other writers.
    await conn.begin();
    let version: number;
    try {
      version = Math.max(0, ...(await appliedVersions(conn)));
      await conn.query(UPSERT_VERSION[conn.dialect], ['schema_version', String(version)]);
      await conn.commit();
    } catch (error) {
      await conn.rollback().catch(() => undefined);
      throw error;
    }
    return { applied, version };
  } finally {
    await conn.unlock().catch(() => undefined);
  }
}
