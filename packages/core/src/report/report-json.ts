import { nanosToUsd } from '../money.js';
import { planUnitsJson, type PlanUnitsJson } from '../plan-units.js';
import { selectCostNanos } from '../session-view.js';
import type { CostMode } from '../session.js';
import { cacheWriteTokens, totalTokens } from '../tokens.js';
import { blockBurnRate, projectBlock, type BillingBlock } from './billing-blocks.js';
import type { UsageAggregate } from './usage-aggregate.js';
import type { UsageReport, UsageReportRow } from './usage-report.js';

/** Token classes and cost of an aggregate in the stable camelCase JSON convention (plan units where any). */
export interface UsageFiguresJson extends PlanUnitsJson {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  cacheWrite5mTokens: number;
  cacheWrite1hTokens: number;
  reasoningTokens: number;
  totalTokens: number;
  /** Dollars in the chosen cost mode, 6 decimals. */
  costUsd: number;
  requestCount: number;
  unpricedRequestCount: number;
}

export interface UsageReportRowJson extends UsageFiguresJson {
  period: string;
  start: string;
  end: string;
  group: string | null;
  sessions: number;
  activeDays: number;
  models: string[];
  breakdown?: (UsageFiguresJson & { model: string | null })[];
}

/** The JSON document of `rimuru report daily|weekly|monthly`. */
export interface UsageReportJson {
  period: UsageReport['period'];
  timezone: string;
  startOfWeek: string | null;
  groupBy: string | null;
  costMode: CostMode;
  rows: UsageReportRowJson[];
  totals: UsageFiguresJson & { sessions: number; activeDays: number };
}

/** Figures of an aggregate as JSON numbers (tokens fit in a double; dollars rounded at the edge). */
export function usageFiguresJson(a: UsageAggregate, costMode: CostMode): UsageFiguresJson {
  return {
    inputTokens: a.tokens.input,
    outputTokens: a.tokens.output,
    cacheReadTokens: a.tokens.cacheRead,
    cacheWriteTokens: cacheWriteTokens(a.tokens),
    cacheWrite5mTokens: a.tokens.cacheWrite5m,
    cacheWrite1hTokens: a.tokens.cacheWrite1h,
    reasoningTokens: a.tokens.reasoning,
    totalTokens: totalTokens(a.tokens),
    costUsd: nanosToUsd(selectCostNanos(a, costMode)),
    requestCount: a.requestCount,
    unpricedRequestCount: a.unpricedRequestCount,
    ...planUnitsJson(a),
  };
}

function rowJson(row: UsageReportRow, costMode: CostMode): UsageReportRowJson {
  return {
    period: row.period,
    start: row.start.toISOString(),
    end: row.end.toISOString(),
    group: row.group,
    ...usageFiguresJson(row, costMode),
    sessions: row.sessionCount,
    activeDays: row.activeDays,
    models: row.models,
    ...(row.breakdown
      ? { breakdown: row.breakdown.map((m) => ({ model: m.model, ...usageFiguresJson(m, costMode) })) }
      : {}),
  };
}

/** A usage report as its stable JSON document. */
export function toUsageReportJson(report: UsageReport, costMode: CostMode): UsageReportJson {
  return {
    period: report.period,
    timezone: report.zone,
    startOfWeek: report.startOfWeek,
    groupBy: report.groupBy,
    costMode,
    rows: report.rows.map((r) => rowJson(r, costMode)),
    totals: {
      ...usageFiguresJson(report.totals, costMode),
      sessions: report.totals.sessionCount,
      activeDays: report.totals.activeDays,
    },
  };
}

export interface BillingBlockJson extends UsageFiguresJson {
  start: string;
  end: string;
  firstAt: string | null;
  lastAt: string | null;
  isGap: boolean;
  isActive: boolean;
  models: string[];
  burnRate: { tokensPerMinute: number; nonCacheTokensPerMinute: number; costUsdPerHour: number } | null;
  projection: { totalTokens: number; costUsd: number; remainingMinutes: number } | null;
}

/** Billing blocks as JSON, with burn rate and (for the active block) projection. */
export function toBillingBlockJson(block: BillingBlock, costMode: CostMode, now: Date): BillingBlockJson {
  const cost = selectCostNanos(block, costMode);
  const rate = blockBurnRate(block, cost);
  const projection = projectBlock(block, cost, now);
  return {
    start: block.start.toISOString(),
    end: block.end.toISOString(),
    firstAt: block.firstAt?.toISOString() ?? null,
    lastAt: block.lastAt?.toISOString() ?? null,
    isGap: block.isGap,
    isActive: block.isActive,
    ...usageFiguresJson(block, costMode),
    models: block.models,
    burnRate:
      rate === null
        ? null
        : {
            tokensPerMinute: rate.tokensPerMinute,
            nonCacheTokensPerMinute: rate.nonCacheTokensPerMinute,
            costUsdPerHour: nanosToUsd(rate.costNanosPerHour),
          },
    projection:
      projection === null
        ? null
        : {
            totalTokens: projection.totalTokens,
            costUsd: nanosToUsd(projection.costNanos),
            remainingMinutes: projection.remainingMinutes,
          },
  };
}
