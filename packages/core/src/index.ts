export * from './agent-type.js';
export * from './tokens.js';
export * from './adapter-event.js';
export * from './adapter.js';
export * from './errors.js';
export * from './session.js';
export { isRecord } from './json-record.js';

export { decimalToScaledBigInt, divRoundHalfAwayFromZero, scaledBigIntToDecimalString } from './decimal.js';
export { NANOS_PER_USD, nanosToUsd, nanosToUsd6, sumNanos, usdToNanos } from './money.js';
export { assertTimeZone, systemTimeZone } from './time-zone.js';
export {
  RANGE_NAMES,
  calendarWeekRange,
  isInTimeRange,
  isRangeName,
  parseDateBound,
  resolveTimeRange,
  systemZoneToday,
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
  appliesLongContextPrices,
  isLongContextRequest,
  isSingleRequest,
  picosToNanos,
  type CostBreakdownPicos,
  type CostOptions,
  type PricedTokenClass,
} from './cost.js';
export { agentRowId, RIMURU_SESSION_NAMESPACE, sessionRowId } from './session-id.js';
export {
  DEFAULT_ACTIVE_WINDOW_MINUTES,
  selectCostNanos,
  sessionCost,
  activeSince,
  sessionStatus,
  toSessionJson,
  type CostTotals,
  type SessionJsonOptions,
  type ShownCost,
  type StatusOptions,
} from './session-view.js';
export {
  presentModelRow,
  presentSessionDetail,
  presentSessionRow,
  presentStoredSessionRow,
  projectName,
  sessionCostText,
  toModelBreakdownJson,
  toSessionDetailJson,
  type DetailLine,
  type ModelBreakdownJson,
  type ModelRowView,
  type ModelUsageFigures,
  type SessionDetailViewJson,
  type SessionRowView,
} from './session-presenter.js';
export { sessionStatsFromCounts, type SessionCounts, type SessionStatsInput } from './stats.js';
export { SYNTHETIC_MODEL, costSourceOf, rollUpSession, type SessionRollup, type UsageGroup } from './session-rollup.js';
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
  modelPriceFromLiteLLMEntry,
  parseLiteLLMPrices,
  priceTableFromLiteLLM,
  type LiteLLMEntry,
  type ParsedLiteLLMPrices,
  type SkippedPriceEntry,
} from './pricing/litellm.js';
export { createPriceTable, type PriceLookup, type PriceTable } from './pricing/price-table.js';
export { BUNDLED_LITELLM_PRICES, BUNDLED_PRICES_SOURCE, bundledPriceTable } from './pricing/bundled.js';
export {
  BUNDLED_VALID_FROM,
  createDatedPriceBook,
  rowValidAt,
  rowsFromPriceTable,
  type DatedPriceBook,
  type DatedPriceLookup,
  type DatedPriceRow,
  type PriceSource,
} from './pricing/dated-price-book.js';
export { planPriceSync, samePrice, type PriceSyncPlan } from './pricing/price-sync-plan.js';
export {
  bundledSnapshotDate,
  planBundledUpgrade,
  priceOriginLabel,
  type BundledUpgradePlan,
} from './pricing/bundled-upgrade.js';
export { modelPriceFromOverride, priceOverridesFromConfig, type PriceOverrideInput } from './pricing/price-override.js';
export {
  priceUsageRecord,
  sessionCostBreakdown,
  type CostBreakdownLine,
  type RecordCost,
  type UsageRecordFacts,
} from './pricing/record-pricing.js';
export type { ReportUsageRecord } from './report/usage-record.js';
export { addAggregate, emptyAggregate, type UsageAggregate } from './report/usage-aggregate.js';
export {
  addPlanUnits,
  formatPlanUnits,
  planUnitsJson,
  premiumRequestMicros,
  type PlanUnitSums,
  type PlanUnitsJson,
} from './plan-units.js';
export { SLOT_MS, slotKey, usageSlotOfRecord, type UsageSlot } from './report/usage-slot.js';
export {
  REPORT_PERIODS,
  WEEK_STARTS,
  bucketLookup,
  bucketOf,
  parseWeekStart,
  type Bucket,
  type BucketOptions,
  type ReportPeriod,
  type WeekStart,
} from './report/buckets.js';
export { reportBuckets, usageReportFromCells, type ReportCell, type ReportRowCounts } from './report/report-cells.js';
export {
  REPORT_GROUP_BYS,
  createUsageReport,
  usageReportFromRows,
  type FoldedReportRow,
  type ModelBreakdown,
  type ReportGroupBy,
  type UsageReport,
  type UsageReportBuilder,
  type UsageReportOptions,
  type UsageReportRow,
} from './report/usage-report.js';
export {
  BILLING_BLOCK_HOURS,
  billingBlocksOfSlots,
  blockBurnRate,
  blockSpansOfSlots,
  createBillingBlocks,
  projectBlock,
  type BillingBlock,
  type BillingBlockBuilder,
  type BillingBlockOptions,
  type BlockSpan,
  type BlockProjection,
  type BurnRate,
} from './report/billing-blocks.js';
export { activeBlockOfRecentSlots, type RecentBlock, type RecentBlockOptions } from './report/active-block.js';
export {
  toBillingBlockJson,
  toUsageReportJson,
  usageFiguresJson,
  type BillingBlockJson,
  type UsageFiguresJson,
  type UsageReportJson,
  type UsageReportRowJson,
} from './report/report-json.js';
export {
  aggregateCost,
  costRowJson,
  sumCostAggregates,
  type CostAggregate,
  type CostRowJson,
} from './pricing/aggregate-cost.js';
export {
  FORMAT_DRIFT_META_KEY,
  formatDriftOf,
  mergeRecordedFormatDrift,
  parseRecordedFormatDrift,
  type AgentReadStats,
  type FormatDrift,
  type RecordedFormatDrift,
} from './format-drift.js';
export { beats, type CopyOrder } from './copy-order.js';
export { noteLookup, recordLookups } from './lookup-recorder.js';
export { isDroppedReplay, noteReplayOriginal, type ReplayFacts, type ReplayOriginals } from './replay-rule.js';
export {
  BUDGET_PERIODS,
  BUDGET_STATES,
  budgetPercent,
  budgetScopeText,
  budgetState,
  budgetStateRank,
  budgetStatus,
  budgetWindow,
  isBudgetPeriod,
  parseBudgetAmount,
  parseBudgetName,
  parseBudgetPeriod,
  projectSpend,
  tightestBudget,
  toBudgetJson,
  toBudgetStatusJson,
  toBudgetStatusReportJson,
  type Budget,
  type BudgetJson,
  type BudgetPeriod,
  type BudgetScope,
  type BudgetSpec,
  type BudgetState,
  type BudgetStatus,
  type BudgetStatusJson,
  type BudgetStatusReportJson,
  type BudgetWindow,
} from './budget.js';
export { BudgetAlertTracker, budgetAlertLine, type BudgetAlert } from './budget-alerts.js';
export {
  PLAN_PRESETS,
  planPreset,
  planPeriodsOf,
  planReturns,
  proratedFeeNanos,
  type PlanPreset,
  type PlanPeriod,
  type PlanReturn,
  type PlanSetting,
  type PlansConfig,
} from './plans/index.js';
