import { StoreError } from '@rimuru/core';
import { postgresConnectError, sqliteOpenError } from './connection-errors.js';
import { openPostgresClient, openSqliteClient, type OpenedClient } from './db-client.js';
import { EMBEDDED_MIGRATIONS } from './generated/migrations.js';
import { maskUrl } from './mask-url.js';
import {
  openPostgresMigrationConnection,
  openSqliteMigrationConnection,
  type MigrationConnection,
} from './migration-connection.js';
import { readSchemaVersion, runMigrations, type MigrationReport } from './migrator.js';
import { DatabaseSessionStore, type StoreConnection } from './database-store.js';
import { prismaRunner } from './prisma-runner.js';
import { prepareSqliteFile } from './sqlite-file.js';
import type { SessionStore } from './store.js';
import type { StoreTarget } from './store-target.js';

export interface OpenStoreOptions {
  /** Apply pending migrations while opening (default true). A newer store is refused either way. */
  migrate?: boolean;
  /** Clock for `updated_at` and friends; tests inject it. */
  now?: () => Date;
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

async function withMigrationConnection<T>(target: StoreTarget, use: (conn: MigrationConnection) => Promise<T>): Promise<T> {
  let conn: MigrationConnection | undefined;
  try {
    if (target.dialect === 'sqlite') prepareSqliteFile(target.path);
    conn =
      target.dialect === 'postgres'
        ? await openPostgresMigrationConnection(target.url)
        : await openSqliteMigrationConnection(target.path);
    return await use(conn);
  } catch (error) {
    throw asStoreError(error, target);
  } finally {
    await conn?.close().catch(() => undefined);
  }
}

/** Applies pending migrations (what `rimuru db migrate` runs); safe to run from many machines at once. */
export function migrateStore(target: StoreTarget): Promise<MigrationReport> {
  return withMigrationConnection(target, (conn) => runMigrations(conn, EMBEDDED_MIGRATIONS[target.dialect]));
}

/**
 * Opens a store: creates (SQLite) and migrates it on first use, refuses one written by a
 * newer Rimuru, fails fast (≈5 s) with a one-line StoreError when a server is unreachable.
 * Each call returns an independent store; close it when done.
 */
export async function openStore(target: StoreTarget, opts: OpenStoreOptions = {}): Promise<SessionStore> {
  const migrations = EMBEDDED_MIGRATIONS[target.dialect];
  await withMigrationConnection(target, async (conn) => {
    if (opts.migrate === false) await readSchemaVersion(conn, migrations);
    else await runMigrations(conn, migrations);
  });
  let connection: StoreConnection;
  try {
    connection = target.dialect === 'postgres' ? await postgresConnection(target.url) : await sqliteConnection(target.path);
  } catch (error) {
    throw asStoreError(error, target);
  }
  return new DatabaseSessionStore(connection, opts.now);
}

async function postgresConnection(url: string): Promise<StoreConnection> {
  const opened = await openPostgresClient(url);
  return {
    dialect: 'postgres',
    location: maskUrl(url),
    sql: prismaRunner(opened.db, 'postgres'),
    orm: async () => opened.db,
    close: opened.close,
  };
}

/** SQL on libsql's native connection right away; the ORM's own connection only if a method asks for it. */
async function sqliteConnection(path: string): Promise<StoreConnection> {
  const { SqliteRunner } = await import('./sqlite-runner.js');
  const runner = SqliteRunner.open(path);
  let orm: Promise<OpenedClient> | null = null;
  return {
    dialect: 'sqlite',
    location: path,
    sql: runner,
    orm: async () => {
      orm ??= openSqliteClient(path).catch((error: unknown) => {
        throw sqliteOpenError(error, path);
      });
      return (await orm).db;
    },
    close: async () => {
      runner.close();
      if (orm !== null) await (await orm.catch(() => null))?.close();
    },
  };
}
