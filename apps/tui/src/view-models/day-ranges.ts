import { formatLocalDateTime, resolveTimeRange } from '@rimuru/core';

export interface DayRange {
  /** `2026-11-25` in the user's zone. */
  label: string;
  from: Date;
  to: Date;
}

/**
 * The last `days` calendar days in `zone`, oldest first, today last. Each day is core's `today`
 * taken one instant before the previous day began, so 23- and 25-hour DST days come out right.
 */
export function lastDays(now: Date, zone: string, days: number): DayRange[] {
  const out: DayRange[] = [];
  let at = now;
  for (let i = 0; i < days; i++) {
    const r = resolveTimeRange('today', { now: at, zone });
    const from = r.from!;
    out.push({ label: formatLocalDateTime(from, zone).slice(0, 10), from, to: r.to! });
    at = new Date(from.getTime() - 1);
  }
  return out.reverse();
}
