export { opencodeAdapter, createOpenCodeFamilyAdapter } from './adapter.js';
export { isStoreDb, OPENCODE_STORE, type StoreConfig } from './store-config.js';
export type { CostRule } from './interpret-message.js';
