export { grokAdapter } from './adapter.js';
export type { TurnUsageRow } from './turn-usage.js';
