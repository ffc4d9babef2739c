import {
  activeBlockOfRecentSlots,
  resolveTimeRange,
  systemZoneToday,
  toBillingBlockJson,
  toSessionJson,
  usageFiguresJson,
  type BillingBlock,
  type BillingBlockJson,
  type BudgetStatusJson,
  type CalendarPeriod,
  type TimeRange,
  type CostMode,
  type SessionJson,
  type UsageFiguresJson,
} from '@rimuru/core';
import type { SessionStore } from '@rimuru/db';
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

/** Agent types whose usage forms billing blocks (the default of `report blocks`). */
const BLOCK_AGENT_TYPES = ['claude-code'];

/**
 * How far back the block's slots are read, widest last: a pause longer than a block within the
 * window fixes where the blocks start (core's activeBlockOfRecentSlots), and a day nearly always
 * holds one, so a refresh reads a day of slots, not the whole history.
 */
const BLOCK_WINDOWS_HOURS = [24, 72, 24 * 8, 24 * 32];

export async function statuslineFigures(store: SessionStore, options: FigureOptions): Promise<StatuslineFigures> {
  const { now, costMode } = options;
  const session = options.sessionId === null ? null : await findClaudeSession(store, options.sessionId);
  const today = options.zone === null ? systemZoneToday(now) : dayOf(resolveTimeRange('today', { zone: options.zone, now }));
  const totals = await store.usage.totals(today);
  const block = await activeBlock(store, now);
  const budget = await tightestBudgetState(store, { now, zone: options.zone, costMode });
  return {
    session: session === null ? null : toSessionJson(session, { now, activeWindowMs: options.activeWindowMs, costMode }),
    today: { ...usageFiguresJson(totals, costMode), from: today.from.toISOString(), to: today.to.toISOString() },
    block:
      block === null
        ? null
        : { ...toBillingBlockJson(block, costMode, now), remainingMinutes: Math.max(0, Math.round((block.end.getTime() - now.getTime()) / 60_000)) },
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

async function activeBlock(store: SessionStore, now: Date): Promise<BillingBlock | null> {
  for (const hours of BLOCK_WINDOWS_HOURS) {
    const from = new Date(now.getTime() - hours * 3_600_000);
    const recent = activeBlockOfRecentSlots(await blockSlots(store, from), { now, from });
    if (recent.settled) return recent.block;
  }
  // Weeks of use without a five-hour pause: only the whole history says where the blocks start.
  return activeBlockOfRecentSlots(await blockSlots(store, new Date(0)), { now, from: new Date(0) }).block;
}

/**
 * The block agents' slots since `from`. The agent types are kept here, not in the query: with
 * both filters SQLite walks every record of the agent type (its index) instead of the few
 * recent ones (the time index): 300–400 ms on a store of 200 000 records instead of a few.
 */
async function blockSlots(store: SessionStore, from: Date) {
  return (await store.usage.slots({ from })).filter((slot) => BLOCK_AGENT_TYPES.includes(slot.agentType));
}

