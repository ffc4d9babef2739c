/** `sessions explain`: why each record of a session counts or not, re-read from its sources. */
export { explainSession, type SessionExplanation } from './explain-session.js';
export { priceTableResolver } from './explain-prices.js';
export { DROP_RULE_TEXT } from './explain-rules.js';
// Types of SessionExplanation's fields (@public: used through it): a type inferred from an
// explanation, like the CLI's JSON view, names them.
export type {
  /** @public */
  DropRule,
} from './explain-rules.js';
export type {
  /** @public */
  ReadSource,
} from './explain-sources.js';
