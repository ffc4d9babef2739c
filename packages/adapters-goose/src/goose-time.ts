import { parseEpochMs, parseIsoTimestamp, type Instant } from '@rimuru/adapter-kit';

/**
 * Goose writes times three ways: `created_at`/`updated_at` as SQLite `CURRENT_TIMESTAMP`
 * (`2025-10-01 12:00:00`, UTC) or chrono RFC 3339 text, and `created_timestamp` (messages,
 * usage ledger, legacy `created`) as epoch seconds. Numbers above 1e10 are epoch milliseconds.
 */
export function gooseInstant(value: unknown): Instant | null {
  if (typeof value === 'bigint') value = Number(value);
  if (typeof value === 'number') return parseEpochMs(value > 10_000_000_000 ? value : value * 1000);
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return gooseInstant(Number(text));
  return parseIsoTimestamp(text);
}

/** Earliest and latest of the instants given (nulls ignored). */
export function spanOf(instants: readonly (Instant | null)[]): { first: Instant; last: Instant } | null {
  let first: Instant | null = null;
  let last: Instant | null = null;
  for (const at of instants) {
    if (at === null) continue;
    if (first === null || at.ms < first.ms) first = at;
    if (last === null || at.ms > last.ms) last = at;
  }
  return first === null || last === null ? null : { first, last };
}
