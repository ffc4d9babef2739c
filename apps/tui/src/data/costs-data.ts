import { hasPlans, planReturnLines, planReturnsAnswer } from '@rimuru/app-runtime';
import { resolveTimeRange, type PlansConfig } from '@rimuru/core';
import type { TuiRuntime } from '../tui-runtime.js';
import { agentTypesInStore } from './agent-types-in-store.js';
import type { CostRange } from '../view-models/cost-range.js';
import { byCostThenTokens, costRows, type CostRow } from '../view-models/cost-rows.js';
import { foldTrend, type CostTrend } from '../view-models/cost-trend.js';
import type { UsageFigures } from '../view-models/usage-figures.js';
import { usageOf } from './usage-of.js';

export interface CostsData {
  range: CostRange;
  zone: string;
  summary: UsageFigures & { recordedNanos: bigint | null; calculatedNanos: bigint };
  /** Every agent type of the store, with its usage over the range (unknown for agents that keep no tokens). */
  byAgent: CostRow[];
  /** Usage per model over the range: the rows of `rimuru costs by-model`. */
  byModel: CostRow[];
  /** Every hour (Today) or day of the range, empty ones included. */
  trend: CostTrend;
  /** What each configured plan returned over the range (`planReturnLines`); empty without plans. */
  planLines: string[];
}

/** What the Costs view reads: the store and how to show it. */
export type CostsRuntime = Pick<TuiRuntime, 'store' | 'zone' | 'costMode'> &
  Partial<Pick<TuiRuntime, 'adapters' | 'config'>>;

/** The plan lines of the CLI's cost reports; a config whose plans cannot be read says so in one line. */
async function planLinesOf(
  rt: CostsRuntime,
  range: { from: Date | null; to: Date | null },
  now: Date,
): Promise<string[]> {
  const plans = rt.config?.plans as PlansConfig | undefined;
  if (!hasPlans(plans)) return [];
  try {
    return planReturnLines(
      await planReturnsAnswer(rt.store, { plans, range, zone: rt.zone, now, costMode: rt.costMode }),
    );
  } catch (error) {
    return [`plans: ${error instanceof Error ? error.message : String(error)}`];
  }
}

export async function loadCosts(rt: CostsRuntime, range: CostRange, now: Date): Promise<CostsData> {
  const { store, zone, costMode } = rt;
  const r = resolveTimeRange(range, { now, zone });
  const bounds = { ...(r.from ? { from: r.from } : {}), ...(r.to ? { to: r.to } : {}) };
  const filter = { ...(r.from ? { since: r.from } : {}), ...(r.to ? { until: new Date(r.to.getTime() - 1) } : {}) };
  const [summary, agents, models, slots, planLines] = await Promise.all([
    usageOf(store, filter, costMode),
    agentTypesInStore(store, rt.adapters).then((types) =>
      Promise.all(
        types.map(async (t) => ({ type: t, figures: await usageOf(store, { ...filter, agentTypes: [t] }, costMode) })),
      ),
    ),
    // Per model, not per session's main model: a session that used two models pays each its share.
    store.usage.breakdown({ groupBy: 'model', ...bounds }),
    store.usage.slots(bounds),
    planLinesOf(rt, { from: r.from, to: r.to }, now),
  ]);
  return {
    range,
    zone,
    summary: {
      ...summary,
      recordedNanos: summary.totals.recordedCostNanos,
      calculatedNanos: summary.totals.calculatedCostNanos,
    },
    byAgent: agents
      .map(({ type, figures: f }) => ({
        name: type,
        requests: f.requests,
        tokens: f.tokens,
        costNanos: f.costNanos,
        costSource: f.costSource,
        unpricedRequests: f.unpricedRequests,
      }))
      .sort(byCostThenTokens),
    byModel: costRows(models, costMode),
    trend: foldTrend(slots, { from: r.from, to: r.to, hourly: range === 'today' }, now, zone),
    planLines,
  };
}
