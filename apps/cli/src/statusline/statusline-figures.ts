import {
  resolveTimeRange,
  systemZoneToday,
  toBillingBlockJson,
  toSessionJson,
  usageFiguresJson,
  type BillingBlockJson,
  type BudgetStatusJson,
  type CalendarPeriod,
  type TimeRange,
  type CostMode,
  type SessionJson,
  type UsageFiguresJson,
} from '@rimuru/core';
import type { SessionStore } from '@rimuru/db';
import { activeBillingBlock } from '@rimuru/app-runtime/active-block';
import { tightestBudgetState } from './budget-state.js';

/** Everything the line shows, as numbers (the `--format json` document holds them). */
export interface StatuslineFigures {
  /** The session as `sessions show --format json` has it; null before its first reply is stored. */
  session: SessionJson | null;
  /** All agents' usage of the local calendar day. */
  today: UsageFiguresJson & { from: string; to: string };
  /** Claude Code's active 5-hour block, as `report blocks --active --format json` has it, and its time left. */
  block: (BillingBlockJson & { remainingMinutes: number }) | null;
  /** The budget nearest its cap, as `budget status --format json` has it. */
  budget: BudgetStatusJson | null;
}

export interface FigureOptions {
  /** Claude Code's session id (the session's external id). */
  sessionId: string | null;
  now: Date;
  /** IANA zone of "today"; null for this process's own zone (computed without Intl, see systemZoneToday). */
  zone: string | null;
  costMode: CostMode;
  activeWindowMs: number;
}

export async function statuslineFigures(store: SessionStore, options: FigureOptions): Promise<StatuslineFigures> {
  const { now, costMode } = options;
  const session = options.sessionId === null ? null : await findClaudeSession(store, options.sessionId);
  const today =
    options.zone === null ? systemZoneToday(now) : dayOf(resolveTimeRange('today', { zone: options.zone, now }));
  const totals = await store.usage.totals(today);
  const block = await activeBillingBlock(store, now);
  const budget = await tightestBudgetState(store, { now, zone: options.zone, costMode });
  return {
    session:
      session === null ? null : toSessionJson(session, { now, activeWindowMs: options.activeWindowMs, costMode }),
    today: { ...usageFiguresJson(totals, costMode), from: today.from.toISOString(), to: today.to.toISOString() },
    block:
      block === null
        ? null
        : {
            ...toBillingBlockJson(block, costMode, now),
            remainingMinutes: Math.max(0, Math.round((block.end.getTime() - now.getTime()) / 60_000)),
          },
    budget,
  };
}

function dayOf(range: TimeRange): CalendarPeriod {
  return { from: range.from!, to: range.to! };
}

async function findClaudeSession(store: SessionStore, sessionId: string) {
  const matches = await store.sessions.find(sessionId, 5);
  return matches.find((s) => s.agentType === 'claude-code' && s.externalId === sessionId) ?? null;
}
