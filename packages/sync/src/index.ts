/**
 * The sync engine: reads every agent's sources from their checkpoints, prices the usage and
 * ingests it. Pricing, explain, team push and the watcher are modules of their own
 * (`@rimuru/sync/prices`, `/explain`, `/team-push`, `/watch`).
 */
export { syncAll, LAST_SYNC_META_KEY, type SyncOptions } from './engine/sync-engine.js';
export { syncSources, type SyncSourcesOptions } from './engine/sync-engine.js';
export { DEFAULT_MIN_WORKER_BYTES, type ReadWorkerOptions } from './engine/source-reader.js';
export type { FindWorkerAdapter } from './engine/read-worker-host.js';
export type { WorkerAdapterRef } from './engine/read-worker-protocol.js';
export { planSource, hashHead, HEAD_BYTES, type SourcePlan, type FileIdentity } from './engine/source-plan.js';
export {
  emptySummary,
  type SyncSummary,
  type SyncProgress,
  type SourceDiagnosticSample,
} from './engine/sync-summary.js';
export { createAdapterContext, type AdapterContextOptions } from './engine/adapter-context.js';
