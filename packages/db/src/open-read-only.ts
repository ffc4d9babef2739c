import { StoreError } from '@rimuru/core';
import { sqliteOpenError } from './connection-errors.js';
import { DatabaseSessionStore } from './database-store.js';
import { EMBEDDED_MIGRATIONS } from './generated/migrations.js';
import { readSchemaVersion } from './migrator.js';
import type { SqliteRunner as SqliteRunnerType } from './sqlite-runner.js';
import type { SessionStore } from './store.js';

/**
 * Opens an embedded store that cannot be written (see sqliteFileWritable) for reading only.
 * Its schema must be current: a store an older Rimuru left needs a migration, which cannot be
 * applied here, and says so. A write through it fails with SQLite's SQLITE_READONLY.
 */
export async function openStoreReadOnly(path: string, opts: { now?: () => Date } = {}): Promise<SessionStore> {
  const { SqliteRunner } = await import('./sqlite-runner.js');
  let runner: SqliteRunnerType;
  try {
    runner = SqliteRunner.openReadOnly(path);
  } catch (error) {
    throw sqliteOpenError(error, path);
  }
  try {
    const migrations = EMBEDDED_MIGRATIONS.sqlite;
    const version = await readSchemaVersion(runner, migrations);
    const latest = Math.max(...migrations.map((m) => m.version));
    if (version < latest) {
      throw new StoreError(
        'DB_ERROR',
        `The store at ${path} is read-only and needs an upgrade to schema ${latest} (it has ${version}): make it writable and run any rimuru command`,
      );
    }
  } catch (error) {
    runner.close();
    throw sqliteOpenError(error, path);
  }
  return new DatabaseSessionStore(
    {
      dialect: 'sqlite',
      location: path,
      sql: runner,
      // eslint-disable-next-line @typescript-eslint/require-await -- a blocking close behind the store's async one: `async` turns a throw into a rejection
      close: async () => runner.close(),
    },
    opts.now,
  );
}
