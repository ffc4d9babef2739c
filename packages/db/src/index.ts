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
export { maskUrl } from './mask-url.js';
export { agentRowId, sessionRowId, RIMURU_ID_NAMESPACE } from './ids.js';
