export { syncAll, LAST_SYNC_META_KEY, type SyncOptions } from './sync-engine.js';
export { planSource, hashHead, HEAD_BYTES, type SourcePlan, type FileIdentity } from './source-plan.js';
export { emptySummary, type SyncSummary, type SyncProgress, type SourceDiagnosticSample } from './sync-summary.js';
export { UsagePricer } from './usage-pricer.js';
export { createAdapterContext, type AdapterContextOptions } from './adapter-context.js';
