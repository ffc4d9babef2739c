import {
  aggregateCost,
  formatTokens,
  totalTokens,
  type CostAggregate,
  type CostMode,
  type CostSource,
} from '@rimuru/core';
import { costCell } from './cost-rows.js';

/** Sessions, requests, tokens and cost of a period or an agent, ready to show. */
export interface UsageFigures {
  sessions: number;
  requests: number;
  /** null: every session of it comes from an agent that keeps no token counts. */
  tokens: number | null;
  costNanos: bigint;
  costSource: CostSource;
  unpricedRequests: number;
}

/**
 * Figures of usage totals. With no requests, the tokens and cost are unknown when the sessions
 * come from agents that keep none (`tokensUnknown`), and a true zero otherwise.
 */
export function usageFigures(
  sessions: number,
  totals: CostAggregate,
  mode: CostMode,
  tokensUnknown: boolean,
): UsageFigures {
  const unknown = totals.requestCount === 0 && tokensUnknown;
  const cost =
    totals.requestCount === 0
      ? ({ costNanos: 0n, costSource: unknown ? 'unknown' : 'calculated' } as const)
      : aggregateCost(totals, mode);
  return {
    sessions,
    requests: totals.requestCount,
    tokens: unknown ? null : totalTokens(totals.tokens),
    costNanos: cost.costNanos,
    costSource: cost.costSource,
    unpricedRequests: totals.unpricedRequestCount,
  };
}

/** `12.5K`, or `—` when unknown. */
export function tokensText(f: Pick<UsageFigures, 'tokens'>): string {
  return formatTokens(f.tokens);
}

/** `$1.20`, `$1.20*` (some requests unpriced), `unpriced`, or `—` when unknown. */
export function costText(f: Pick<UsageFigures, 'costNanos' | 'costSource' | 'unpricedRequests'>): string {
  return costCell(f);
}
