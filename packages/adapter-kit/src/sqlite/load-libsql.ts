import type Database from 'libsql';

export type LibsqlDatabase = Database.Database;
type LibsqlConstructor = typeof Database;

let loading: Promise<LibsqlConstructor> | undefined;

/**
 * libsql is a native module: it is loaded on the first SQLite read, not when an adapter is
 * imported, so a program (or a home) that reads no SQLite never loads it, and a broken native
 * install costs an `unreadable-source` diagnostic on the SQLite sources instead of every adapter.
 */
export function loadLibsql(): Promise<LibsqlConstructor> {
  loading ??= import('libsql').then((module) => module.default);
  return loading;
}
