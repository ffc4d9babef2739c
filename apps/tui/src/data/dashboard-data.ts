import {
  activeSince,
  resolveTimeRange,
  type AgentType,
  type BillingBlock,
  type BudgetStatus,
  type StoredSession,
} from '@rimuru/core';
import { LAST_SYNC_META_KEY } from '@rimuru/sync';
import type { TuiRuntime } from '../tui-runtime.js';
import { agentTypesInStore } from './agent-types-in-store.js';
import { loadBudgetStatuses } from './budget-alerts.js';
import { costRows, type CostRow } from '../view-models/cost-rows.js';
import { foldTrend, type CostTrend } from '../view-models/cost-trend.js';
import { groupSlots } from '../view-models/slot-groups.js';
import type { UsageFigures } from '../view-models/usage-figures.js';
import { usageOf } from './usage-of.js';

/** Active sessions the dashboard lists at most (the count says how many there are). */
const ACTIVE_SESSIONS_SHOWN = 20;

export interface DashboardData {
  now: Date;
  zone: string;
  today: UsageFigures;
  /** The last 7 days (rolling). */
  week: UsageFigures;
  activeNow: number;
  totalSessions: number;
  /** Active sessions, latest activity first. */
  active: StoredSession[];
  /**
   * The Claude 5-hour block now running; null when none is; undefined while it is still being
   * read (it can need the whole history, so the rest of the dashboard does not wait for it).
   */
  block: BillingBlock | null | undefined;
  /** Cost per day over the last 7 days. */
  trend: CostTrend;
  /** Usage per project and per model over the last 7 days, most expensive first. */
  projects: CostRow[];
  models: CostRow[];
  /** Every agent type of the store and of registered plugins, over the last 7 days. */
  agents: { agentType: AgentType; figures: UsageFigures }[];
  budgets: BudgetStatus[];
  lastSyncAt: string | null;
}

export type DashboardRuntime = Pick<TuiRuntime, 'store' | 'zone' | 'costMode' | 'activeWindowMs' | 'adapters'>;

/**
 * Everything the dashboard shows but the block (`block` is passed in: the last one read, or
 * undefined before the first read ends), read in one go: the 7-day panels fold one slot query.
 */
export async function loadDashboard(
  rt: DashboardRuntime,
  now: Date,
  block?: BillingBlock | null,
): Promise<DashboardData> {
  const { store, zone, costMode } = rt;
  const today = resolveTimeRange('today', { now, zone });
  const week = resolveTimeRange('7d', { now, zone });
  const activeFilter = { activeSince: activeSince({ now, activeWindowMs: rt.activeWindowMs }) };
  const [todayFigures, weekFigures, activeNow, totalSessions, active, slots, agents, budgets, lastSyncAt] =
    await Promise.all([
      usageOf(store, { since: today.from! }, costMode),
      usageOf(store, { since: week.from! }, costMode),
      store.sessions.count(activeFilter),
      store.sessions.count({}),
      store.sessions.list({ ...activeFilter, limit: ACTIVE_SESSIONS_SHOWN }),
      store.usage.slots({ from: week.from! }),
      agentTypesInStore(store, rt.adapters).then((types) =>
        Promise.all(
          types.map(async (t) => ({
            agentType: t,
            figures: await usageOf(store, { since: week.from!, agentTypes: [t] }, costMode),
          })),
        ),
      ),
      loadBudgetStatuses(store, { now, zone, costMode }),
      store.meta.get(LAST_SYNC_META_KEY),
    ]);
  return {
    now,
    zone,
    today: todayFigures,
    week: weekFigures,
    activeNow,
    totalSessions,
    active,
    block,
    trend: foldTrend(slots, { from: week.from, to: null, hourly: false }, now, zone),
    projects: costRows(
      groupSlots(slots, (s) => s.projectPath),
      costMode,
      '(no project)',
    ),
    models: costRows(
      groupSlots(slots, (s) => s.model),
      costMode,
    ),
    agents,
    budgets,
    lastSyncAt,
  };
}
