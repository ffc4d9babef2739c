import { accessSync, chmodSync, closeSync, constants, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { StoreError } from '@rimuru/core';

/**
 * Creates the store's folder (0700) and file (0600) on first use: session history names
 * projects and prompts, so only the owner may read it. Existing modes are left alone.
 */
export function prepareSqliteFile(path: string): void {
  const dir = dirname(path);
  try {
    if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (!existsSync(path)) {
      closeSync(openSync(path, 'a', 0o600));
      // The process umask may have widened or narrowed the mode: set it exactly.
      chmodSync(path, 0o600);
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new StoreError('DB_ERROR', `Cannot create the store at ${path}: ${reason}`, { cause: error });
  }
}

/**
 * Whether this process may change an existing store file: the file and its folder (SQLite
 * writes its -wal and -shm files beside it) writable. False on a read-only mount or without
 * write permission, where the store can still be read (openStoreReadOnly).
 */
export function sqliteFileWritable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    accessSync(dirname(path), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
