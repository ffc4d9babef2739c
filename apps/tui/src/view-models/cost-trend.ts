import {
  addAggregate,
  bucketLookup,
  emptyAggregate,
  formatLocalDateTime,
  selectCostNanos,
  type CostMode,
  type UsageAggregate,
  type UsageSlot,
} from '@rimuru/core';

/** One bar of the trend: usage whose instant lies in [start, end). */
interface TrendPoint {
  start: Date;
  end: Date;
  /** `14` (hour), `01-10` (day or week, by its first day) or `2026-01` (month). */
  label: string;
  usage: UsageAggregate;
}

export type TrendUnit = 'hour' | 'day' | 'week' | 'month';

export interface CostTrend {
  unit: TrendUnit;
  points: TrendPoint[];
}

export interface TrendSpan {
  /** Start of the range; null for all time (the trend then starts at the first usage). */
  from: Date | null;
  /** End of the range; null for a rolling range ending now. */
  to: Date | null;
  /** Calendar ranges named by one day (Today) are drawn by the hour. */
  hourly: boolean;
}

const HOUR_MS = 3_600_000;

/**
 * The trend of a range: every hour or local day from its start to its end (or to today for
 * rolling ranges and all time), empty ones included, each holding exactly the usage slots of
 * its span. The slots are the store's for the same range, so the bars add up to the range total.
 */
export function foldTrend(slots: readonly UsageSlot[], span: TrendSpan, now: Date, zone: string): CostTrend {
  const first = slots.reduce<Date | null>((min, s) => (min === null || s.firstAt < min ? s.firstAt : min), null);
  const from = span.from ?? first;
  if (from === null) return { unit: span.hourly ? 'hour' : 'day', points: [] };
  const to = span.to ?? now;
  if (span.hourly) {
    // Local hours start on UTC quarter-hours: whole-hour steps from the local midnight match them.
    const points: TrendPoint[] = [];
    for (let t = from.getTime(); t < to.getTime(); t += HOUR_MS) {
      const start = new Date(t);
      points.push({
        start,
        end: new Date(Math.min(t + HOUR_MS, to.getTime())),
        label: formatLocalDateTime(start, zone).slice(11, 13),
        usage: emptyAggregate(),
      });
    }
    for (const s of slots) {
      const i = Math.floor((s.firstAt.getTime() - from.getTime()) / HOUR_MS);
      if (i >= 0 && i < points.length) addAggregate(points[i]!.usage, s);
    }
    return { unit: 'hour', points };
  }
  const dayOf = bucketLookup({ period: 'daily', zone });
  const points: TrendPoint[] = [];
  const index = new Map<string, TrendPoint>();
  // Every day from the range's first through the one holding its end (to itself is excluded).
  const lastInstant = new Date(Math.max(from.getTime(), to.getTime() - 1));
  for (let day = dayOf(from); ; day = dayOf(day.end)) {
    const point = { start: day.start, end: day.end, label: day.key.slice(5), usage: emptyAggregate() };
    points.push(point);
    index.set(day.key, point);
    if (day.end > lastInstant) break;
  }
  for (const s of slots) {
    const point = index.get(dayOf(s.firstAt).key);
    if (point !== undefined) addAggregate(point.usage, s);
  }
  return { unit: 'day', points };
}

/**
 * Days merged into weeks (Monday first), then months, until at most `maxBars` bars remain:
 * a long "All time" fits the screen and still covers all of it.
 */
export function fitTrend(trend: CostTrend, maxBars: number, zone: string): CostTrend {
  if (trend.unit === 'hour' || trend.points.length <= Math.max(1, maxBars)) return trend;
  const weekly = regroup(trend.points, 'weekly', zone);
  if (weekly.length <= maxBars) return { unit: 'week', points: weekly };
  return { unit: 'month', points: regroup(trend.points, 'monthly', zone) };
}

function regroup(days: readonly TrendPoint[], period: 'weekly' | 'monthly', zone: string): TrendPoint[] {
  const bucketOf = bucketLookup({ period, zone, startOfWeek: 'monday' });
  const out: TrendPoint[] = [];
  for (const day of days) {
    const b = bucketOf(day.start);
    let last = out[out.length - 1];
    if (last === undefined || last.start.getTime() !== b.start.getTime()) {
      last = {
        start: b.start,
        end: b.end,
        label: period === 'monthly' ? b.key : b.key.slice(5),
        usage: emptyAggregate(),
      };
      out.push(last);
    }
    addAggregate(last.usage, day.usage);
  }
  return out;
}

/** The cost of each point under a cost mode (nano-dollars). */
export function trendCosts(trend: CostTrend, mode: CostMode): bigint[] {
  return trend.points.map((p) => selectCostNanos(p.usage, mode));
}
