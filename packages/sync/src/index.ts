/**
 * The sync engine: reads every agent's sources from their checkpoints, prices the usage and
 * ingests it. Pricing, explain, team push and the watcher are modules of their own
 * (`@rimuru/sync/prices`, `/explain`, `/team-push`, `/watch`).
 */
export { syncAll, syncSources, LAST_SYNC_META_KEY, type SyncOptions } from './engine/sync-engine.js';
export type { ReadWorkerOptions } from './engine/source-reader.js';
export type { SyncSummary, SyncProgress } from './engine/sync-summary.js';
export { createAdapterContext } from './engine/adapter-context.js';
