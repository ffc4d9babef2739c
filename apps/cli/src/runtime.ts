import { existsSync } from 'node:fs';
import type { AdapterContext } from '@rimuru/core';
import { openStore, openStoreReadOnly, sqliteFileWritable, type OpenStoreOptions, type SessionStore } from '@rimuru/db';
import type { RimuruConfig } from '@rimuru/app-runtime';
import { selectStore } from './store-selection.js';

export interface Runtime {
  config: RimuruConfig;
  ctx: AdapterContext;
  host: string;
  store: SessionStore;
  /** Where the store is, safe to print (a password masked). */
  location?: string;
  /** Why the store can only be read (a read-only file or mount), or null when it can be written. */
  readOnly?: string | null;
}

/** Opens the store that the flags, environment and config select (design §2 precedence). */
export async function openRuntime(
  dbFlag: string | undefined,
  storeOptions: Pick<OpenStoreOptions, 'sqliteBusyTimeoutMs'> = {},
): Promise<Runtime> {
  const { target, location, config, ctx, host } = await selectStore(dbFlag);
  // A store the user may read but not write (a read-only mount, a file without write
  // permission) is opened for reading: every read command works, the sync is skipped.
  const readOnlyPath =
    target.dialect === 'sqlite' && existsSync(target.path) && !sqliteFileWritable(target.path) ? target.path : null;
  const readOnly = readOnlyPath === null ? null : `The store at ${readOnlyPath} is read-only`;
  const store = readOnlyPath === null ? await openStore(target, storeOptions) : await openStoreReadOnly(readOnlyPath);
  return { config, ctx, host, store, location, readOnly };
}
