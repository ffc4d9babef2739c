import {
  BUDGET_PERIODS,
  BUDGET_STATES,
  COST_MODES,
  PRICED_TOKEN_CLASSES,
  REPORT_PERIODS,
  type BillingBlockJson,
  type BudgetStatusJson,
  type BudgetStatusReportJson,
  type CostRowJson,
  type PlanUnitsJson,
  type SessionJson,
  type SessionStatsJson,
  type UsageFiguresJson,
  type UsageReportJson,
  type UsageReportRowJson,
} from '@rimuru/core';
import type { PlanReturnJson, PlanReturnsJson } from '@rimuru/app-runtime';
import type { PlanFields } from '../answers/plan-returns.js';
import type { CostBreakdownJson, CostClassJson } from '../render/cost-breakdown.js';
import type { CostReportJson } from '../render/cost-report.js';
import type { ModelBreakdownJson, SessionDetailJson } from '../render/session-detail.js';
import {
  arrayOf,
  boolean,
  count,
  described,
  enumOf,
  instant,
  integer,
  nullable,
  number,
  objectOf,
  string,
  type JsonSchema,
} from './json-schema.js';

// JSON Schemas of the CLI's `--format json` answers (src/answers), which the MCP tools return
// as their structured content.

const COST_SOURCES = ['recorded', 'calculated', 'unpriced', 'unknown'] as const;
const usd = described(number, 'US dollars, 6 decimals');
const tokens = count;
const tokensOrUnknown = described(nullable(count), 'null when the agent keeps no token data');

const sessionJsonProperties = {
  id: described(string, "Rimuru's session id"),
  externalId: described(string, "The agent's own session id"),
  agentType: string,
  agentName: string,
  status: enumOf(['active', 'completed']),
  startedAt: instant,
  endedAt: instant,
  durationMs: count,
  inputTokens: tokensOrUnknown,
  outputTokens: tokensOrUnknown,
  cacheReadTokens: tokensOrUnknown,
  cacheWriteTokens: tokensOrUnknown,
  reasoningTokens: tokensOrUnknown,
  totalTokens: tokensOrUnknown,
  model: nullable(string),
  models: arrayOf(string),
  projectPath: nullable(string),
  costUsd: usd,
  costSource: enumOf(COST_SOURCES),
  requestCount: count,
} satisfies Record<keyof SessionJson, JsonSchema>;

export const sessionJsonSchema = objectOf<SessionJson>(sessionJsonProperties);

const modelBreakdownSchema = objectOf<ModelBreakdownJson>({
  model: nullable(string),
  requestCount: count,
  priced: boolean,
  inputTokens: tokens,
  outputTokens: tokens,
  cacheReadTokens: tokens,
  cacheWrite5mTokens: tokens,
  cacheWrite1hTokens: tokens,
  reasoningTokens: tokens,
  totalTokens: tokens,
  calculatedCostUsd: usd,
  recordedCostUsd: nullable(usd),
  costUsd: usd,
});

const costClassSchema = objectOf<CostClassJson>({
  tokenClass: enumOf(PRICED_TOKEN_CLASSES),
  tokens,
  usdPerMTok: nullable(number),
  costUsd: usd,
});

const costBreakdownSchema = objectOf<CostBreakdownJson>({
  model: nullable(string),
  priced: boolean,
  unpricedReason: nullable(string),
  candidates: arrayOf(string),
  priceKey: nullable(string),
  priceSource: nullable(string),
  priceValidFrom: nullable(instant),
  requestCount: count,
  longContextRequests: count,
  fastRequests: count,
  classes: arrayOf(costClassSchema),
  costUsd: usd,
});

/** Units of the agent's plan (Copilot): answers carry them only where records did. */
const planUnitProperties = {
  premiumRequests: described(
    number,
    "Premium requests the agent's plan counted (GitHub Copilot, multipliers applied); not dollars",
  ),
  aiCredits: described(number, "AI credits the agent's plan counted (GitHub Copilot); not dollars"),
} satisfies Record<keyof PlanUnitsJson, JsonSchema>;
const PLAN_UNIT_KEYS = ['premiumRequests', 'aiCredits'] as const;

export const sessionDetailSchema = objectOf<SessionDetailJson>(
  {
    ...sessionJsonProperties,
    host: string,
    parentExternalId: nullable(string),
    cacheWrite5mTokens: tokensOrUnknown,
    cacheWrite1hTokens: tokensOrUnknown,
    calculatedCostUsd: usd,
    recordedCostUsd: nullable(usd),
    unpricedRequestCount: count,
    byModel: arrayOf(modelBreakdownSchema),
    costBreakdown: arrayOf(costBreakdownSchema),
    ...planUnitProperties,
  },
  PLAN_UNIT_KEYS,
);

/** What a cost answer gains when the config names plans (see answers/plan-returns.ts). */
const planReturnProperties = {
  apiCostUsd: usd,
  planFeesUsd: described(usd, "The plans' monthly fees prorated over the window"),
  returnedUsdPerUsd: described(nullable(number), 'API-equivalent USD per USD of fees; null when the fees are 0'),
};
const planFieldProperties = {
  plans: arrayOf(objectOf<PlanReturnJson>({ agentType: string, plans: arrayOf(string), ...planReturnProperties })),
  planTotals: objectOf<PlanReturnsJson['totals']>(planReturnProperties),
} satisfies Record<keyof PlanFields, JsonSchema>;
const PLAN_FIELD_KEYS = ['plans', 'planTotals'] as const;

export const sessionStatsSchema = objectOf<SessionStatsJson & PlanFields>(
  {
    totalSessions: count,
    activeSessions: count,
    completedSessions: count,
    totalDurationMs: count,
    avgDurationMs: count,
    totalTokens: tokens,
    avgTokensPerSession: count,
    totalCostUsd: usd,
    avgCostPerSession: usd,
    inputTokens: tokens,
    outputTokens: tokens,
    cacheReadTokens: tokens,
    cacheWriteTokens: tokens,
    reasoningTokens: tokens,
    ...planFieldProperties,
  },
  PLAN_FIELD_KEYS,
);

const usageFiguresProperties = {
  inputTokens: tokens,
  outputTokens: tokens,
  cacheReadTokens: tokens,
  cacheWriteTokens: tokens,
  cacheWrite5mTokens: tokens,
  cacheWrite1hTokens: tokens,
  reasoningTokens: tokens,
  totalTokens: tokens,
  costUsd: usd,
  requestCount: count,
  unpricedRequestCount: count,
  ...planUnitProperties,
} satisfies Record<keyof UsageFiguresJson, JsonSchema>;

const usageReportRowSchema = objectOf<UsageReportRowJson>(
  {
    ...usageFiguresProperties,
    period: described(string, 'The local day (YYYY-MM-DD), week or month (YYYY-MM)'),
    start: instant,
    end: instant,
    group: described(nullable(string), 'The agent, model or project of the row when grouped'),
    sessions: count,
    activeDays: count,
    models: arrayOf(string),
    breakdown: arrayOf(
      objectOf<UsageFiguresJson & { model: string | null }>(
        { ...usageFiguresProperties, model: nullable(string) },
        PLAN_UNIT_KEYS,
      ),
    ),
  },
  ['breakdown', ...PLAN_UNIT_KEYS],
);

export const usageReportSchema = objectOf<UsageReportJson & PlanFields>(
  {
    period: enumOf(REPORT_PERIODS),
    timezone: string,
    startOfWeek: nullable(string),
    groupBy: nullable(string),
    costMode: enumOf(COST_MODES),
    rows: arrayOf(usageReportRowSchema),
    totals: objectOf<UsageReportJson['totals']>(
      { ...usageFiguresProperties, sessions: count, activeDays: count },
      PLAN_UNIT_KEYS,
    ),
    ...planFieldProperties,
  },
  PLAN_FIELD_KEYS,
);

export const billingBlockSchema = objectOf<BillingBlockJson>(
  {
    ...usageFiguresProperties,
    start: instant,
    end: instant,
    firstAt: nullable(instant),
    lastAt: nullable(instant),
    isGap: boolean,
    isActive: boolean,
    models: arrayOf(string),
    burnRate: nullable(
      objectOf<NonNullable<BillingBlockJson['burnRate']>>({
        tokensPerMinute: number,
        nonCacheTokensPerMinute: number,
        costUsdPerHour: usd,
      }),
    ),
    projection: nullable(
      objectOf<NonNullable<BillingBlockJson['projection']>>({
        totalTokens: number,
        costUsd: usd,
        remainingMinutes: integer,
      }),
    ),
  },
  PLAN_UNIT_KEYS,
);

const costRowProperties = {
  requestCount: count,
  inputTokens: tokens,
  outputTokens: tokens,
  cacheReadTokens: tokens,
  cacheWriteTokens: tokens,
  reasoningTokens: tokens,
  totalTokens: tokens,
  costUsd: usd,
  costSource: enumOf(COST_SOURCES),
  unpricedRequestCount: count,
  ...planUnitProperties,
} satisfies Record<keyof CostRowJson, JsonSchema>;

export const costReportSchema = objectOf<CostReportJson & PlanFields>(
  {
    range: string,
    from: nullable(instant),
    to: nullable(instant),
    costMode: enumOf(COST_MODES),
    groupBy: enumOf(['agentType', 'model']),
    rows: arrayOf(
      objectOf<CostReportJson['rows'][number]>({ ...costRowProperties, name: nullable(string) }, PLAN_UNIT_KEYS),
    ),
    totals: objectOf<CostRowJson>(costRowProperties, PLAN_UNIT_KEYS),
    ...planFieldProperties,
  },
  PLAN_FIELD_KEYS,
);

export const budgetStatusReportSchema = objectOf<BudgetStatusReportJson>({
  timeZone: string,
  at: instant,
  budgets: arrayOf(
    objectOf<BudgetStatusJson>({
      name: string,
      period: enumOf(BUDGET_PERIODS),
      amountUsd: usd,
      spentUsd: usd,
      remainingUsd: usd,
      projectedUsd: described(usd, "Spend at the period's end if the burn rate so far holds"),
      percentUsed: number,
      state: enumOf(BUDGET_STATES, 'ok; warning from 80 % spent; exceeded from 100 %'),
      projectedState: enumOf(BUDGET_STATES),
      hard: boolean,
      agentType: nullable(string),
      project: nullable(string),
      model: nullable(string),
      periodStart: instant,
      periodEnd: instant,
    }),
  ),
});
