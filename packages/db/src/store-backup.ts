import { chmodSync, existsSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { StoreError, UsageError } from '@rimuru/core';
import { sqliteOpenError } from './connection-errors.js';
import { openStore, openStoreConnection, SCHEMA_VERSION } from './open-store.js';
import { rawText } from './raw-values.js';
import { sql } from './sql.js';
import { libsqlClient, sqliteConfig } from './sqlite-config.js';
import type { StoreTarget } from './store-target.js';

function sqliteOnly(target: StoreTarget, what: string): string {
  if (target.dialect !== 'sqlite') {
    throw new UsageError(
      `${what} works on the embedded store only; back up PostgreSQL with pg_dump or use rimuru db export`,
    );
  }
  return target.path;
}

function tempBeside(path: string, tag: string): string {
  return join(dirname(path), `.${basename(path)}.${tag}-${process.pid}-${Date.now()}`);
}

/**
 * A consistent copy of a SQLite file that is not this process's open store (a backup being
 * restored, the store being replaced) via `VACUUM INTO`: SQLite reads it inside one read
 * transaction, so writers may keep going and the copy is one committed state, never a torn
 * mix. Written beside the destination and renamed into place, so a crash leaves no half file.
 */
async function vacuumInto(source: string, destination: string): Promise<void> {
  const client = (await libsqlClient())(sqliteConfig(source));
  const temp = tempBeside(destination, 'partial');
  try {
    await client.execute({ sql: 'VACUUM INTO ?', args: [temp] });
    chmodSync(temp, 0o600);
    renameSync(temp, destination);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  } finally {
    client.close();
  }
}

export interface BackupResult {
  path: string;
  schemaVersion: number;
}

/** `rimuru db backup <file>`: an online, consistent copy of the embedded store (mode 0600). */
export async function backupStore(
  target: StoreTarget,
  destination: string,
  opts: { overwrite?: boolean } = {},
): Promise<BackupResult> {
  sqliteOnly(target, 'Backup');
  if (existsSync(destination) && opts.overwrite !== true) {
    throw new UsageError(`${destination} already exists; choose another file or pass --force`);
  }
  // Opening checks the version and creates/migrates a missing store, like every command; the
  // copy is then made on that same connection (one connection per store per process).
  const connection = await openStoreConnection(target);
  const temp = tempBeside(destination, 'partial');
  try {
    await connection.sql.execute(sql`VACUUM INTO ${temp}`);
    chmodSync(temp, 0o600);
    renameSync(temp, destination);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new StoreError('DB_ERROR', `Backup to ${destination} failed: ${(error as Error).message.split('\n')[0]}`, {
      cause: error,
    });
  } finally {
    await connection.close();
  }
  return { path: destination, schemaVersion: SCHEMA_VERSION };
}

/** Checks that `path` is an intact Rimuru store this build can read; returns its schema version. */
export async function verifyBackupFile(path: string): Promise<number> {
  if (!existsSync(path)) throw new UsageError(`No such backup file: ${path}`);
  const client = (await libsqlClient())(sqliteConfig(path));
  try {
    const check = await client.execute('PRAGMA integrity_check');
    const verdict = rawText(check.rows[0]?.[0] ?? '');
    if (verdict !== 'ok')
      throw new StoreError('DB_CORRUPT', `The backup ${path} fails SQLite's integrity check: ${verdict}`);
    const table = await client.execute(
      "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'rimuru_migrations'",
    );
    if (table.rows.length === 0) throw new UsageError(`${path} is not a Rimuru store`);
    const version = Number(
      (await client.execute('SELECT MAX(version) AS v FROM rimuru_migrations')).rows[0]?.['v'] ?? 0,
    );
    if (version > SCHEMA_VERSION) {
      throw new StoreError(
        'DB_NEWER_VERSION',
        `The backup ${path} was written by a newer Rimuru (schema ${version}); upgrade rimuru to restore it.`,
      );
    }
    return version;
  } catch (error) {
    if (error instanceof StoreError || error instanceof UsageError) throw error;
    throw sqliteOpenError(error, path);
  } finally {
    client.close();
  }
}

export interface RestoreResult {
  /** Where the replaced store was kept, or null when there was none. */
  previousCopy: string | null;
  schemaVersion: number;
}

/**
 * `rimuru db restore <file>`: replaces the embedded store with a verified backup. The current
 * store is first copied to `<store>.before-restore`, so a wrong restore loses nothing. Other
 * Rimuru processes should not be running (a watcher would keep writing to the old file).
 */
export async function restoreStore(target: StoreTarget, backup: string): Promise<RestoreResult> {
  const path = sqliteOnly(target, 'Restore');
  await verifyBackupFile(backup);
  let previousCopy: string | null = null;
  if (existsSync(path)) {
    previousCopy = `${path}.before-restore`;
    rmSync(previousCopy, { force: true });
    await vacuumInto(path, previousCopy);
  }
  const staged = tempBeside(path, 'restore');
  try {
    await vacuumInto(backup, staged);
    // The old file's WAL must not be replayed onto the restored file: remove it first.
    rmSync(`${path}-wal`, { force: true });
    rmSync(`${path}-shm`, { force: true });
    renameSync(staged, path);
  } catch (error) {
    rmSync(staged, { force: true });
    throw new StoreError('DB_ERROR', `Restore from ${backup} failed: ${(error as Error).message.split('\n')[0]}`, {
      cause: error,
    });
  }
  // Migrates a backup from an older schema, and proves the restored store opens.
  const restored = await openStore(target);
  await restored.close();
  return { previousCopy, schemaVersion: SCHEMA_VERSION };
}
