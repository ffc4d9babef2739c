export { syncAll, LAST_SYNC_META_KEY, type SyncOptions } from './sync-engine.js';
export { DEFAULT_MIN_WORKER_BYTES, type ReadWorkerOptions } from './source-reader.js';
export type { FindWorkerAdapter } from './read-worker-host.js';
export type { WorkerAdapterRef } from './read-worker-protocol.js';
export { planSource, hashHead, HEAD_BYTES, type SourcePlan, type FileIdentity } from './source-plan.js';
export { emptySummary, type SyncSummary, type SyncProgress, type SourceDiagnosticSample } from './sync-summary.js';
export { UsagePricer, createUsagePricer } from './usage-pricer.js';
export {
  PRICE_OVERRIDES_META_KEY,
  applyPriceOverrides,
  loadPriceBook,
  overridesFingerprint,
  overridesFromFingerprint,
  resolvePriceOverrides,
} from './price-book-loader.js';
export { syncModelPrices, type PriceSyncOptions, type PriceSyncReport } from './price-sync.js';
export { LITELLM_PRICES_URL, PRICE_FETCH_TIMEOUT_MS, readPriceSource } from './price-source.js';
export { createAdapterContext, type AdapterContextOptions } from './adapter-context.js';
export { startWatcher, DEFAULT_DEBOUNCE_MS, DEFAULT_RESCAN_MS, type Watcher, type WatchOptions, type WatchTrigger } from './watcher.js';
export { SessionStatusTracker, type StatusChange } from './session-status-tracker.js';
export { pushStore, pushCursorKey, type PushOptions, type PushSummary } from './team-push.js';
export {
  explainSession,
  type AppliedPrice,
  type CountedRecord,
  type DroppedCopy,
  type ExplainSessionOptions,
  type SessionExplanation,
} from './explain-session.js';
export { priceTableResolver, type ExplainPriceResolver, type ExplainedPrice } from './explain-prices.js';
export { DROP_RULE_TEXT, type DropRule } from './explain-rules.js';
export type { ReadSource, SourceReason } from './explain-sources.js';
