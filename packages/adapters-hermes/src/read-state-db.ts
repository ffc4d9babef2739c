import { unreadableSource } from '@rimuru/adapter-kit';
import { readSqliteSnapshot } from '@rimuru/adapter-kit/sqlite';
import type { AdapterEvent, TokenCounts } from '@rimuru/core';
import { readSessionRows, type HermesSessionRow } from './state-db-rows.js';

/** Hermes writes epoch seconds as REAL; milliseconds are told apart by size. */
function msOf(value: number | null): number | null {
  if (value === null || value <= 0) return null;
  const ms = Math.trunc(value > 1e12 ? value : value * 1000);
  return ms <= 253_402_300_799_999 ? ms : null;
}

/**
 * Hermes' normalised buckets in Rimuru's (design §3): `input_tokens` is already non-cached
 * (Hermes' CanonicalUsage keeps cache reads and writes apart; prompt = input + cache read +
 * cache write), `reasoning_tokens` is telemetry inside `output_tokens` (a provider's
 * completion tokens include reasoning).
 */
function toTokenCounts(t: NonNullable<HermesSessionRow['tokens']>): TokenCounts {
  return {
    input: t.input,
    output: t.output,
    cacheRead: t.cacheRead,
    cacheWrite5m: t.cacheWrite,
    cacheWrite1h: 0,
    reasoning: Math.min(t.reasoning, t.output),
  };
}

const sumOf = (t: TokenCounts): number => t.input + t.output + t.cacheRead + t.cacheWrite5m;

/** The activity and (cumulative) usage of one session row. */
export function sessionEvents(row: HermesSessionRow): AdapterEvent[] {
  const times = [row.startedAt, row.endedAt, row.firstMessageAt, row.lastMessageAt]
    .map(msOf)
    .filter((t): t is number => t !== null);
  if (times.length === 0) {
    return [
      {
        type: 'diagnostic',
        severity: 'warning',
        code: 'invalid-record',
        message: `session ${row.id}: no readable started_at`,
        line: null,
      },
    ];
  }
  const first = Math.min(...times);
  const last = Math.max(...times);
  const events: AdapterEvent[] = [
    {
      type: 'activity',
      sessionExternalId: row.id,
      firstAt: new Date(first).toISOString(),
      lastAt: new Date(last).toISOString(),
      projectPath: null,
      parentExternalId: row.parentId,
      tokensKnown: row.tokens !== null,
      title: row.title,
      ...(row.model === null ? {} : { models: [row.model] }),
      ...(row.apiCalls !== null && row.apiCalls > 0 ? { requestCount: Math.trunc(row.apiCalls) } : {}),
    },
  ];
  if (row.tokens !== null) {
    const tokens = toTokenCounts(row.tokens);
    if (sumOf(tokens) > 0) {
      // The row is the session's running total: one event per session whose larger copies
      // (more tokens, a later re-read) replace the stored one, so nothing counts twice.
      events.push({
        type: 'usage',
        sessionExternalId: row.id,
        dedupeKey: `state:${row.id}`,
        rank: sumOf(tokens),
        replayKey: null,
        isReplayCopy: false,
        occurredAt: new Date(last).toISOString(),
        model: row.model,
        tokens,
        recordedCostUsd: row.actualCostUsd !== null && row.actualCostUsd >= 0 ? row.actualCostUsd : null,
        speed: null,
        line: null,
        // The session's running total sums its API calls (Hermes counts them; unknown without the column).
        requestCount: row.apiCalls !== null && row.apiCalls >= 1 ? Math.trunc(row.apiCalls) : null,
      });
    }
  }
  return events;
}

/** Reads `state.db` read-only: every session's activity and running token total. */
export async function* readStateDb(path: string): AsyncGenerator<AdapterEvent> {
  let rows: HermesSessionRow[] | null;
  try {
    rows = (await readSqliteSnapshot(path, readSessionRows)).value;
  } catch (error) {
    yield unreadableSource(error);
    return;
  }
  if (rows === null) {
    yield {
      type: 'diagnostic',
      severity: 'warning',
      code: 'invalid-record',
      message: 'state.db has no sessions table',
      line: null,
    };
  } else {
    for (const row of rows) yield* sessionEvents(row);
  }
  yield { type: 'checkpoint', offset: 0, state: null };
}
