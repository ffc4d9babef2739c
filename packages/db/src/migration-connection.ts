import { SQLITE_BUSY_TIMEOUT_MS, acquireWriteLock } from './sqlite-write-lock.js';
import { pgConnectionString } from './pg-url.js';

/** The few operations the migrator needs, on ONE connection (a session-level lock needs that). */
export interface MigrationConnection {
  readonly dialect: 'sqlite' | 'postgres';
  query(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  /** Begins a transaction that excludes other writers (SQLite: BEGIN IMMEDIATE). */
  begin(): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  /** Serialises whole migration runs across processes and machines. */
  lock(): Promise<void>;
  unlock(): Promise<void>;
  close(): Promise<void>;
}

/** Arbitrary constant identifying Rimuru's migration lock among other apps' advisory locks. */
export const MIGRATION_LOCK_KEY = 7_242_015_553_002_001n;

export const POSTGRES_CONNECT_TIMEOUT_MS = 5_000;

// Drivers are imported on use: a SQLite store never loads `pg`, a PostgreSQL one never libsql.
export async function openPostgresMigrationConnection(url: string): Promise<MigrationConnection> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: pgConnectionString(url), connectionTimeoutMillis: POSTGRES_CONNECT_TIMEOUT_MS });
  // Without a listener an 'error' after connect (server restart) would crash the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  const run = async (sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as Record<string, unknown>[];
  return {
    dialect: 'postgres',
    query: run,
    begin: async () => void (await run('BEGIN')),
    commit: async () => void (await run('COMMIT')),
    rollback: async () => void (await run('ROLLBACK')),
    lock: async () => void (await run('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY.toString()])),
    unlock: async () => void (await run('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY.toString()])),
    close: () => client.end(),
  };
}

export async function openSqliteMigrationConnection(path: string): Promise<MigrationConnection> {
  const { default: Database } = await import('libsql');
  const db = new Database(path);
  // Integers as bigint: a version or count never passes through a double.
  db.defaultSafeIntegers(true);
  db.exec(`PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  const run = async (sql: string, params: unknown[] = []) => {
    const statement = db.prepare(sql);
    if (!statement.reader) {
      statement.run(params);
      return [];
    }
    return statement.all(params) as Record<string, unknown>[];
  };
  // WAL persists in the file: set once here, every later connection inherits it.
  db.exec('PRAGMA journal_mode = WAL');
  let releaseWriteLock: (() => void) | null = null;
  return {
    dialect: 'sqlite',
    query: run,
    // Other processes wait in SQLite's busy handler; other connections of this process wait
    // on the write lock taken by lock().
    begin: async () => void db.exec('BEGIN IMMEDIATE'),
    commit: async () => void db.exec('COMMIT'),
    rollback: async () => {
      if (db.inTransaction) db.exec('ROLLBACK');
    },
    lock: async () => {
      releaseWriteLock = await acquireWriteLock(path);
    },
    unlock: async () => {
      releaseWriteLock?.();
      releaseWriteLock = null;
    },
    close: async () => {
      releaseWriteLock?.();
      db.close();
    },
  };
}
