import { pathToFileURL } from 'node:url';
import { loadLibsql, type LibsqlDatabase } from './load-libsql.js';

/**
 * How a snapshot is opened: `immutable` takes no locks and creates no side files but sees only
 * the main file (right only while nobody writes); `read-only` is a live reader that applies
 * committed WAL frames and never checkpoints.
 */
export type SnapshotMode = 'immutable' | 'read-only';

/**
 * libsql 0.5 ignores better-sqlite3's `readonly` and `fileMustExist` options (it opens read-write
 * and creates a missing file), so read-only-ness is asked of SQLite itself through a URI
 * filename, which libsql passes through. `pathToFileURL` percent-encodes `?`, `#` and `%`.
 */
export async function openReadOnly(path: string, mode: SnapshotMode, busyTimeoutMs: number): Promise<LibsqlDatabase> {
  const Database = await loadLibsql();
  const query = mode === 'immutable' ? 'immutable=1' : 'mode=ro';
  return new Database(`${pathToFileURL(path).href}?${query}`, { timeout: busyTimeoutMs });
}
