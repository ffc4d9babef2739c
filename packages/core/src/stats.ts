import { divRoundHalfAwayFromZero } from './decimal.js';
import { nanosToUsd } from './money.js';
import type { SessionStatsJson, StoredSession } from './session.js';
import { sessionStatus } from './session-view.js';
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

/** The counts computeSessionStats derives from session rows; the store computes the same in SQL. */
export function sessionCountsOf(
  sessions: SessionStatsInput['sessions'],
  opts: Pick<SessionStatsInput, 'now' | 'activeWindowMs'>,
): SessionCounts {
  let activeSessions = 0;
  let totalDurationMs = 0;
  for (const s of sessions) {
    if (sessionStatus(s, opts) === 'active') activeSessions++;
    totalDurationMs += Math.max(0, s.endedAt.getTime() - s.startedAt.getTime());
  }
  return { sessions: sessions.length, activeSessions, totalDurationMs };
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

/** `sessions stats` over session rows in memory (the store's aggregates give the same figures). */
export function computeSessionStats(input: SessionStatsInput): SessionStatsJson {
  return sessionStatsFromCounts(sessionCountsOf(input.sessions, input), input.usage);
}

/** Not a model: Claude Code's placeholder for messages it made up locally. */
export const SYNTHETIC_MODEL = '<synthetic>';

/**
 * The model of a session: the one with most tokens (a model listed twice counts once, summed);
 * ties go to the alphabetically first. `<synthetic>` and null are ignored; none left → null.
 */
export function rollupModel(models: Iterable<{ model: string | null; totalTokens: number }>): string | null {
  const byModel = new Map<string, number>();
  for (const { model, totalTokens: t } of models) {
    if (model === null || model === SYNTHETIC_MODEL) continue;
    byModel.set(model, (byModel.get(model) ?? 0) + t);
  }
  let best: string | null = null;
  let bestTokens = -Infinity;
  for (const [model, t] of byModel) {
    if (t > bestTokens || (t === bestTokens && best !== null && model < best)) {
      best = model;
      bestTokens = t;
    }
  }
  return best;
}
