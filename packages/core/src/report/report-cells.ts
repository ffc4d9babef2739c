import { assertTimeZone } from '../time-zone.js';
import { bucketLookup, type Bucket, type ReportPeriod } from './buckets.js';
import { addAggregate, emptyAggregate, type UsageAggregate } from './usage-aggregate.js';
import {
  usageReportFromRows,
  type FoldedReportRow,
  type UsageReport,
  type UsageReportOptions,
} from './usage-report.js';

/**
 * The period buckets and the local days of a report over [from, to) in its zone, oldest first.
 * A store that sums per period itself (a team server, which would otherwise send every
 * quarter-hour of every session) compares records with these instants: the buckets are still
 * core's, computed here with the zone's calendar, DST and :30/:45 offsets included.
 */
export function reportBuckets(
  options: UsageReportOptions,
  from: Date,
  to: Date,
): { periods: Bucket[]; days: Bucket[] } {
  const zone = assertTimeZone(options.zone);
  const list = (period: ReportPeriod): Bucket[] => {
    const of = bucketLookup({ period, zone, startOfWeek: options.startOfWeek ?? 'monday' });
    const out: Bucket[] = [];
    for (let b = of(from); b.start.getTime() < to.getTime(); b = of(b.end)) out.push(b);
    return out;
  };
  const periods = list(options.period);
  return { periods, days: options.period === 'daily' ? periods : list('daily') };
}

/** Sums of one period (an index into reportBuckets' periods) × group × model. */
export interface ReportCell extends UsageAggregate {
  period: number;
  group: string | null;
  model: string | null;
}

/** Distinct sessions and local days with a record, per period × group. */
export interface ReportRowCounts {
  period: number;
  group: string | null;
  sessionCount: number;
  activeDays: number;
}

/**
 * A report from sums and distinct counts a store computed per period (see reportBuckets):
 * the same rows, order and totals createUsageReport gives for the same records.
 */
export function usageReportFromCells(
  options: UsageReportOptions,
  periods: readonly Bucket[],
  cells: readonly ReportCell[],
  counts: readonly ReportRowCounts[],
  totals: { sessionCount: number; activeDays: number },
): UsageReport {
  const rows = new Map<string, FoldedReportRow>();
  const keyOf = (period: number, group: string | null) =>
    `${period}\u0000${group ?? ''}\u0000${group === null ? 0 : 1}`;
  const all = emptyAggregate();
  for (const { period, group, model, ...sums } of cells) {
    const bucket = periods[period];
    if (bucket === undefined)
      throw new RangeError(`report cell of period ${period}, beyond the ${periods.length} asked for`);
    const key = keyOf(period, group);
    let row = rows.get(key);
    if (row === undefined) {
      row = {
        row: { period: bucket.key, start: bucket.start, end: bucket.end, group, ...emptyAggregate() },
        sessionCount: 0,
        activeDays: 0,
        byModel: new Map(),
      };
      rows.set(key, row);
    }
    addAggregate(row.row, sums);
    addAggregate(all, sums);
    let m = row.byModel.get(model);
    if (m === undefined) {
      m = { model, ...emptyAggregate() };
      row.byModel.set(model, m);
    }
    addAggregate(m, sums);
  }
  for (const c of counts) {
    const row = rows.get(keyOf(c.period, c.group));
    if (row !== undefined) Object.assign(row, { sessionCount: c.sessionCount, activeDays: c.activeDays });
  }
  return usageReportFromRows(options, [...rows.values()], { ...all, ...totals });
}
