export { hermesAdapter } from './adapter.js';
export type { HermesSessionRow } from './state-db-rows.js';
