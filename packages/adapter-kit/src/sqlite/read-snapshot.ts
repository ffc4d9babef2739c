import { hasJournal, hasWalContent, identityOf, sameIdentity, type SnapshotIdentity } from './file-identity.js';
import { openReadOnly, type SnapshotMode } from './open-read-only.js';
import { viewOf, type SqliteView } from './sqlite-view.js';

export interface SnapshotOptions {
  /** How long a live read-only open waits on a lock held by the writer, in ms. */
  busyTimeoutMs: number;
  /** Immutable reads tried (the file changed under them, or a journal was present) before a live read. */
  immutableAttempts: number;
  /** Wait before the second attempt, doubled for each further one, in ms. */
  retryDelayMs: number;
}

const DEFAULT_SNAPSHOT_OPTIONS: Readonly<SnapshotOptions> = Object.freeze({
  busyTimeoutMs: 5000,
  immutableAttempts: 4,
  retryDelayMs: 25,
});

export interface Snapshot<T> {
  value: T;
  mode: SnapshotMode;
}

/** The database file is not there (it vanished between discovery and read): never created by a read. */
export class MissingDatabaseError extends Error {
  readonly code = 'ENOENT';
  constructor(readonly path: string) {
    super(`${path}: no such file`);
    this.name = 'MissingDatabaseError';
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function runOnce<T>(
  path: string,
  mode: SnapshotMode,
  busyTimeoutMs: number,
  fn: (db: SqliteView) => T,
): Promise<T> {
  const db = await openReadOnly(path, mode, busyTimeoutMs);
  try {
    return fn(viewOf(db));
  } finally {
    db.close();
  }
}

/** An immutable read kept only when nothing changed meanwhile; `changed` when it must be redone. */
async function immutableRead<T>(
  path: string,
  before: SnapshotIdentity,
  options: SnapshotOptions,
  fn: (db: SqliteView) => T,
): Promise<{ value: T } | 'changed'> {
  let value: T;
  try {
    value = await runOnce(path, 'immutable', options.busyTimeoutMs, fn);
  } catch (error) {
    // A torn read of a file being rewritten can look corrupt: only an unchanged file's error is the file's own.
    if (sameIdentity(before, await identityOf(path))) throw error;
    return 'changed';
  }
  return sameIdentity(before, await identityOf(path)) ? { value } : 'changed';
}

/**
 * Reads a SQLite file that its agent may be writing, without ever writing it, taking a lock that
 * could block the writer, or leaving files beside it where there were none.
 *
 * - No WAL content and no rollback journal: the file is opened `immutable=1` (no locks, no side
 *   files). That is only right while nobody writes, so the file's size, mtime and inode and its
 *   `-wal`/`-journal` are compared before and after; if anything changed, the read is thrown
 *   away and repeated.
 * - A rollback journal (a writer mid-transaction in a non-WAL database): wait and retry, since a
 *   live reader's shared lock would hold up the writer's commit.
 * - WAL content (the agent is running, or crashed before a checkpoint), or the attempts ran out:
 *   a live `mode=ro` read. SQLite then applies the committed WAL frames and ignores uncommitted
 *   ones, in one read transaction (a consistent snapshot even while the writer commits); a
 *   read-only connection never checkpoints, so the database and WAL bytes stay as they are. Like
 *   any WAL reader it uses the `-shm` index (creating it if a crashed writer left none) and holds
 *   only a read mark, which never blocks the writer.
 *
 * `fn` must be a synchronous, pure read of the view (it may run more than once; nothing it
 * returns may point into the open database): collect rows, then yield events from them after
 * this resolves. A streaming reader could not be retried and would hold the read lock while the
 * consumer works. Throws `MissingDatabaseError` for a missing file and what SQLite throws (not a
 * database, corrupt); callers turn either into an `unreadable-source` diagnostic.
 */
export async function readSqliteSnapshot<T>(
  path: string,
  fn: (db: SqliteView) => T,
  options: Partial<SnapshotOptions> = {},
): Promise<Snapshot<T>> {
  const settings: SnapshotOptions = { ...DEFAULT_SNAPSHOT_OPTIONS, ...options };
  for (let attempt = 0; attempt < settings.immutableAttempts; attempt += 1) {
    if (attempt > 0) await sleep(settings.retryDelayMs * 2 ** (attempt - 1));
    const before = await identityOf(path);
    if (before.database === null) throw new MissingDatabaseError(path);
    if (hasWalContent(before)) break;
    if (hasJournal(before)) continue;
    const read = await immutableRead(path, before, settings, fn);
    if (read !== 'changed') return { value: read.value, mode: 'immutable' };
  }
  // The live read checks existence itself: `mode=ro` never creates a missing file, it fails to open.
  return { value: await runOnce(path, 'read-only', settings.busyTimeoutMs, fn), mode: 'read-only' };
}
