/** `sessions explain`: why each record of a session counts or not, re-read from its sources. */
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
