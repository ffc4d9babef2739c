import { stat } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import Database from 'libsql';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A column as bytes when it holds text: libsql aborts the whole process (a Rust panic, not an
 * exception) when it decodes a TEXT value that is not UTF-8, which a damaged or half-written
 * store can hold. Numbers stay numbers. Column names are identifiers we chose, quoted.
 */
export function safeColumn(name: string): string {
  const quoted = `"${name.replaceAll('"', '""')}"`;
  return `CASE WHEN typeof(${quoted}) IN ('integer', 'real') THEN ${quoted} ELSE CAST(${quoted} AS BLOB) END`;
}

/** Text of a value read through `safeColumn`: null when it is no text or not UTF-8. */
export function decodeText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (!(value instanceof Uint8Array)) return null;
  try {
    return utf8.decode(value);
  } catch {
    return null;
  }
}

/** Raw rows of a read-only SQLite file. */
export interface SqliteView {
  rows(sql: string, ...params: unknown[]): IterableIterator<unknown[]>;
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

/** The database and its `-wal` / `-journal` side files, as SQLite names them. */
const stamps = (path: string): Promise<(Stamp | null)[]> =>
  Promise.all([stampOf(path), stampOf(`${path}-wal`), stampOf(`${path}-journal`)]);

const same = (a: (Stamp | null)[], b: (Stamp | null)[]): boolean =>
  a.every((x, i) => {
    const y = b[i] ?? null;
    return x === null || y === null ? x === y : x.size === y.size && x.mtimeMs === y.mtimeMs && x.ino === y.ino;
  });

/**
 * libsql 0.5 ignores `readonly` (it opens read-write and creates missing files), so
 * read-only-ness is asked of SQLite through a URI filename. `immutable=1` takes no locks and
 * makes no side files but is only right while nobody writes; `mode=ro` is a live reader that
 * applies committed WAL frames and never checkpoints.
 */
function open(path: string, query: 'immutable=1' | 'mode=ro'): Database.Database {
  return new Database(`${pathToFileURL(path).href}?${query}`, { timeout: 5000 });
}

function viewOf(db: Database.Database): SqliteView {
  return {
    rows(sql, ...params) {
      const statement = db.prepare(sql);
      statement.raw(true);
      return statement.iterate(...params) as IterableIterator<unknown[]>;
    },
    columns(table) {
      const statement = db.prepare('SELECT CAST(name AS BLOB) FROM pragma_table_info(?)');
      statement.raw(true);
      return (statement.all(table) as unknown[][]).map((row) => decodeText(row[0]) ?? '');
    },
  };
}

function run<T>(path: string, query: 'immutable=1' | 'mode=ro', fn: (view: SqliteView) => T): T {
  const db = open(path, query);
  try {
    return fn(viewOf(db));
  } finally {
    db.close();
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Reads an OpenCode/Kilo store while the agent may be writing it, never writing it: an
 * immutable read kept only when the file and its side files did not change meanwhile (else
 * repeated); with WAL content (the agent is running: OpenCode opens its store in WAL mode) or
 * after the attempts, a live read-only read. `fn` must be a pure read (it may run twice).
 * Throws what SQLite throws (not a database, corrupt): the caller makes a diagnostic of it.
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
