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

/** The database and its `-wal`/`-journal` siblings, as SQLite names them. */
async function stamps(path: string): Promise<Stamp[]> {
  return Promise.all([stampOf(path), stampOf(`${path}-wal`), stampOf(`${path}-journal`)]);
}

const same = (a: Stamp[], b: Stamp[]): boolean =>
  a.every((x, i) => {
    const y = b[i] ?? null;
    return x === null || y === null ? x === y : x.size === y.size && x.mtimeMs === y.mtimeMs && x.ino === y.ino;
  });

function view(db: Database.Database): SqliteView {
  const all = (sql: string, params: unknown[]): unknown[][] => {
    const statement = db.prepare(sql);
    statement.raw(true);
    return statement.all(...params) as unknown[][];
  };
  return {
    rows: (sql, ...params) => all(sql, params),
    hasTable: (name) => all("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [name]).length > 0,
    columns: (table) => new Set(all(`PRAGMA table_info("${table.replace(/"/g, '""')}")`, []).map((row) => String(row[1]))),
  };
}

/**
 * libsql 0.5 ignores `readonly`, so read-only-ness is asked of SQLite through a URI filename.
 * `immutable=1` takes no locks and writes nothing beside the file; it is only used while no WAL
 * content or rollback journal exists, and the read is thrown away if the file changed under it.
 */
function run<T>(path: string, query: string, fn: (db: SqliteView) => T): T {
  const db = new Database(`${pathToFileURL(path).href}?${query}`, { timeout: 5000 });
  try {
    return fn(view(db));
  } finally {
    db.close();
  }
}

/**
 * Reads a SQLite file Goose may be writing, without writing it or blocking Goose: an immutable
 * read while the file is quiet (checked before and after), else a live `mode=ro` read, which
 * applies committed WAL frames and never checkpoints. Throws what SQLite throws.
 */
export async function readSqliteSnapshot<T>(path: string, fn: (db: SqliteView) => T, attempts = 3): Promise<T> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const before = await stamps(path);
    if (before[0] === null) throw new Error(`${path}: no such file`);
    if ((before[1]?.size ?? 0) > 0 || (before[2]?.size ?? 0) > 0) break;
    try {
      const value = run(path, 'immutable=1', fn);
      if (same(before, await stamps(path))) return value;
    } catch (error) {
      if (same(before, await stamps(path))) throw error;
    }
  }
  return run(path, 'mode=ro', fn);
}
