import {
  formatUsd,
  nanosToUsd,
  planPeriodsOf,
  planReturns,
  selectCostNanos,
  type AgentType,
  type CostMode,
  type CostTotals,
  type PlansConfig,
} from '@rimuru/core';

/**
 * The one repository plan returns read (a `SessionStore` of @rimuru/db has it): named here by
 * shape, so this package needs no database dependency.
 */
export interface PlanReturnsStore {
  readonly usage: {
    breakdown(query: {
      groupBy: 'agentType';
      from?: Date;
      to?: Date;
      agentTypes?: AgentType[];
      hosts?: string[];
    }): Promise<(CostTotals & { group: string | null })[]>;
  };
}

/** One agent type with a plan in the range: what its usage would cost at API prices beside the fees paid. */
export interface PlanReturnJson {
  agentType: string;
  plans: string[];
  apiCostUsd: number;
  planFeesUsd: number;
  /** API-equivalent USD per USD of fees; null when the fees are 0. */
  returnedUsdPerUsd: number | null;
}

export interface PlanReturnsJson {
  rows: PlanReturnJson[];
  /** Over the agents with a plan only (agents without one show API cost only). */
  totals: Omit<PlanReturnJson, 'agentType' | 'plans'>;
}

export interface PlanReturnsQuestion {
  plans: PlansConfig | undefined;
  /** [from, to); null: open (from the first plan, up to now). */
  range: { from: Date | null; to: Date | null };
  zone: string;
  now: Date;
  costMode: CostMode;
  /** The answer's own filters: only these agent types' plans, only these machines' usage. */
  agentTypes?: string[];
  hosts?: string[];
}

function ratio(api: bigint, fees: bigint): number | null {
  if (fees === 0n) return null;
  // Two decimals are all a "10.7×" needs; computed on integers so it is exact.
  return Number((api * 100n) / fees) / 100;
}

/** Whether the config names any plan at all (no plan: no `plans` field, no lines). */
export function hasPlans(plans: PlansConfig | undefined): plans is PlansConfig {
  return plans !== undefined && Object.keys(plans).length > 0;
}

/**
 * The plan returns over a range: per agent type with a plan, the API-equivalent cost of its
 * usage (under the cost mode, as every cost report shows it) beside the plans' fees prorated
 * over the range, and totals over those agents. Plans never change any cost.
 */
export async function planReturnsAnswer(store: PlanReturnsStore, q: PlanReturnsQuestion): Promise<PlanReturnsJson> {
  const periods = planPeriodsOf(q.plans, q.zone).filter(
    (p) => q.agentTypes === undefined || q.agentTypes.includes(p.agentType),
  );
  if (periods.length === 0) return { rows: [], totals: { apiCostUsd: 0, planFeesUsd: 0, returnedUsdPerUsd: null } };
  const groups = await store.usage.breakdown({
    groupBy: 'agentType',
    ...(q.range.from ? { from: q.range.from } : {}),
    ...(q.range.to ? { to: q.range.to } : {}),
    ...(q.agentTypes ? { agentTypes: q.agentTypes } : {}),
    ...(q.hosts ? { hosts: q.hosts } : {}),
  });
  const apiCost = new Map<AgentType, bigint>();
  for (const g of groups) if (g.group !== null) apiCost.set(g.group, selectCostNanos(g, q.costMode));
  const returns = planReturns(periods, apiCost, q.range, q.zone, q.now);
  let api = 0n;
  let fees = 0n;
  const rows = returns.map((r) => {
    api += r.apiCostNanos;
    fees += r.feeNanos;
    return {
      agentType: r.agentType,
      plans: r.plans,
      apiCostUsd: nanosToUsd(r.apiCostNanos),
      planFeesUsd: nanosToUsd(r.feeNanos),
      returnedUsdPerUsd: ratio(r.apiCostNanos, r.feeNanos),
    };
  });
  return {
    rows,
    totals: { apiCostUsd: nanosToUsd(api), planFeesUsd: nanosToUsd(fees), returnedUsdPerUsd: ratio(api, fees) },
  };
}

const usdText = (usd: number) => `${formatUsd(usd).replace('$', '')} USD`;

function returnLine(name: string, r: Omit<PlanReturnJson, 'agentType' | 'plans'>): string {
  const times = r.returnedUsdPerUsd === null ? '' : ` (${r.returnedUsdPerUsd.toFixed(1)}×)`;
  return `${name}: ${usdText(r.apiCostUsd)} of API-equivalent usage for ${usdText(r.planFeesUsd)}${times}`;
}

/**
 * The lines under a cost table, CLI and TUI alike: "Claude Max 20x (claude-code): 2,140.00 USD
 * of API-equivalent usage for 200.00 USD (10.7×)", and a total when more than one agent has a plan.
 */
export function planReturnLines(p: PlanReturnsJson): string[] {
  if (p.rows.length === 0) return [];
  const lines = p.rows.map((r) => returnLine(`${r.plans.join(', then ')} (${r.agentType})`, r));
  if (p.rows.length > 1) lines.push(returnLine('All plans', p.totals));
  return lines;
}
