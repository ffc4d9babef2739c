import { stat } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import Database from 'libsql';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A column selected so that libsql never decodes its text: libsql aborts the process (a Rust
 * panic, not an exception) on a TEXT value that is not UTF-8, which a damaged store can hold.
 * Numbers stay numbers; anything else comes back as bytes, decoded by `decodeText`.
 */
export function safeColumn(name: string): string {
  const quoted = `"${name.replaceAll('"', '""')}"`;
  return `CASE WHEN typeof(${quoted}) IN ('integer', 'real') THEN ${quoted} ELSE CAST(${quoted} AS BLOB) END`;
}

/** Text of a value read through `safeColumn`: null when it is none or not UTF-8. */
export function decodeText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (!(value instanceof Uint8Array)) return null;
  try {
    return utf8.decode(value);
  } catch {
    return null;
  }
}

export interface SqliteView {
  rows(sql: string): unknown[][];
  /** Column names of a table (empty when there is no such table). */
  columns(table: string): string[];
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

/** The database and its `-wal` / `-journal` siblings: the identity of what was read. */
const stamps = (path: string): Promise<Stamp[]> => Promise.all([stampOf(path), stampOf(`${path}-wal`), stampOf(`${path}-journal`)]);

const same = (a: Stamp[], b: Stamp[]): boolean =>
  a.every((x, i) => {
    const y = b[i] ?? null;
    return x === null || y === null ? x === y : x.size === y.size && x.mtimeMs === y.mtimeMs && x.ino === y.ino;
  });

function run<T>(path: string, query: 'immutable=1' | 'mode=ro', fn: (view: SqliteView) => T): T {
  // libsql 0.5 ignores `readonly: true` (and would create a missing file): read-only is asked
  // of SQLite itself through the URI.
  const db = new Database(`${pathToFileURL(path).href}?${query}`, { timeout: 5000 });
  try {
    return fn({
      rows(sql) {
        const statement = db.prepare(sql);
        statement.raw(true);
        return statement.all() as unknown[][];
      },
      columns(table) {
        const statement = db.prepare('SELECT CAST(name AS BLOB) FROM pragma_table_info(?)');
        statement.raw(true);
        return (statement.all(table) as unknown[][]).map((row) => decodeText(row[0]) ?? '');
      },
    });
  } finally {
    db.close();
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Reads a store Crush may be writing, never writing it. Without WAL content an `immutable=1`
 * read (no locks, no side files) is kept only if the file and its siblings did not change
 * meanwhile; Crush opens its store in WAL mode, so while it runs (a non-empty `-wal`) or
 * after repeated changes a live `mode=ro` read is made. `fn` must be a pure read (it may run
 * twice). Throws what SQLite throws; the caller makes a diagnostic of it.
 */
export async function readSqliteSnapshot<T>(path: string, fn: (view: SqliteView) => T): Promise<T> {
  for (let attempt = 0; attempt < 4; attempt += 1) {
    if (attempt > 0) await sleep(25 * 2 ** (attempt - 1));
    const before = await stamps(path);
    if (before[0] === null) throw new Error(`${path}: no such file`);
    if ((before[1]?.size ?? 0) > 0) break;
    if ((before[2]?.size ?? 0) > 0) continue; // a writer mid-transaction: wait for its commit
    let value: T;
    try {
      value = run(path, 'immutable=1', fn);
    } catch (error) {
      if (same(before, await stamps(path))) throw error;
      continue;
    }
    if (same(before, await stamps(path))) return value;
  }
  return run(path, 'mode=ro', fn);
}
