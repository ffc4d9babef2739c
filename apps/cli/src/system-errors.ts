import { errorCodeAndMessage } from '@rimuru/core';
/**
 * Failures of the machine rather than of Rimuru (a full disk, a read-only file system) reach
 * the error boundary as raw driver errors. They get a plain sentence and what to do; the
 * transaction that hit them was rolled back, so the store holds the last complete batch.
 */
const SYSTEM_FAILURES: { test: RegExp; line: string }[] = [
  {
    test: /SQLITE_FULL|ENOSPC|disk is full|No space left/i,
    line: 'The disk holding the store is full; free some space and run the command again (nothing was half-written).',
  },
  {
    test: /SQLITE_READONLY|EROFS|read-only file system|readonly database/i,
    line: 'The store is on a read-only file system or file; make it writable or choose another --db.',
  },
  {
    test: /SQLITE_IOERR|EIO\b/i,
    line: 'The disk holding the store reported an I/O error; check the disk, then run `rimuru doctor`.',
  },
];

export function systemFailureLine(error: unknown): string | null {
  const text = error instanceof Error ? errorCodeAndMessage(error) : String(error);
  return SYSTEM_FAILURES.find((f) => f.test.test(text))?.line ?? null;
}

/** An error's code and message, and those of its causes: drivers wrap SQLite's own code. */
function errorText(error: unknown, depth = 0): string {
  if (!(error instanceof Error) || depth > 5) return String(error);
  const own = errorCodeAndMessage(error);
  return error.cause === undefined ? own : `${own} ${errorText(error.cause, depth + 1)}`;
}

const NOT_A_DATABASE = /SQLITE_NOTADB|file is not a database|not a database/i;
const CORRUPT = /SQLITE_CORRUPT|database disk image is malformed/i;

/** Whether an error says the SQLite store is damaged (however deep the driver wrapped it). */
export function isStoreCorruption(error: unknown): boolean {
  const text = errorText(error);
  return CORRUPT.test(text) || NOT_A_DATABASE.test(text);
}

/**
 * A damaged store, in one line with SQLite's code and the file, whichever command met it:
 * never a driver's "Invalid invocation" or a bare "malformed".
 */
export function corruptStoreLine(error: unknown, location: string | undefined): string | null {
  const text = errorText(error);
  const where = location ?? /store at (\S+?):? /.exec(text)?.[1] ?? 'the store';
  if (CORRUPT.test(text)) {
    return `The store at ${where} is corrupted (SQLITE_CORRUPT: database disk image is malformed): restore a backup with \`rimuru db restore <file>\`; \`rimuru doctor\` checks it`;
  }
  if (NOT_A_DATABASE.test(text)) {
    return `The store at ${where} is not a readable SQLite database (SQLITE_NOTADB: file is not a database): restore a backup with \`rimuru db restore <file>\`, or move it away to start a new one`;
  }
  return null;
}
