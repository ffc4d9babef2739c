import { resolveTimeRange, selectCostNanos, totalTokens, type AgentType } from '@rimuru/core';
import type { TuiRuntime } from '../tui-runtime.js';
import { agentTypesInStore } from './agent-types-in-store.js';
import { trendDays, type CostRange } from '../view-models/cost-range.js';
import { lastDays } from '../view-models/day-ranges.js';
import { costsByModel, type ModelCostRow } from '../view-models/model-costs.js';
import { totalsFigures, type PeriodFigures } from './dashboard-data.js';

/** The by-model panel reads at most this many sessions (newest first) so "all time" stays quick. */
export const MODEL_SESSION_CAP = 5_000;

export interface CostsData {
  range: CostRange;
  summary: PeriodFigures & { unpricedRequests: number; recordedNanos: bigint | null; calculatedNanos: bigint };
  byAgent: { agentType: AgentType; tokens: number; costNanos: bigint; requests: number }[];
  byModel: ModelCostRow[];
  byModelCapped: boolean;
  daily: { label: string; costNanos: bigint }[];
}

export async function loadCosts(rt: TuiRuntime, range: CostRange, now: Date): Promise<CostsData> {
  const { store, zone, costMode } = rt;
  const r = resolveTimeRange(range, { now, zone });
  const bounds = { ...(r.from ? { from: r.from } : {}), ...(r.to ? { to: r.to } : {}) };
  const filter = { ...(r.from ? { since: r.from } : {}), ...(r.to ? { until: new Date(r.to.getTime() - 1) } : {}) };
  const days = lastDays(now, zone, trendDays(range, now, zone));
  const [totals, sessions, agents, sessionsInRange, daily] = await Promise.all([
    store.usage.totals(bounds),
    store.sessions.count(filter),
    agentTypesInStore(store).then((types) => Promise.all(types.map((t) => store.usage.totals({ ...bounds, agentTypes: [t] }).then((totals) => ({ type: t, totals }))))),
    store.sessions.list({ ...filter, limit: MODEL_SESSION_CAP }),
    Promise.all(days.map((d) => store.usage.totals({ from: d.from, to: d.to }))),
  ]);
  return {
    range,
    summary: {
      sessions,
      ...totalsFigures(totals, costMode),
      unpricedRequests: totals.unpricedRequestCount,
      recordedNanos: totals.recordedCostNanos,
      calculatedNanos: totals.calculatedCostNanos,
    },
    byAgent: agents.map(({ type, totals: t }) => ({
      agentType: type,
      tokens: totalTokens(t.tokens),
      costNanos: selectCostNanos(t, costMode),
      requests: t.requestCount,
    })),
    byModel: costsByModel(sessionsInRange, costMode),
    byModelCapped: sessionsInRange.length >= MODEL_SESSION_CAP,
    daily: days.map((d, i) => ({ label: d.label.slice(5), costNanos: selectCostNanos(daily[i]!, costMode) })),
  };
}
