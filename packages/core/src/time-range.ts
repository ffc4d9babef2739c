import type { DateTime } from 'luxon';
import { lazyLuxon } from './on-demand.js';
import { UsageError } from './errors.js';
import { assertTimeZone } from './time-zone.js';

export const RANGE_NAMES = [
  'today',
  'yesterday',
  '7d',
  'week',
  '30d',
  'month',
  'thismonth',
  'lastmonth',
  'all',
] as const;

export type RangeName = (typeof RANGE_NAMES)[number];

/** A half-open interval [from, to) of instants; null = unbounded on that side. */
export interface TimeRange {
  name: RangeName;
  from: Date | null;
  to: Date | null;
}

/** A bounded calendar period [from, to), e.g. the TUI's "This Week". */
export interface CalendarPeriod {
  from: Date;
  to: Date;
}

export interface ResolveRangeOptions {
  /** IANA zone the calendar periods are taken in. */
  zone: string;
  now: Date;
}

export function isRangeName(name: string): name is RangeName {
  return (RANGE_NAMES as readonly string[]).includes(name);
}

/** `now` and `zone` checked: an invalid Date is a RangeError, an unknown zone a UsageError. */
function checkedNow(now: Date, zone: string): string {
  if (Number.isNaN(now.getTime())) throw new RangeError('now is an invalid Date');
  return assertTimeZone(zone);
}

function localNow(now: Date, zone: string): DateTime {
  return lazyLuxon().DateTime.fromJSDate(now, { zone: checkedNow(now, zone) });
}

/**
 * Resolves a range name at `now`. today/yesterday/thismonth/lastmonth are calendar periods in
 * `zone` (luxon handles DST days of 23 or 25 hours and :30/:45 offsets). 7d/week and 30d/month
 * are rolling windows ending now: `from` is the same wall-clock time 7 (30) calendar days
 * earlier in `zone`, `to` is null so records written while a sync runs still count. `all` is
 * unbounded.
 */
export function resolveTimeRange(name: string, opts: ResolveRangeOptions): TimeRange {
  const key = name.trim().toLowerCase();
  if (!isRangeName(key)) {
    throw new UsageError(`Invalid range "${name}": expected one of ${RANGE_NAMES.join(', ')}`, {
      code: 'INVALID_RANGE',
      suggestions: [...RANGE_NAMES],
    });
  }
  if (key === 'all') {
    // Unbounded: no calendar arithmetic, so luxon is not loaded; the inputs are checked alike.
    checkedNow(opts.now, opts.zone);
    return { name: key, from: null, to: null };
  }
  const now = localNow(opts.now, opts.zone);
  const startOfToday = now.startOf('day');
  const startOfMonth = now.startOf('month');
  switch (key) {
    case 'today':
      return period(key, startOfToday, startOfToday.plus({ days: 1 }).startOf('day'));
    case 'yesterday':
      return period(key, startOfToday.minus({ days: 1 }).startOf('day'), startOfToday);
    case '7d':
    case 'week':
      return { name: key, from: now.minus({ days: 7 }).toJSDate(), to: null };
    case '30d':
    case 'month':
      return { name: key, from: now.minus({ days: 30 }).toJSDate(), to: null };
    case 'thismonth':
      return period(key, startOfMonth, startOfMonth.plus({ months: 1 }).startOf('month'));
    case 'lastmonth':
      return period(key, startOfMonth.minus({ months: 1 }).startOf('month'), startOfMonth);
  }
}

function period(name: RangeName, from: DateTime, to: DateTime): TimeRange {
  return { name, from: from.toJSDate(), to: to.toJSDate() };
}

/** The calendar week (Monday first) containing `now`, in `zone`. */
export function calendarWeekRange(now: Date, zone: string): CalendarPeriod {
  const start = localNow(now, zone).startOf('week');
  return { from: start.toJSDate(), to: start.plus({ weeks: 1 }).startOf('week').toJSDate() };
}

/**
 * Today in this process's own zone (TZ, else the system's): [local midnight, next local midnight)
 * by Date's local-time arithmetic. The same period as `resolveTimeRange('today', { zone:
 * systemTimeZone(), now })` without Intl or luxon, whose first use costs a short-lived command
 * (the statusline, run on every update of a conversation) 10–30 ms. On a day whose midnight does
 * not exist (a DST change at 00:00) both start at the first instant that does.
 */
export function systemZoneToday(now: Date): CalendarPeriod {
  if (Number.isNaN(now.getTime())) throw new RangeError('now is an invalid Date');
  const [y, m, d] = [now.getFullYear(), now.getMonth(), now.getDate()];
  return { from: new Date(y, m, d), to: new Date(y, m, d + 1) };
}

/** True when `at` lies inside the half-open range. */
export function isInTimeRange(at: Date, range: Pick<TimeRange, 'from' | 'to'>): boolean {
  const t = at.getTime();
  return (range.from === null || t >= range.from.getTime()) && (range.to === null || t < range.to.getTime());
}

const DATE_ONLY_RE = /^\d{4}-\d{2}-\d{2}$/;
const COMPACT_DATE_RE = /^\d{8}$/;
// A date with a time: the rest of ISO-8601 is left to luxon's strict parser.
const DATE_TIME_RE = /^\d{4}-\d{2}-\d{2}T/;

/**
 * Parses a `--since` / `--until` value. `YYYY-MM-DD` is a local day in `zone`: since = its
 * start, until = the start of the next day (the exclusive upper bound, so the whole day is
 * included). A date-time (`2025-03-01T12:00:00Z`, with an offset, or without one = local time
 * in `zone`) is taken as that instant.
 */
export function parseDateBound(text: string, bound: 'since' | 'until', zone: string): Date {
  const validZone = assertTimeZone(zone);
  const { DateTime } = lazyLuxon();
  const typed = text.trim();
  // ccusage's compact form, 20250131, is the same day as 2025-01-31.
  const trimmed = COMPACT_DATE_RE.test(typed) ? `${typed.slice(0, 4)}-${typed.slice(4, 6)}-${typed.slice(6)}` : typed;
  if (DATE_ONLY_RE.test(trimmed)) {
    const day = DateTime.fromISO(trimmed, { zone: validZone });
    if (day.isValid) {
      const start = day.startOf('day');
      return (bound === 'since' ? start : start.plus({ days: 1 }).startOf('day')).toJSDate();
    }
  } else if (DATE_TIME_RE.test(trimmed)) {
    const instant = DateTime.fromISO(trimmed, { zone: validZone });
    if (instant.isValid) return instant.toJSDate();
  }
  throw new UsageError(
    `Invalid date "${text}" for --${bound}: expected YYYY-MM-DD (or YYYYMMDD) or an ISO-8601 instant such as 2025-01-31T12:00:00Z`,
    { code: 'INVALID_DATE' },
  );
}
