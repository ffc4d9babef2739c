import { activeSince, resolveTimeRange, selectCostNanos, totalTokens, type AgentType } from '@rimuru/core';
import type { UsageTotals } from '@rimuru/db';
import type { TuiRuntime } from '../tui-runtime.js';
import { agentTypesInStore } from './agent-types-in-store.js';
import { lastDays } from '../view-models/day-ranges.js';

export interface PeriodFigures {
  sessions: number;
  tokens: number;
  costNanos: bigint;
  requests: number;
}

export interface DashboardData {
  today: PeriodFigures;
  week: PeriodFigures;
  activeNow: number;
  totalSessions: number;
  costPerDay: { label: string; costNanos: bigint }[];
  tokensByAgent: { agentType: AgentType; tokens: number }[];
  lastSyncAt: string | null;
}

/** Today and 7-day figures, active sessions, cost per day (7 days) and tokens by agent (7 days). */
export async function loadDashboard(rt: TuiRuntime, now: Date): Promise<DashboardData> {
  const { store, zone, costMode } = rt;
  const today = resolveTimeRange('today', { now, zone });
  const week = resolveTimeRange('7d', { now, zone });
  const figures = async (from: Date): Promise<PeriodFigures> => {
    const [sessions, totals] = await Promise.all([store.sessions.count({ since: from }), store.usage.totals({ from })]);
    return { sessions, ...totalsFigures(totals, costMode) };
  };
  const days = lastDays(now, zone, 7);
  const [todayFigures, weekFigures, activeNow, totalSessions, perDay, perAgent, lastSyncAt] = await Promise.all([
    figures(today.from!),
    figures(week.from!),
    store.sessions.count({ activeSince: activeSince({ now, activeWindowMs: rt.activeWindowMs }) }),
    store.sessions.count({}),
    Promise.all(days.map((d) => store.usage.totals({ from: d.from, to: d.to }))),
    agentTypesInStore(store).then((types) => Promise.all(types.map((t) => store.usage.totals({ from: week.from!, agentTypes: [t] }).then((totals) => ({ type: t, totals }))))),
    store.meta.get('lastSyncAt'),
  ]);
  return {
    today: todayFigures,
    week: weekFigures,
    activeNow,
    totalSessions,
    costPerDay: days.map((d, i) => ({ label: d.label.slice(5), costNanos: selectCostNanos(perDay[i]!, costMode) })),
    tokensByAgent: perAgent.map(({ type, totals }) => ({ agentType: type, tokens: totalTokens(totals.tokens) })),
    lastSyncAt,
  };
}

export function totalsFigures(totals: UsageTotals, mode: TuiRuntime['costMode']): Omit<PeriodFigures, 'sessions'> {
  return { tokens: totalTokens(totals.tokens), costNanos: selectCostNanos(totals, mode), requests: totals.requestCount };
}
