import { divRoundHalfAwayFromZero } from './decimal.js';
import { nanosToUsd } from './money.js';
import type { SessionStatsJson, StoredSession } from './session.js';
import { cacheWriteTokens, totalTokens, type TokenCounts } from './tokens.js';

export interface SessionStatsInput {
  /** Sessions with any activity inside the range. */
  sessions: Pick<StoredSession, 'startedAt' | 'endedAt' | 'endedByHook'>[];
  /** Totals of the usage records inside the range (money already summed exactly). */
  usage: { tokens: TokenCounts; costNanos: bigint };
  now: Date;
  activeWindowMs: number;
}

/** Session counts and durations of a range: summed in memory or by the store's SQL aggregates. */
export interface SessionCounts {
  sessions: number;
  /** Sessions active at `now` (see sessionStatus). */
  activeSessions: number;
  /** Sum over sessions of max(0, endedAt − startedAt), in milliseconds. */
  totalDurationMs: number;
}

/**
 * `sessions stats` (design §3/§4): counts and durations from the sessions, token and cost
 * figures from the usage records in the range. Averages are over all sessions (0 when there
 * are none); durations and tokens averages are rounded to whole units, money is kept in
 * nano-dollars until the final rounding to 6 decimals.
 */
export function sessionStatsFromCounts(counts: SessionCounts, usage: SessionStatsInput['usage']): SessionStatsJson {
  const n = counts.sessions;
  const active = counts.activeSessions;
  const totalDurationMs = counts.totalDurationMs;
  const tokens = totalTokens(usage.tokens);
  return {
    totalSessions: n,
    activeSessions: active,
    completedSessions: n - active,
    totalDurationMs,
    avgDurationMs: n === 0 ? 0 : Math.round(totalDurationMs / n),
    totalTokens: tokens,
    avgTokensPerSession: n === 0 ? 0 : Math.round(tokens / n),
    totalCostUsd: nanosToUsd(usage.costNanos),
    avgCostPerSession: n === 0 ? 0 : nanosToUsd(divRoundHalfAwayFromZero(usage.costNanos, BigInt(n))),
    inputTokens: usage.tokens.input,
    outputTokens: usage.tokens.output,
    cacheReadTokens: usage.tokens.cacheRead,
    cacheWriteTokens: cacheWriteTokens(usage.tokens),
    reasoningTokens: usage.tokens.reasoning,
  };
}
