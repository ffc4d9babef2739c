import { activeSince, selectCostNanos, sessionStatsFromCounts, type SessionStatsJson } from '@rimuru/core';
import type { SessionStore } from '@rimuru/db';
import type { AnswerSettings } from './settings.js';

/** `rimuru sessions stats`: the instants [from, to) (null: unbounded) and agent types. */
export interface SessionStatsQuestion {
  from: Date | null;
  to: Date | null;
  agentTypes?: string[];
  /** Machines (sessions.host) to count; all when absent. */
  hosts?: string[];
}

/** The JSON answer of `rimuru sessions stats --format json`. */
export async function sessionStatsAnswer(
  store: SessionStore,
  settings: AnswerSettings,
  q: SessionStatsQuestion,
): Promise<SessionStatsJson> {
  const range = { from: q.from ?? undefined, to: q.to ?? undefined };
  // Counts and durations are aggregated by the store: no session row is loaded.
  const [counts, usage] = await Promise.all([
    store.sessions.counts(
      { since: range.from, until: range.to, agentTypes: q.agentTypes, hosts: q.hosts },
      activeSince(settings),
    ),
    store.usage.totals({ ...range, agentTypes: q.agentTypes, hosts: q.hosts }),
  ]);
  return sessionStatsFromCounts(counts, { tokens: usage.tokens, costNanos: selectCostNanos(usage, settings.costMode) });
}
