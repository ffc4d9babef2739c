import {
  aggregateCost,
  formatUsd,
  nanosToUsd,
  totalTokens,
  type CostAggregate,
  type CostMode,
  type CostSource,
} from '@rimuru/core';

/** One line of the Costs view's By model / By agent panels: the figures of `rimuru costs …`. */
export interface CostRow {
  name: string;
  requests: number;
  /** Total tokens; null when the usage of the row is unknown (sessions whose agent keeps none). */
  tokens: number | null;
  costNanos: bigint;
  costSource: CostSource;
  /** Requests whose model has no price: counted in tokens, 0 in cost. */
  unpricedRequests: number;
}

/** A usage group as the store returns it (`store.usage.breakdown`). */
export interface CostGroup extends CostAggregate {
  group: string | null;
}

/**
 * Rows of usage groups under a cost mode, in the order `rimuru costs by-model` prints them:
 * most expensive first, then most tokens, then by name. Money stays exact (nano-dollars).
 */
export function costRows(groups: readonly CostGroup[], mode: CostMode, unnamed = '(no model)'): CostRow[] {
  return groups
    .map((g) => {
      const cost = aggregateCost(g, mode);
      return {
        name: g.group ?? unnamed,
        requests: g.requestCount,
        tokens: totalTokens(g.tokens),
        costNanos: cost.costNanos,
        costSource: cost.costSource,
        unpricedRequests: g.unpricedRequestCount,
      };
    })
    .sort(byCostThenTokens);
}

export function byCostThenTokens(a: CostRow, b: CostRow): number {
  if (a.costNanos !== b.costNanos) return a.costNanos > b.costNanos ? -1 : 1;
  return (b.tokens ?? -1) - (a.tokens ?? -1) || a.name.localeCompare(b.name);
}

/** The cost cell of `rimuru costs …`: `—` unknown, `unpriced`, or dollars (`*` when some requests lack a price). */
export function costCell(row: Pick<CostRow, 'costNanos' | 'costSource' | 'unpricedRequests'>): string {
  if (row.costSource === 'unknown') return '—';
  if (row.costSource === 'unpriced') return 'unpriced';
  return `${formatUsd(nanosToUsd(row.costNanos))}${row.unpricedRequests > 0 ? '*' : ''}`;
}
