import { stat } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import Database from 'libsql';

/** A read-only view of one SQLite file: rows as arrays. */
export interface SqliteView {
  rows(sql: string, ...params: unknown[]): unknown[][];
  hasTable(name: string): boolean;
  columns(table: string): Set<string>;
}

type Stamp = { size: number; mtimeMs: number; ino: number } | null;

async function stampOf(path: string): Promise<Stamp> {
  try {
    const s = await stat(path);
    return { size: s.size, mtimeMs: s.mtimeMs, ino: s.ino };
  } catch {
    return null;
  }
}

const stamps = (path: string): Promise<Stamp[]> => Promise.all([stampOf(path), stampOf(`${path}-wal`), stampOf(`${path}-journal`)]);
const same = (a: Stamp[], b: Stamp[]): boolean => JSON.stringify(a) === JSON.stringify(b);

function view(db: Database.Database): SqliteView {
  const all = (sql: string, params: unknown[]): unknown[][] => {
    const statement = db.prepare(sql);
    statement.raw(true);
    return statement.all(...params) as unknown[][];
  };
  return {
    rows: (sql, ...params) => all(sql, params),
    hasTable: (name) => all("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [name]).length > 0,
    columns: (table) => new Set(all(`PRAGMA table_info("${table.replace(/"/g, '""')}")`, []).map((r) => String(r[1]))),
  };
}

/**
 * libsql 0.5 ignores `readonly`, so read-only-ness is asked of SQLite through a URI. A running
 * agent keeps its database in WAL mode: with WAL content (or a journal) present the file
 * is read live `mode=ro` (committed frames applied, never a checkpoint, never blocking the
 * writer); otherwise `immutable=1` (no locks, no side files), kept only when the file and its
 * `-wal`/`-journal` are unchanged before and after, else retried and finally read live.
 */
export async function readSqliteSnapshot<T>(path: string, fn: (db: SqliteView) => T, attempts = 3): Promise<T> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const before = await stamps(path);
    if (before[0] === null) throw new Error(`${path}: no such file`);
    if ((before[1]?.size ?? 0) > 0 || (before[2]?.size ?? 0) > 0) break;
    const db = new Database(`${pathToFileURL(path).href}?immutable=1`, { timeout: 5000 });
    let value: T;
    try {
      value = fn(view(db));
    } catch (error) {
      if (same(before, await stamps(path))) throw error;
      continue;
    } finally {
      db.close();
    }
    if (same(before, await stamps(path))) return value;
  }
  const db = new Database(`${pathToFileURL(path).href}?mode=ro`, { timeout: 5000 });
  try {
    return fn(view(db));
  } finally {
    db.close();
  }
}
