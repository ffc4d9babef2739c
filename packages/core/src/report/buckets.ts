import type { DateTime, WeekdayNumbers } from 'luxon';
import { lazyLuxon } from '../on-demand.js';
import { UsageError } from '../errors.js';
import { assertTimeZone } from '../time-zone.js';

/** Calendar periods a usage report buckets by. */
export type ReportPeriod = 'daily' | 'weekly' | 'monthly';
export const REPORT_PERIODS = ['daily', 'weekly', 'monthly'] as const satisfies readonly ReportPeriod[];

/** Day a week starts on (`--start-of-week`). */
export type WeekStart = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';
export const WEEK_STARTS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const satisfies readonly WeekStart[];

/** A half-open local calendar period [start, end) named by its first day (or month). */
export interface Bucket {
  /** `2025-03-09` for a day or a week (its first day), `2025-03` for a month. */
  key: string;
  start: Date;
  end: Date;
}

export interface BucketOptions {
  period: ReportPeriod;
  /** IANA zone whose calendar the buckets follow. */
  zone: string;
  /** Only for `weekly`; default monday (ISO). */
  startOfWeek?: WeekStart;
}

/** Parses a `--start-of-week` value (case-insensitive); a UsageError otherwise. */
export function parseWeekStart(text: string): WeekStart {
  const key = text.trim().toLowerCase();
  const found = WEEK_STARTS.find((d) => d === key);
  if (found === undefined) {
    throw new UsageError(`Invalid start of week "${text}": expected one of ${WEEK_STARTS.join(', ')}`, {
      suggestions: [...WEEK_STARTS],
    });
  }
  return found;
}

function weekdayNumber(day: WeekStart): WeekdayNumbers {
  return (WEEK_STARTS.indexOf(day) + 1) as WeekdayNumbers;
}

/**
 * The bucket that contains `instant`. Bounds are computed with luxon's `startOf` and calendar
 * arithmetic in the zone, never as fixed 24-hour steps, so a bucket spanning a DST change is
 * exactly as long as that local period.
 */
export function bucketOf(instant: Date, options: BucketOptions): Bucket {
  return bucketInZone(instant, { ...options, zone: assertTimeZone(options.zone) });
}

/**
 * A lookup of buckets for many instants in any order: each bucket is computed once (luxon and
 * the zone check cost far more than the binary search over the buckets found so far).
 */
export function bucketLookup(options: BucketOptions): (instant: Date) => Bucket {
  const checked = { ...options, zone: assertTimeZone(options.zone) };
  const known: Bucket[] = []; // sorted by start; buckets never overlap
  return (instant) => {
    const t = instant.getTime();
    let lo = 0;
    let hi = known.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (known[mid]!.start.getTime() <= t) lo = mid + 1;
      else hi = mid;
    }
    const before = known[lo - 1];
    if (before !== undefined && t < before.end.getTime()) return before;
    const bucket = bucketInZone(instant, checked);
    known.splice(lo, 0, bucket);
    return bucket;
  };
}

/** bucketOf for a zone already checked. */
function bucketInZone(instant: Date, options: BucketOptions): Bucket {
  const zone = options.zone;
  const local = lazyLuxon().DateTime.fromJSDate(instant, { zone });
  let start: DateTime;
  let end: DateTime;
  switch (options.period) {
    case 'daily':
      start = local.startOf('day');
      end = start.plus({ days: 1 }).startOf('day');
      break;
    case 'weekly': {
      const first = weekdayNumber(options.startOfWeek ?? 'monday');
      const back = (local.weekday - first + 7) % 7;
      start = local.minus({ days: back }).startOf('day');
      end = start.plus({ days: 7 }).startOf('day');
      break;
    }
    case 'monthly':
      start = local.startOf('month');
      end = start.plus({ months: 1 }).startOf('month');
      break;
  }
  const key = options.period === 'monthly' ? start.toFormat('yyyy-MM') : (start.toISODate() ?? '');
  return { key, start: start.toJSDate(), end: end.toJSDate() };
}
