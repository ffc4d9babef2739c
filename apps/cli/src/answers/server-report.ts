import {
  createUsageReport,
  reportBuckets,
  usageReportFromCells,
  type Bucket,
  type UsageReport,
  type UsageReportOptions,
} from '@rimuru/core';
import type { SessionStore, UsageSlotFilter } from '@rimuru/db';

const boundsOf = (buckets: readonly Bucket[]): Date[] =>
  buckets.length === 0 ? [] : [...buckets.map((b) => b.start), buckets.at(-1)!.end];

/**
 * A report summed by the server itself (a PostgreSQL team server, from its quarter-hour
 * summary): core lays the periods and local days over the filter's range, the server sums and
 * counts per period, core assembles the rows. Null where the store does not answer reports
 * (the embedded store, or a range that starts or ends inside a quarter-hour): fold slots then.
 */
export async function serverReport(
  store: SessionStore,
  options: UsageReportOptions,
  filter: UsageSlotFilter,
): Promise<UsageReport | null> {
  const span = await store.usage.reportSpan(filter);
  if (span === null) return null;
  const from = filter.from ?? span.first;
  const to = filter.to ?? span.last;
  if (to.getTime() <= from.getTime()) return createUsageReport(options).finish();
  const { periods, days } = reportBuckets(options, from, to);
  const cells = await store.usage.reportCells({
    ...filter,
    groupBy: options.groupBy ?? null,
    periodBounds: boundsOf(periods),
    dayBounds: boundsOf(days),
  });
  return cells === null ? null : usageReportFromCells(options, periods, cells.cells, cells.counts, cells.totals);
}
