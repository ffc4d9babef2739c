import { openStoreConnection } from './open-store.js';
import type { SqlRunner } from './sql-runner.js';
import type { StoreTarget } from './store-target.js';

export interface MaintenanceConnection {
  sql: SqlRunner;
  close(): Promise<void>;
}

/**
 * The store's runner for whole-store maintenance (export, import, delete, prune). Opened
 * through the same path as any command, so the store is created, migrated and version-checked
 * first (a store written by a newer Rimuru is refused before anything is touched), on the one
 * connection the operation then uses.
 */
export async function openMaintenanceConnection(target: StoreTarget): Promise<MaintenanceConnection> {
  const connection = await openStoreConnection(target);
  return { sql: connection.sql, close: () => connection.close() };
}
