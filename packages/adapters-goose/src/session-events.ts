import type { Instant } from '@rimuru/adapter-kit';
import {
  addTokens,
  totalTokens,
  ZERO_TOKENS,
  type SessionActivity,
  type TokenCounts,
  type UsageEvent,
} from '@rimuru/core';
import { spanOf } from './goose-time.js';
import { remainder } from './goose-tokens.js';

/** One per-request row of Goose's `usage_ledger`. */
export interface LedgerRequest {
  rowId: string;
  at: Instant | null;
  model: string | null;
  tokens: TokenCounts;
  costUsd: number | null;
}

/** What Goose keeps about one session, from `sessions.db` or a legacy `.jsonl` file. */
export interface GooseSession {
  id: string;
  projectPath: string | null;
  title: string | null;
  parentId: string | null;
  model: string | null;
  /** Every time the session names (created, updated, messages). */
  times: (Instant | null)[];
  /** When the session's counters were last written (`updated_at`), if known. */
  updatedAt: Instant | null;
  /** The session's cumulative counters (normalised), null when it keeps none. */
  cumulative: TokenCounts | null;
  /** Dollars Goose accumulated for the session, if it wrote any. */
  cumulativeCostUsd: number | null;
  ledger: LedgerRequest[];
  /**
   * Whether the counters come from `sessions.db`, which splits out cache reads and writes. A
   * migrated session can also still have its legacy file with the same totals but no split:
   * at equal totals the database's copy must win.
   */
  fromDatabase: boolean;
}

function usage(
  session: GooseSession,
  key: string,
  rank: number,
  at: Instant,
  model: string | null,
  tokens: TokenCounts,
  cost: number | null,
): UsageEvent {
  return {
    type: 'usage',
    sessionExternalId: session.id,
    dedupeKey: `${session.id}:${key}`,
    rank,
    replayKey: null,
    isReplayCopy: false,
    occurredAt: at.iso,
    model,
    tokens,
    recordedCostUsd: cost,
    speed: null,
    line: null,
  };
}

/**
 * The events of one Goose session.
 *
 * - `usage_ledger` rows are per request: one event each, keyed by the row id.
 * - The session's cumulative counters cover what the ledger does not (sessions from before the
 *   ledger existed, or from the legacy `.jsonl` store): one event keyed `<id>:session` carrying
 *   what the counters hold beyond the ledger rows, ranked by the cumulative total (doubled, +1 for
 *   the database's cache-split copy). Snapshot
 *   sources are re-read whole with no checkpoint state, so the running total cannot be kept
 *   between reads; instead the grown counters replace the stored copy (larger rank wins), which
 *   counts every token exactly once however often the database is re-read.
 */
export function sessionEvents(session: GooseSession): {
  usages: UsageEvent[];
  activity: SessionActivity | null;
  problems: string[];
} {
  const problems: string[] = [];
  const usages: UsageEvent[] = [];
  const span = spanOf([...session.times, session.updatedAt, ...session.ledger.map((r) => r.at)]);
  let ledgerSum: TokenCounts = { ...ZERO_TOKENS };
  for (const row of session.ledger) {
    ledgerSum = addTokens(ledgerSum, row.tokens);
    if (totalTokens(row.tokens) === 0) continue;
    const at = row.at ?? session.updatedAt ?? span?.last ?? null;
    if (at === null) {
      problems.push(`session ${session.id}: usage_ledger row ${row.rowId} has no time; skipped`);
      continue;
    }
    usages.push(usage(session, `ledger:${row.rowId}`, 0, at, row.model ?? session.model, row.tokens, row.costUsd));
  }
  if (session.cumulative !== null) {
    const rest = remainder(session.cumulative, ledgerSum);
    if (totalTokens(rest) > 0) {
      const at = session.updatedAt ?? span?.last ?? null;
      if (at === null) problems.push(`session ${session.id}: token counters but no time; skipped`);
      else {
        const cost = session.ledger.length === 0 ? session.cumulativeCostUsd : null;
        const rank = 2 * totalTokens(session.cumulative) + (session.fromDatabase ? 1 : 0);
        // What the counters hold beyond the ledger sums every request Goose made without a ledger row.
        usages.push({ ...usage(session, 'session', rank, at, session.model, rest, cost), requestCount: null });
      }
    }
  }
  const activity: SessionActivity | null =
    span === null
      ? null
      : {
          type: 'activity',
          sessionExternalId: session.id,
          firstAt: span.first.iso,
          lastAt: span.last.iso,
          projectPath: session.projectPath,
          parentExternalId: session.parentId,
          tokensKnown: session.cumulative !== null || session.ledger.length > 0,
          title: session.title,
          ...(session.model === null ? {} : { models: [session.model] }),
        };
  if (activity === null) problems.push(`session ${session.id} has no usable time; skipped`);
  return { usages, activity, problems };
}
