/** A half-open span of instants [from, to); an absent end is unbounded. */
export interface Span {
  from?: Date;
  to?: Date;
}

/** Where the sums of a range come from: whole UTC days, whole UTC hours, and records at the partial ends. */
export interface RangeTiers {
  days: Span | null;
  hours: Span[];
  records: Span[];
}

const HOUR = 3_600_000;
const DAY = 86_400_000;

const floorTo = (at: Date, unit: number) => new Date(Math.floor(at.getTime() / unit) * unit);
const ceilTo = (at: Date, unit: number) => new Date(Math.ceil(at.getTime() / unit) * unit);
const before = (a: Date | undefined, b: Date | undefined) =>
  a === undefined || b === undefined || a.getTime() < b.getTime();

/**
 * Splits [from, to) into the UTC days that lie wholly inside it, the UTC hours wholly inside
 * it but outside those days, and the partial hours at its ends: read from usage_daily,
 * usage_hourly and usage_records respectively, they add up to exactly the records of the range.
 * This is storage arithmetic (fixed UTC units the summaries are keyed by), not calendar
 * bucketing: a report's local days are core's business.
 */
export function rangeTiers(from?: Date, to?: Date): RangeTiers {
  const hourFrom = from === undefined ? undefined : ceilTo(from, HOUR);
  const hourTo = to === undefined ? undefined : floorTo(to, HOUR);
  if (!before(hourFrom, hourTo)) return { days: null, hours: [], records: [{ from, to }] };
  const records: Span[] = [];
  if (from !== undefined && hourFrom!.getTime() > from.getTime()) records.push({ from, to: hourFrom });
  if (to !== undefined && hourTo!.getTime() < to.getTime()) records.push({ from: hourTo, to });
  const dayFrom = hourFrom === undefined ? undefined : ceilTo(hourFrom, DAY);
  const dayTo = hourTo === undefined ? undefined : floorTo(hourTo, DAY);
  if (!before(dayFrom, dayTo)) return { days: null, hours: [{ from: hourFrom, to: hourTo }], records };
  const hours: Span[] = [];
  if (hourFrom !== undefined && dayFrom!.getTime() > hourFrom.getTime()) hours.push({ from: hourFrom, to: dayFrom });
  if (hourTo !== undefined && dayTo!.getTime() < hourTo.getTime()) hours.push({ from: dayTo, to: hourTo });
  return { days: { from: dayFrom, to: dayTo }, hours, records };
}
