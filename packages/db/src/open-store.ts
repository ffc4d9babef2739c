import { StoreError } from '@rimuru/core';
import { postgresConnectError, sqliteOpenError } from './connection-errors.js';
import { EMBEDDED_MIGRATIONS } from './generated/migrations.js';
import { maskUrl } from './mask-url.js';
import { readSchemaVersion, runMigrations, type MigrationReport } from './migrator.js';
import { DatabaseSessionStore, type StoreConnection } from './database-store.js';
import { openPgConnection } from './pg-runner.js';
import { prepareSqliteFile } from './sqlite-file.js';
import type { SessionStore } from './store.js';
import type { StoreTarget } from './store-target.js';

export interface OpenStoreOptions {
  /** Apply pending migrations while opening (default true). A newer store is refused either way. */
  migrate?: boolean;
  /** Clock for `updated_at` and friends; tests inject it. */
  now?: () => Date;
  /**
   * SQLite: how long a statement waits for another process's write lock (default 10 s). The wait
   * blocks the event loop, so a caller with a deadline of its own (the statusline) asks for less.
   */
  sqliteBusyTimeoutMs?: number;
}

/** Where a target lives, safe to print (password masked). */
export function describeStoreTarget(target: StoreTarget): string {
  return target.dialect === 'postgres' ? maskUrl(target.url) : target.path;
}

/** The newest schema version this build knows. */
export const SCHEMA_VERSION = Math.max(...EMBEDDED_MIGRATIONS.postgres.map((m) => m.version));

function asStoreError(error: unknown, target: StoreTarget): StoreError {
  if (error instanceof StoreError) return error;
  return target.dialect === 'postgres'
    ? postgresConnectError(error, target.url, describeStoreTarget(target))
    : sqliteOpenError(error, target.path);
}

/** The store's one connection (not migrated yet): the runner every query and the migrator use. */
export async function openConnection(target: StoreTarget, sqliteBusyTimeoutMs?: number): Promise<StoreConnection> {
  try {
    return target.dialect === 'postgres'
      ? await postgresConnection(target.url)
      : await sqliteConnection(target.path, sqliteBusyTimeoutMs);
  } catch (error) {
    throw asStoreError(error, target);
  }
}

/**
 * Opens the store's connection and brings its schema up to date on it (or only checks the
 * version, with `migrate: false`); closes it again when that fails.
 */
export async function openStoreConnection(
  target: StoreTarget,
  opts: { migrate?: boolean; sqliteBusyTimeoutMs?: number } = {},
): Promise<StoreConnection> {
  const connection = await openConnection(target, opts.sqliteBusyTimeoutMs);
  const migrations = EMBEDDED_MIGRATIONS[target.dialect];
  try {
    if (opts.migrate === false) await readSchemaVersion(connection.sql, migrations);
    else await runMigrations(connection.sql, migrations);
    return connection;
  } catch (error) {
    await connection.close().catch(() => undefined);
    throw asStoreError(error, target);
  }
}

/**
 * Applies pending migrations (what `rimuru db migrate` runs); safe to run from many machines at
 * once. `upTo` stops after that schema version: a store as an older Rimuru left it (upgrade tests).
 */
export async function migrateStore(target: StoreTarget, opts: { upTo?: number } = {}): Promise<MigrationReport> {
  const connection = await openConnection(target);
  const migrations = EMBEDDED_MIGRATIONS[target.dialect].filter(
    (m) => opts.upTo === undefined || m.version <= opts.upTo,
  );
  try {
    return await runMigrations(connection.sql, migrations);
  } catch (error) {
    throw asStoreError(error, target);
  } finally {
    await connection.close().catch(() => undefined);
  }
}

/**
 * Opens a store: creates (SQLite) and migrates it on first use, refuses one written by a
 * newer Rimuru, fails fast (≈5 s) with a one-line StoreError when a server is unreachable.
 * Each call returns an independent store on one connection of its own; close it when done.
 */
export async function openStore(target: StoreTarget, opts: OpenStoreOptions = {}): Promise<SessionStore> {
  const connection = await openStoreConnection(target, {
    migrate: opts.migrate,
    sqliteBusyTimeoutMs: opts.sqliteBusyTimeoutMs,
  });
  return new DatabaseSessionStore(connection, opts.now);
}

/** node-postgres's pool: the connection under the runner (plain SQL, see pg-runner.ts). */
async function postgresConnection(url: string): Promise<StoreConnection> {
  const opened = await openPgConnection(url);
  return { dialect: 'postgres', location: maskUrl(url), sql: opened.sql, close: () => opened.close() };
}

/** libsql's native connection: the only one this process opens on the file. */
async function sqliteConnection(path: string, busyTimeoutMs?: number): Promise<StoreConnection> {
  prepareSqliteFile(path);
  const { SqliteRunner } = await import('./sqlite-runner.js');
  const runner = SqliteRunner.open(path, busyTimeoutMs);
  return {
    dialect: 'sqlite',
    location: path,
    sql: runner,
    // eslint-disable-next-line @typescript-eslint/require-await -- a blocking close behind the store's async one: `async` turns a throw into a rejection
    close: async () => runner.close(),
  };
}
