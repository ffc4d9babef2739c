import { describe, expect, it } from 'vitest';
import type { StoredSession } from './session.js';
import { sessionStatus } from './session-view.js';
import { sessionStatsFromCounts, type SessionCounts, type SessionStatsInput } from './stats.js';
import { ZERO_TOKENS } from './tokens.js';

/** Brute force over session rows: what the store's SQL aggregates count (sessionStatus decides active). */
function sessionCountsOf(
  sessions: Pick<StoredSession, 'startedAt' | 'endedAt' | 'endedByHook'>[],
  opts: { now: Date; activeWindowMs: number },
): SessionCounts {
  let activeSessions = 0;
  let totalDurationMs = 0;
  for (const s of sessions) {
    if (sessionStatus(s, opts) === 'active') activeSessions++;
    totalDurationMs += Math.max(0, s.endedAt.getTime() - s.startedAt.getTime());
  }
  return { sessions: sessions.length, activeSessions, totalDurationMs };
}

const computeSessionStats = (input: SessionStatsInput) =>
  sessionStatsFromCounts(sessionCountsOf(input.sessions, input), input.usage);

const now = new Date('2026-03-10T12:00:00Z');
const WINDOW = 5 * 60_000;
const span = (start: string, end: string, endedByHook = false) => ({
  startedAt: new Date(start),
  endedAt: new Date(end),
  endedByHook,
});

describe('computeSessionStats', () => {
  it('is all zeros without sessions or usage', () => {
    expect(
      computeSessionStats({ sessions: [], usage: { tokens: ZERO_TOKENS, costNanos: 0n }, now, activeWindowMs: WINDOW }),
    ).toEqual({
      totalSessions: 0,
      activeSessions: 0,
      completedSessions: 0,
      totalDurationMs: 0,
      avgDurationMs: 0,
      totalTokens: 0,
      avgTokensPerSession: 0,
      totalCostUsd: 0,
      avgCostPerSession: 0,
      inputTokens: 0,
      outputTokens: 0,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      reasoningTokens: 0,
    });
  });

  it('counts sessions from the sessions and money/tokens from the usage totals', () => {
    const stats = computeSessionStats({
      sessions: [
        span('2026-03-10T11:00:00Z', '2026-03-10T11:58:00Z'), // active, 58 min
        span('2026-03-10T09:00:00Z', '2026-03-10T10:00:00Z'), // completed, 60 min
        span('2026-03-10T11:50:00Z', '2026-03-10T11:59:00Z', true), // ended by hook, 9 min
      ],
      usage: {
        tokens: { input: 1000, output: 2000, cacheRead: 30_000, cacheWrite5m: 400, cacheWrite1h: 600, reasoning: 500 },
        costNanos: 1_000_000_001n,
      },
      now,
      activeWindowMs: WINDOW,
    });
    expect(stats).toEqual({
      totalSessions: 3,
      activeSessions: 1,
      completedSessions: 2,
      totalDurationMs: 127 * 60_000,
      avgDurationMs: Math.round((127 * 60_000) / 3),
      totalTokens: 34_000,
      avgTokensPerSession: 11_333,
      totalCostUsd: 1,
      // exact third of $1.000000001 is $0.333333333667 → 0.333333
      avgCostPerSession: 0.333333,
      inputTokens: 1000,
      outputTokens: 2000,
      cacheReadTokens: 30_000,
      cacheWriteTokens: 1000,
      reasoningTokens: 500,
    });
  });

  it('rounds money only at the end', () => {
    // 3 × $0.0000005 = $0.0000015: rounding each would show 3 × 0.000001; the total rounds once.
    const stats = computeSessionStats({
      sessions: [
        span('2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z'),
        span('2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z'),
      ],
      usage: { tokens: ZERO_TOKENS, costNanos: 1_500n },
      now,
      activeWindowMs: WINDOW,
    });
    expect(stats.totalCostUsd).toBe(0.000002);
    expect(stats.avgCostPerSession).toBe(0.000001); // 750 nanos
  });

  it('keeps usage even when no session counts (records in range, sessions filtered out)', () => {
    const stats = computeSessionStats({
      sessions: [],
      usage: { tokens: { ...ZERO_TOKENS, input: 10 }, costNanos: 5_000n },
      now,
      activeWindowMs: WINDOW,
    });
    expect(stats.totalTokens).toBe(10);
    expect(stats.totalCostUsd).toBe(0.000005);
    expect(stats.avgCostPerSession).toBe(0);
    expect(stats.avgTokensPerSession).toBe(0);
  });
});

describe('sessionCountsOf / sessionStatsFromCounts', () => {
  it('counts what computeSessionStats reports: hook-ended completed, the window edge active, negative spans as 0', () => {
    const sessions = [
      span('2026-03-10T11:00:00.001Z', '2026-03-10T11:55:00.000Z'), // exactly at the window edge: active
      span('2026-03-10T11:00:00Z', '2026-03-10T11:59:00Z', true), // ended by a hook
      span('2026-03-10T10:00:00Z', '2026-03-10T09:00:00Z'), // end before start: 0 ms
      span('2026-03-10T08:00:00Z', '2026-03-10T08:30:00.250Z'),
    ];
    const counts = sessionCountsOf(sessions, { now, activeWindowMs: WINDOW });
    expect(counts).toEqual({ sessions: 4, activeSessions: 1, totalDurationMs: 3_299_999 + 3_540_000 + 1_800_250 });
    const usage = { tokens: { ...ZERO_TOKENS, input: 7, output: 3 }, costNanos: 1_000_001n };
    expect(sessionStatsFromCounts(counts, usage)).toMatchObject({
      totalSessions: 4,
      activeSessions: 1,
      completedSessions: 3,
      totalTokens: 10,
    });
  });
});
