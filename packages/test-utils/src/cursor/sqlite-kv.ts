import { mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'libsql';

/** One key-value row: `storage` says whether the JSON goes in as TEXT (Cursor's usual) or BLOB. */
export interface KvRow {
  key: string;
  /** A JSON value (stringified), or `{ raw }` for bytes/text written exactly as given (garbage). */
  value: unknown;
  storage?: 'text' | 'blob';
}

/** Raw content for a row: exactly these bytes or this text, not JSON-encoded. */
export interface RawValue {
  raw: string | Uint8Array;
}

export function rawValue(raw: string | Uint8Array): RawValue {
  return { raw };
}

function isRaw(value: unknown): value is RawValue {
  return typeof value === 'object' && value !== null && 'raw' in value && Object.keys(value).length === 1;
}

export interface KvDbOptions {
  /** `wal` leaves the database in WAL mode (as a running Cursor has it); default `delete`. */
  journalMode?: 'wal' | 'delete';
  /**
   * With `wal`: checkpoint and remove the then empty `-wal`/`-shm`, as a cleanly closed Cursor
   * leaves it (libsql itself keeps them at close).
   */
  cleanClose?: boolean;
}

const KV_SCHEMA = 'CREATE TABLE IF NOT EXISTS %s (key TEXT UNIQUE ON CONFLICT REPLACE, value BLOB)';

/**
 * Writes a VS Code-style `state.vscdb`: `ItemTable` and/or `cursorDiskKV` (only the tables
 * given), both `(key TEXT UNIQUE ON CONFLICT REPLACE, value BLOB)`, with the given rows.
 */
export function writeKvDb(
  path: string,
  tables: { ItemTable?: KvRow[]; cursorDiskKV?: KvRow[] },
  options: KvDbOptions = {},
): string {
  mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    db.exec(`PRAGMA journal_mode=${options.journalMode === 'wal' ? 'WAL' : 'DELETE'}`);
    for (const table of ['ItemTable', 'cursorDiskKV'] as const) {
      if (tables[table] === undefined) continue;
      db.exec(KV_SCHEMA.replace('%s', table));
      const insert = db.prepare(`INSERT INTO ${table} (key, value) VALUES (?, ?)`);
      for (const row of tables[table] ?? []) insert.run(row.key, encodeValue(row));
    }
    if (options.journalMode === 'wal' && options.cleanClose === true) db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  if (options.journalMode === 'wal' && options.cleanClose === true) {
    for (const side of [`${path}-wal`, `${path}-shm`]) rmSync(side, { force: true });
  }
  return path;
}

function encodeValue(row: KvRow): string | Buffer | null {
  if (row.value === null && row.storage === undefined) return null;
  if (isRaw(row.value)) return typeof row.value.raw === 'string' ? row.value.raw : Buffer.from(row.value.raw);
  const text = JSON.stringify(row.value);
  return row.storage === 'blob' ? Buffer.from(text, 'utf8') : text;
}
