import { stat } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import Database from 'libsql';

/** A read-only view of one SQLite file: raw rows (arrays), never objects. */
export interface SqliteView {
  /** Rows of a query as arrays, streamed. */
  rows(sql: string, ...params: unknown[]): IterableIterator<unknown[]>;
  hasTable(name: string): boolean;
}

export type SnapshotMode = 'immutable' | 'read-only';

export interface SnapshotOptions {
  /** How long a live read-only open waits on a lock held by the writer, in ms. */
  busyTimeoutMs: number;
  /** Immutable reads tried (the file changed under them, or a journal was present) before a live read. */
  immutableAttempts: number;
  /** Wait before the second attempt, doubled for each further one, in ms. */
  retryDelayMs: number;
}

export const DEFAULT_SNAPSHOT_OPTIONS: Readonly<SnapshotOptions> = Object.freeze({
  busyTimeoutMs: 5000,
  immutableAttempts: 4,
  retryDelayMs: 25,
});

interface FileStamp {
  size: number;
  mtimeMs: number;
  ino: number;
}

async function stamp(path: string): Promise<FileStamp | null> {
  try {
    const s = await stat(path);
    return { size: s.size, mtimeMs: s.mtimeMs, ino: s.ino };
  } catch {
    return null;
  }
}

/** The main file and its two possible side files, as SQLite names them. */
async function stamps(path: string): Promise<(FileStamp | null)[]> {
  return Promise.all([stamp(path), stamp(`${path}-wal`), stamp(`${path}-journal`)]);
}

function sameStamps(a: (FileStamp | null)[], b: (FileStamp | null)[]): boolean {
  return a.every((x, i) => {
    const y = b[i];
    if (x === null || y === undefined || y === null) return x === null && (y ?? null) === null;
    return x.size === y.size && x.mtimeMs === y.mtimeMs && x.ino === y.ino;
  });
}

/** True when the WAL holds frames that only a live SQLite read can apply. */
function hasWalContent(s: (FileStamp | null)[]): boolean {
  return (s[1]?.size ?? 0) > 0;
}

/** True when a rollback journal exists: a write transaction is running (or crashed). */
function hasJournal(s: (FileStamp | null)[]): boolean {
  return (s[2]?.size ?? 0) > 0;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * libsql 0.5 ignores better-sqlite3's `readonly` and `fileMustExist` options (it opens
 * read-write and creates missing files), so read-only-ness is asked of SQLite itself through a
 * URI filename, which libsql passes through. `pathToFileURL` percent-encodes `?`, `#` and `%`.
 */
function openUri(path: string, mode: SnapshotMode, busyTimeoutMs: number): Database.Database {
  const query = mode === 'immutable' ? 'immutable=1' : 'mode=ro';
  return new Database(`${pathToFileURL(path).href}?${query}`, { timeout: busyTimeoutMs });
}

function view(db: Database.Database): SqliteView {
  return {
    rows(sql, ...params) {
      const statement = db.prepare(sql);
      statement.raw(true);
      return statement.iterate(...params) as IterableIterator<unknown[]>;
    },
    hasTable(name) {
      const statement = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
      statement.raw(true);
      return statement.get(name) !== undefined;
    },
  };
}

function runWith<T>(path: string, mode: SnapshotMode, options: SnapshotOptions, fn: (db: SqliteView) => T): T {
  const db = openUri(path, mode, options.busyTimeoutMs);
  try {
    return fn(view(db));
  } finally {
    db.close();
  }
}

/**
 * Reads a SQLite file that another process (Cursor) may be writing, without ever writing it,
 * taking a lock that could block the writer, or leaving files beside it where there were none.
 *
 * - No WAL content and no rollback journal: the file is opened `immutable=1` (no locks, no side
 *   files). That is only safe while nobody writes, so the file's size, mtime and inode and its
 *   `-wal`/`-journal` are compared before and after; if anything changed, the read is thrown
 *   away and repeated.
 * - A rollback journal (a writer mid-transaction in a non-WAL database): wait and retry, since a
 *   live reader's shared lock would hold up the writer's commit.
 * - WAL content (Cursor running, or it crashed before a checkpoint), or the attempts ran out: a
 *   live `mode=ro` read. SQLite then applies the committed WAL frames and ignores uncommitted
 *   ones; a read-only connection never checkpoints, so the database and WAL bytes stay as they
 *   are. Like any WAL reader it uses the `-shm` index (creating it if a crashed Cursor left
 *   none) and holds only a read mark, which never blocks Cursor's writer.
 *
 * `fn` must be a pure read of the view (it may run more than once). Throws what SQLite throws
 * (missing file, not a database, corrupt); callers turn that into a diagnostic.
 */
export async function readSqliteSnapshot<T>(
  path: string,
  fn: (db: SqliteView) => T,
  options: SnapshotOptions = DEFAULT_SNAPSHOT_OPTIONS,
): Promise<{ value: T; mode: SnapshotMode }> {
  for (let attempt = 0; attempt < options.immutableAttempts; attempt += 1) {
    if (attempt > 0) await sleep(options.retryDelayMs * 2 ** (attempt - 1));
    const before = await stamps(path);
    if (before[0] === null) throw new Error(`${path}: no such file`);
    if (hasWalContent(before)) break;
    if (hasJournal(before)) continue;
    let value: T;
    try {
      value = runWith(path, 'immutable', options, fn);
    } catch (error) {
      // A torn read of a file being rewritten can look corrupt: only an unchanged file's
      // error is the file's own.
      if (sameStamps(before, await stamps(path))) throw error;
      continue;
    }
    if (sameStamps(before, await stamps(path))) return { value, mode: 'immutable' };
  }
  return { value: runWith(path, 'read-only', options, fn), mode: 'read-only' };
}
