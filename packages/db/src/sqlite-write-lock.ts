import { resolve } from 'node:path';

/** Writers wait this long for another process's write to finish (CLI, TUI and watcher share the file). */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;

const tails = new Map<string, Promise<void>>();

/**
 * Serialises write transactions on one SQLite file within this process. libsql is
 * synchronous: when a second connection of the same process waits in SQLite's busy handler,
 * it freezes the event loop, so the connection holding the lock (across an `await`) can never
 * finish. Across processes SQLite's busy timeout does the waiting. Returns the release.
 * (A process-wide registry on purpose: it mirrors the file lock, which is process-wide too.)
 */
export async function acquireWriteLock(path: string): Promise<() => void> {
  const key = resolve(path);
  const previous = tails.get(key) ?? Promise.resolve();
  let release!: () => void;
  const current = new Promise<void>((r) => {
    release = r;
  });
  const tail = previous.then(() => current);
  tails.set(key, tail);
  await previous;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    release();
    if (tails.get(key) === tail) tails.delete(key);
  };
}
