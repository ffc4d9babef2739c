export type * from './store.js';
export { openStore, migrateStore, describeStoreTarget, SCHEMA_VERSION, type OpenStoreOptions } from './open-store.js';
export {
  resolveStoreTarget,
  parseStoreLocation,
  defaultStorePath,
  type StoreTarget,
  type StoreTargetOptions,
} from './store-target.js';
export type { MigrationReport } from './migrator.js';
export { REPRICE_AGGREGATES_META_KEY } from './legacy-aggregates.js';
export { maskUrl } from './mask-url.js';
export { agentRowId, sessionRowId, RIMURU_ID_NAMESPACE } from './ids.js';
export { backupStore, restoreStore, verifyBackupFile, type BackupResult, type RestoreResult } from './store-backup.js';
export {
  exportStore,
  importStore,
  parseExport,
  EXPORT_FORMAT,
  type ExportHeader,
  type TableCounts,
} from './store-export.js';
export { deleteSessions, pruneSessionsBefore, countSessionsBefore, type DeleteResult } from './store-prune.js';
export { checkSqliteIntegrity } from './store-health.js';
export { openStoreReadOnly } from './open-read-only.js';
export { sqliteFileWritable } from './sqlite-file.js';
export { DEFAULT_STREAM_PAGE_SIZE } from './usage-stream.js';
