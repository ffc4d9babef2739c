export * from './agent-type.js';
export * from './tokens.js';
export * from './adapter-event.js';
export * from './adapter.js';
export * from './errors.js';
export * from './session.js';

export { decimalToScaledBigInt, divRoundHalfAwayFromZero, scaledBigIntToDecimalString } from './decimal.js';
export { NANOS_PER_USD, nanosToUsd, sumNanos, usdToNanos } from './money.js';
export { assertTimeZone, systemTimeZone } from './time-zone.js';
export {
  RANGE_NAMES,
  calendarWeekRange,
  isInTimeRange,
  isRangeName,
  parseDateBound,
  resolveTimeRange,
  type CalendarPeriod,
  type RangeName,
  type ResolveRangeOptions,
  type TimeRange,
} from './time-range.js';
export { formatDuration, formatTokens, formatTokensExact, formatUsd, shortId } from './format.js';
export { formatLocalDateTime, formatLocalDateTimeLong } from './format-datetime.js';
export {
  LONG_CONTEXT_THRESHOLD,
  PRICED_TOKEN_CLASSES,
  computeCostBreakdownPicos,
  computeCostNanos,
  isLongContextRequest,
  picosToNanos,
  type CostBreakdownPicos,
  type CostOptions,
  type PricedTokenClass,
} from './cost.js';
export { RIMURU_SESSION_NAMESPACE, sessionRowId } from './session-id.js';
export {
  DEFAULT_ACTIVE_WINDOW_MINUTES,
  selectCostNanos,
  sessionCost,
  sessionStatus,
  toSessionJson,
  type CostTotals,
  type SessionJsonOptions,
  type ShownCost,
  type StatusOptions,
} from './session-view.js';
export { SYNTHETIC_MODEL, computeSessionStats, rollupModel, type SessionStatsInput } from './stats.js';
export {
  PICO_SCALE,
  createModelPrice,
  picosToUsdPerTokenString,
  usdPerTokenToPicos,
  type ModelPrice,
  type ModelPriceInput,
} from './pricing/model-price.js';
export {
  ROUTING_SUFFIXES,
  canonicalModelName,
  hasDateSuffix,
  modelNameCandidates,
  stripDateSuffix,
} from './pricing/model-name.js';
export {
  liteLLMEntrySchema,
  modelPriceFromLiteLLMEntry,
  parseLiteLLMPrices,
  priceTableFromLiteLLM,
  type LiteLLMEntry,
  type ParsedLiteLLMPrices,
  type SkippedPriceEntry,
} from './pricing/litellm.js';
export { createPriceTable, type PriceLookup, type PriceTable } from './pricing/price-table.js';
export { BUNDLED_LITELLM_PRICES, BUNDLED_PRICES_SOURCE, bundledPriceTable } from './pricing/bundled.js';
