import { parseEpochMs, parseIsoTimestamp, type Instant } from '@rimuru/adapter-kit';

/**
 * OpenCode writes epoch milliseconds. ccusage's Kilo reader also accepts epoch seconds (a value
 * below 10^12 is read as seconds: 10^12 ms is September 2001, before any of these agents) and
 * we do the same for both; an ISO string is accepted too, for hand-written or exported files.
 */
export function instantOf(value: unknown): Instant | null {
  if (typeof value === 'string') return parseIsoTimestamp(value);
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) return null;
  return parseEpochMs(value < 1e12 ? value * 1000 : value);
}
