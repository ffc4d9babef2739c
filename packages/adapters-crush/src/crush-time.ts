import { parseEpochMs, type Instant } from '@rimuru/adapter-kit';

/** Below this an epoch number is in seconds (1e11 s is in year 5138; 1e11 ms is in 1973). */
const SECONDS_LIMIT = 1e11;

/**
 * A Crush timestamp: epoch **seconds** (`strftime('%s','now')` in every insert and trigger,
 * though the schema's comments say milliseconds). A value too large for seconds is taken as
 * milliseconds, so a store written by a build that did use milliseconds still reads right.
 */
export function crushInstant(value: unknown): Instant | null {
  const n = typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0) return null;
  return parseEpochMs(n < SECONDS_LIMIT ? n * 1000 : n);
}
