/**
 * Failures of the machine rather than of Rimuru (a full disk, a read-only file system) reach
 * the error boundary as raw driver errors. They get a plain sentence and what to do; the
 * transaction that hit them was rolled back, so the store holds the last complete batch.
 */
const SYSTEM_FAILURES: { test: RegExp; line: string }[] = [
  { test: /SQLITE_FULL|ENOSPC|disk is full|No space left/i, line: 'The disk holding the store is full; free some space and run the command again (nothing was half-written).' },
  { test: /SQLITE_READONLY|EROFS|read-only file system|readonly database/i, line: 'The store is on a read-only file system or file; make it writable or choose another --db.' },
  { test: /SQLITE_IOERR|EIO\b/i, line: 'The disk holding the store reported an I/O error; check the disk, then run `rimuru doctor`.' },
];

export function systemFailureLine(error: unknown): string | null {
  const text = error instanceof Error ? `${(error as { code?: unknown }).code ?? ''} ${error.message}` : String(error);
  return SYSTEM_FAILURES.find((f) => f.test.test(text))?.line ?? null;
}
