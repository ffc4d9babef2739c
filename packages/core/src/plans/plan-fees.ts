import type { AgentType } from '../agent-type.js';
import { lazyLuxon } from '../on-demand.js';
import type { PlanPeriod } from './plan-periods.js';

/**
 * The part of a plan's fees that falls in [from, to): each calendar month of `zone` the plan
 * and the range share is charged its monthly fee × (shared time ÷ the month's length), so a
 * whole month costs exactly the fee whatever its length or DST change, and a day of a 31-day
 * month 1/31 of it. Exact in nano-dollars (rounded down once per month).
 */
export function proratedFeeNanos(period: PlanPeriod, range: { from: Date; to: Date }, zone: string): bigint {
  const start = Math.max(period.since.getTime(), range.from.getTime());
  const end = Math.min(period.until?.getTime() ?? Number.POSITIVE_INFINITY, range.to.getTime());
  if (end <= start) return 0n;
  const { DateTime } = lazyLuxon();
  let month = DateTime.fromMillis(start, { zone }).startOf('month');
  let total = 0n;
  while (month.toMillis() < end) {
    const next = month.plus({ months: 1 });
    const shared = Math.min(end, next.toMillis()) - Math.max(start, month.toMillis());
    if (shared > 0) total += (period.monthlyFeeNanos * BigInt(shared)) / BigInt(next.toMillis() - month.toMillis());
    month = next;
  }
  return total;
}

/** What one agent type's plans cost over a range beside what its usage would cost at API prices. */
export interface PlanReturn {
  agentType: AgentType;
  /** Labels of the plans that overlap the range, oldest first. */
  plans: string[];
  /** API-equivalent cost of the agent's usage in the range (the usual cost). */
  apiCostNanos: bigint;
  /** The plans' fees prorated over the range. */
  feeNanos: bigint;
}

/**
 * Per agent type with a plan in the range: API-equivalent cost beside the prorated fees. A range
 * open at the start begins with the agent's first plan; one open at the end stops at `now`.
 * Agents without a plan are absent (they show API cost only).
 */
export function planReturns(
  periods: readonly PlanPeriod[],
  apiCostNanos: ReadonlyMap<AgentType, bigint>,
  range: { from: Date | null; to: Date | null },
  zone: string,
  now: Date,
): PlanReturn[] {
  const byAgent = new Map<AgentType, PlanReturn>();
  for (const period of periods) {
    const window = { from: range.from ?? period.since, to: range.to ?? now };
    const fee = proratedFeeNanos(period, window, zone);
    const overlaps =
      Math.max(period.since.getTime(), window.from.getTime()) <
      Math.min(period.until?.getTime() ?? Infinity, window.to.getTime());
    if (!overlaps) continue;
    const entry = byAgent.get(period.agentType) ?? {
      agentType: period.agentType,
      plans: [],
      apiCostNanos: apiCostNanos.get(period.agentType) ?? 0n,
      feeNanos: 0n,
    };
    if (!entry.plans.includes(period.label)) entry.plans.push(period.label);
    entry.feeNanos += fee;
    byAgent.set(period.agentType, entry);
  }
  return [...byAgent.values()].sort((a, b) => a.agentType.localeCompare(b.agentType));
}
