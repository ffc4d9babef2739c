import { stat } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

/** A read-only view of one SQLite file: raw rows (arrays), never objects. */
export interface SqliteView {
  rows(sql: string, ...params: unknown[]): unknown[][];
  hasTable(name: string): boolean;
  columns(table: string): string[];
}

interface Stamp {
  size: number;
  mtimeMs: number;
  ino: number;
}

async function stampOf(path: string): Promise<Stamp | null> {
  try {
    const s = await stat(path);
    return { size: s.size, mtimeMs: s.mtimeMs, ino: s.ino };
  } catch {
    return null;
  }
}

/** The database and the two side files SQLite may keep beside it. */
async function stamps(path: string): Promise<(Stamp | null)[]> {
  return Promise.all([stampOf(path), stampOf(`${path}-wal`), stampOf(`${path}-journal`)]);
}

function same(a: (Stamp | null)[], b: (Stamp | null)[]): boolean {
  return a.every((x, i) => {
    const y = b[i] ?? null;
    if (x === null || y === null) return x === y;
    return x.size === y.size && x.mtimeMs === y.mtimeMs && x.ino === y.ino;
  });
}

type LibsqlDatabase = {
  prepare(sql: string): { raw(on: boolean): unknown; all(...params: unknown[]): unknown[] };
  close(): void;
};
type LibsqlConstructor = new (path: string, options: { timeout: number }) => LibsqlDatabase;

/**
 * libsql is loaded on first use: homes without a trace store never load the native module,
 * and a broken install costs one error diagnostic on the trace store, not the whole adapter.
 */
let libsql: Promise<LibsqlConstructor> | null = null;
function loadLibsql(): Promise<LibsqlConstructor> {
  libsql ??= import('libsql').then((m) => (m as unknown as { default: LibsqlConstructor }).default);
  return libsql;
}

function view(db: LibsqlDatabase): SqliteView {
  const rows = (sql: string, ...params: unknown[]): unknown[][] => {
    const statement = db.prepare(sql);
    statement.raw(true);
    return statement.all(...params) as unknown[][];
  };
  return {
    rows,
    hasTable: (name) => rows("SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?", name).length > 0,
    columns: (table) => rows(`SELECT name FROM pragma_table_info(?)`, table).map((r) => String(r[0])),
  };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Reads a SQLite file Copilot Chat may be writing, without writing it or blocking the writer.
 * libsql 0.5 ignores `readonly`, so read-only-ness is asked of SQLite through a URI filename:
 * - no WAL content and no rollback journal: `immutable=1` (no locks, no side files), kept only
 *   if the file and its `-wal`/`-journal` are unchanged afterwards, else retried;
 * - WAL content (VS Code running; Copilot keeps the store in WAL mode) or retries used up:
 *   a live `mode=ro` read, which applies committed WAL frames and never checkpoints.
 * `fn` must be a pure read (it may run more than once). Throws what SQLite throws.
 */
export async function readSqliteSnapshot<T>(path: string, fn: (db: SqliteView) => T, attempts = 4): Promise<T> {
  const Database = await loadLibsql();
  const run = (query: string): T => {
    const db = new Database(`${pathToFileURL(path).href}?${query}`, { timeout: 5000 });
    try {
      return fn(view(db));
    } finally {
      db.close();
    }
  };
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    if (attempt > 0) await sleep(25 * 2 ** (attempt - 1));
    const before = await stamps(path);
    if (before[0] === null) throw new Error(`${path}: no such file`);
    if ((before[1]?.size ?? 0) > 0) break;
    if ((before[2]?.size ?? 0) > 0) continue;
    let value: T;
    try {
      value = run('immutable=1');
    } catch (error) {
      // A torn read of a file being written can look corrupt: only an unchanged file's error counts.
      if (same(before, await stamps(path))) throw error;
      continue;
    }
    if (same(before, await stamps(path))) return value;
  }
  return run('mode=ro');
}
