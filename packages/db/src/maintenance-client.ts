import { StoreError } from '@rimuru/core';
import { postgresConnectError, sqliteOpenError } from './connection-errors.js';
import { openPostgresClient, openSqliteClient, type OpenedClient } from './db-client.js';
import { describeStoreTarget, openStore } from './open-store.js';
import type { StoreTarget } from './store-target.js';

/**
 * A typed client for whole-store maintenance (export, import, delete, prune). The store is
 * opened once through openStore first, so it is created, migrated and version-checked exactly
 * as for any command; a store written by a newer Rimuru is refused before anything is touched.
 * Internal to the package: callers get the operations, never the Prisma client.
 */
export async function openMaintenanceClient(target: StoreTarget): Promise<OpenedClient> {
  const checked = await openStore(target);
  await checked.close();
  try {
    return target.dialect === 'postgres' ? await openPostgresClient(target.url) : await openSqliteClient(target.path);
  } catch (error) {
    if (error instanceof StoreError) throw error;
    throw target.dialect === 'postgres'
      ? postgresConnectError(error, target.url, describeStoreTarget(target))
      : sqliteOpenError(error, target.path);
  }
}
