export * from './agent-type.js';
export * from './tokens.js';
export * from './adapter-event.js';
export * from './adapter.js';
export * from './errors.js';
export * from './session.js';
export { isRecord } from './json-record.js';

export { scaledBigIntToDecimalString } from './decimal.js';
export { nanosToUsd, nanosToUsd6, usdToNanos } from './money.js';
export { assertTimeZone, systemTimeZone } from './time-zone.js';
export {
  RANGE_NAMES,
  calendarWeekRange,
  parseDateBound,
  resolveTimeRange,
  systemZoneToday,
  type CalendarPeriod,
  type RangeName,
  type TimeRange,
} from './time-range.js';
export { formatDuration, formatTokens, formatTokensExact, formatUsd, shortId } from './format.js';
export { formatLocalDateTime, formatLocalDateTimeLong } from './format-datetime.js';
export { PRICED_TOKEN_CLASSES, computeCostNanos, picosToNanos, type PricedTokenClass } from './cost.js';
export { agentRowId, sessionRowId } from './session-id.js';
export {
  DEFAULT_ACTIVE_WINDOW_MINUTES,
  selectCostNanos,
  activeSince,
  sessionStatus,
  toSessionJson,
  type CostTotals,
  type SessionJsonOptions,
} from './session-view.js';
export {
  presentModelRow,
  presentSessionDetail,
  presentSessionRow,
  presentStoredSessionRow,
  projectName,
  toSessionDetailJson,
  type ModelBreakdownJson,
  type ModelUsageFigures,
  type SessionDetailViewJson,
  type SessionRowView,
} from './session-presenter.js';
export { sessionStatsFromCounts, type SessionCounts } from './stats.js';
export { SYNTHETIC_MODEL, costSourceOf, rollUpSession, type SessionRollup, type UsageGroup } from './session-rollup.js';
export { createModelPrice, type ModelPrice } from './pricing/model-price.js';
export { canonicalModelName } from './pricing/model-name.js';
export { parseLiteLLMPrices } from './pricing/litellm.js';
export { createPriceTable, type PriceTable } from './pricing/price-table.js';
export { BUNDLED_PRICES_SOURCE, bundledPriceTable } from './pricing/bundled.js';
export {
  BUNDLED_VALID_FROM,
  createDatedPriceBook,
  rowValidAt,
  rowsFromPriceTable,
  type DatedPriceBook,
  type DatedPriceRow,
} from './pricing/dated-price-book.js';
export { planPriceSync } from './pricing/price-sync-plan.js';
export { bundledSnapshotDate, planBundledUpgrade, priceOriginLabel } from './pricing/bundled-upgrade.js';
export { modelPriceFromOverride, priceOverridesFromConfig } from './pricing/price-override.js';
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
export { slotKey, usageSlotOfRecord, type UsageSlot } from './report/usage-slot.js';
export {
  REPORT_PERIODS,
  WEEK_STARTS,
  bucketLookup,
  parseWeekStart,
  type Bucket,
  type ReportPeriod,
  type WeekStart,
} from './report/buckets.js';
export { reportBuckets, usageReportFromCells, type ReportCell, type ReportRowCounts } from './report/report-cells.js';
export {
  REPORT_GROUP_BYS,
  createUsageReport,
  type ReportGroupBy,
  type UsageReport,
  type UsageReportOptions,
} from './report/usage-report.js';
export {
  billingBlocksOfSlots,
  blockBurnRate,
  createBillingBlocks,
  projectBlock,
  type BillingBlock,
} from './report/billing-blocks.js';
export { activeBlockOfRecentSlots } from './report/active-block.js';
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
} from './format-drift.js';
export { beats, type CopyOrder } from './copy-order.js';
export { noteLookup, recordLookups } from './lookup-recorder.js';
export { isDroppedReplay, noteReplayOriginal, type ReplayOriginals } from './replay-rule.js';
export {
  BUDGET_PERIODS,
  BUDGET_STATES,
  budgetPercent,
  budgetScopeText,
  budgetStateRank,
  budgetStatus,
  budgetWindow,
  isBudgetPeriod,
  parseBudgetAmount,
  parseBudgetName,
  parseBudgetPeriod,
  tightestBudget,
  toBudgetJson,
  toBudgetStatusJson,
  toBudgetStatusReportJson,
  type Budget,
  type BudgetSpec,
  type BudgetState,
  type BudgetStatus,
  type BudgetStatusJson,
  type BudgetStatusReportJson,
} from './budget.js';
export { BudgetAlertTracker, budgetAlertLine } from './budget-alerts.js';
export { planPeriodsOf, planReturns, proratedFeeNanos, type PlansConfig } from './plans/index.js';
