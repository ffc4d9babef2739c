export { opencodeAdapter, createOpenCodeFamilyAdapter } from './adapter.js';
export { isStoreDb, type StoreConfig } from './store-config.js';
