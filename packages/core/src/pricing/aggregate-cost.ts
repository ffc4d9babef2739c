import { nanosToUsd } from '../money.js';
import { addPlanUnits, planUnitsJson, type PlanUnitSums, type PlanUnitsJson } from '../plan-units.js';
import type { CostMode, CostSource } from '../session.js';
import { cacheWriteTokens, totalTokens, type TokenCounts } from '../tokens.js';

/** What every usage aggregate keeps (a store's UsageTotals), with plan units where the records carried any. */
export interface CostAggregate extends PlanUnitSums {
  tokens: TokenCounts;
  requestCount: number;
  unpricedRequestCount: number;
  calculatedCostNanos: bigint;
  recordedCostNanos: bigint | null;
  autoCostNanos: bigint;
}

/**
 * The cost an aggregate shows under `--cost-mode`, with its provenance (design §3), the same
 * rules as a session's: no requests → unknown; recorded mode never substitutes a calculated
 * figure; calculated figures whose every request lacked a price are 'unpriced'.
 */
export function aggregateCost(a: CostAggregate, mode: CostMode): { costNanos: bigint; costSource: CostSource } {
  if (a.requestCount === 0) return { costNanos: 0n, costSource: 'unknown' };
  const calculated = {
    costNanos: a.calculatedCostNanos,
    costSource: a.unpricedRequestCount === a.requestCount ? 'unpriced' : 'calculated',
  } as const;
  if (mode === 'calculate') return calculated;
  if (mode === 'recorded') {
    return a.recordedCostNanos === null
      ? { costNanos: 0n, costSource: 'unknown' }
      : { costNanos: a.recordedCostNanos, costSource: 'recorded' };
  }
  return a.recordedCostNanos === null ? calculated : { costNanos: a.autoCostNanos, costSource: 'recorded' };
}

/** The JSON of one row of a cost report (`rimuru costs …`); `premiumRequests`/`aiCredits` only where any. */
export interface CostRowJson extends PlanUnitsJson {
  requestCount: number;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  reasoningTokens: number;
  totalTokens: number;
  costUsd: number;
  costSource: CostSource;
  /** Requests whose model has no price: counted in tokens, 0 in cost. */
  unpricedRequestCount: number;
}

export function costRowJson(a: CostAggregate, mode: CostMode): CostRowJson {
  const cost = aggregateCost(a, mode);
  return {
    requestCount: a.requestCount,
    inputTokens: a.tokens.input,
    outputTokens: a.tokens.output,
    cacheReadTokens: a.tokens.cacheRead,
    cacheWriteTokens: cacheWriteTokens(a.tokens),
    reasoningTokens: a.tokens.reasoning,
    totalTokens: totalTokens(a.tokens),
    costUsd: nanosToUsd(cost.costNanos),
    costSource: cost.costSource,
    unpricedRequestCount: a.unpricedRequestCount,
    ...planUnitsJson(a),
  };
}

/** Exact sum of aggregates (the totals line of a report). */
export function sumCostAggregates(items: readonly CostAggregate[]): CostAggregate {
  const out: CostAggregate = {
    tokens: { input: 0, output: 0, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, reasoning: 0 },
    requestCount: 0,
    unpricedRequestCount: 0,
    calculatedCostNanos: 0n,
    recordedCostNanos: null,
    autoCostNanos: 0n,
  };
  for (const a of items) {
    for (const k of Object.keys(out.tokens) as (keyof TokenCounts)[]) out.tokens[k] += a.tokens[k];
    out.requestCount += a.requestCount;
    out.unpricedRequestCount += a.unpricedRequestCount;
    out.calculatedCostNanos += a.calculatedCostNanos;
    out.autoCostNanos += a.autoCostNanos;
    if (a.recordedCostNanos !== null) out.recordedCostNanos = (out.recordedCostNanos ?? 0n) + a.recordedCostNanos;
    addPlanUnits(out, a);
  }
  return out;
}
