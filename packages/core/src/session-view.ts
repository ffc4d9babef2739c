import { nanosToUsd } from './money.js';
import type { CostMode, CostSource, SessionJson, SessionStatus, StoredSession } from './session.js';
import { cacheWriteTokens, totalTokens } from './tokens.js';

/** Default of config `activeWindowMinutes` / flag `--active-window` (design §3). */
export const DEFAULT_ACTIVE_WINDOW_MINUTES = 5;

export interface StatusOptions {
  now: Date;
  activeWindowMs: number;
}

/**
 * The earliest last activity of an active session: the active rule (design §3) as one
 * instant, so the store can apply it in SQL — `ended_at >= activeSince(…) AND NOT ended_by_hook`.
 */
export function activeSince(opts: StatusOptions): Date {
  return new Date(opts.now.getTime() - opts.activeWindowMs);
}

/** Active: not ended by an agent hook and last activity at or after activeSince. */
export function sessionStatus(s: Pick<StoredSession, 'endedAt' | 'endedByHook'>, opts: StatusOptions): SessionStatus {
  if (s.endedByHook) return 'completed';
  return s.endedAt.getTime() >= activeSince(opts).getTime() ? 'active' : 'completed';
}

export interface ShownCost {
  costNanos: bigint;
  costSource: CostSource;
}

type CostFields = Pick<
  StoredSession,
  'tokens' | 'requestCount' | 'unpricedRequestCount' | 'calculatedCostNanos' | 'recordedCostNanos' | 'autoCostNanos'
>;

/** What the cost rule reads of a session: its cost figures and whether its tokens are known. */
export type CostFigures = Omit<CostFields, 'tokens'> & { tokensKnown: boolean };

function calculated(s: CostFigures): ShownCost {
  const allUnpriced = s.requestCount > 0 && s.unpricedRequestCount === s.requestCount;
  return { costNanos: s.calculatedCostNanos, costSource: allUnpriced ? 'unpriced' : 'calculated' };
}

/**
 * The cost shown for a session under `--cost-mode`:
 * - tokens unknown → 0, 'unknown' (nothing to price, in every mode);
 * - 'calculate' → the calculated cost; 'unpriced' when every request's model lacks a price;
 * - 'recorded' → the agent-recorded dollars, 'recorded'; a session without any recorded
 *   dollars shows 0, 'unknown' (this mode never substitutes a calculated figure);
 * - 'auto' → where any request recorded dollars, Σ(recorded ?? calculated) with 'recorded';
 *   otherwise as 'calculate'.
 */
export function sessionCost(s: CostFields, mode: CostMode): ShownCost {
  return shownCost({ ...s, tokensKnown: s.tokens !== null }, mode);
}

/** sessionCost's rule over bare figures (the store's roll-up has no token object yet). */
export function shownCost(s: CostFigures, mode: CostMode): ShownCost {
  if (!s.tokensKnown) return { costNanos: 0n, costSource: 'unknown' };
  switch (mode) {
    case 'calculate':
      return calculated(s);
    case 'recorded':
      return s.recordedCostNanos === null
        ? { costNanos: 0n, costSource: 'unknown' }
        : { costNanos: s.recordedCostNanos, costSource: 'recorded' };
    case 'auto':
      return s.recordedCostNanos === null ? calculated(s) : { costNanos: s.autoCostNanos, costSource: 'recorded' };
  }
}

export interface SessionJsonOptions extends StatusOptions {
  costMode: CostMode;
}

/** The stable JSON of a session (design §4): ISO UTC times, tokens null when unknown, 6-decimal dollars. */
export function toSessionJson(s: StoredSession, opts: SessionJsonOptions): SessionJson {
  const t = s.tokens;
  const cost = sessionCost(s, opts.costMode);
  return {
    id: s.id,
    externalId: s.externalId,
    agentType: s.agentType,
    agentName: s.agentName,
    status: sessionStatus(s, opts),
    startedAt: s.startedAt.toISOString(),
    endedAt: s.endedAt.toISOString(),
    durationMs: Math.max(0, s.endedAt.getTime() - s.startedAt.getTime()),
    inputTokens: t === null ? null : t.input,
    outputTokens: t === null ? null : t.output,
    cacheReadTokens: t === null ? null : t.cacheRead,
    cacheWriteTokens: t === null ? null : cacheWriteTokens(t),
    reasoningTokens: t === null ? null : t.reasoning,
    totalTokens: t === null ? null : totalTokens(t),
    model: s.model,
    models: [...s.models],
    projectPath: s.projectPath,
    costUsd: nanosToUsd(cost.costNanos),
    costSource: cost.costSource,
    requestCount: s.requestCount,
  };
}

/** The money figures every aggregate keeps, so any of them can be shown in any cost mode. */
export interface CostTotals {
  calculatedCostNanos: bigint;
  recordedCostNanos: bigint | null;
  autoCostNanos: bigint;
}

/** The nano-dollars an aggregate shows under `--cost-mode` (recorded mode never substitutes). */
export function selectCostNanos(totals: CostTotals, mode: CostMode): bigint {
  if (mode === 'calculate') return totals.calculatedCostNanos;
  if (mode === 'recorded') return totals.recordedCostNanos ?? 0n;
  return totals.autoCostNanos;
}
