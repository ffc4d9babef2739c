export { gooseAdapter } from './adapter.js';
export type { GooseSession, LedgerRequest } from './session-events.js';
