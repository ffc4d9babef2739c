import { describe, expect, it } from 'vitest';
import { totalTokens } from '../tokens.js';
import { createUsageReport } from './usage-report.js';
import { usageRecord } from './test-records.js';
import { usageSlotOfRecord } from './usage-slot.js';
import type { ReportUsageRecord } from './usage-record.js';

const ZONES = ['UTC', 'America/Los_Angeles', 'Asia/Tokyo', 'Asia/Kolkata', 'Asia/Kathmandu'];

/** An oracle independent of luxon: the runtime's Intl calendar. */
function intlLocalDate(instant: Date, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    instant,
  );
}

/** UTC instant of local midnight starting `date` in `zone`, found by searching whole minutes. */
function localMidnight(date: string, zone: string): Date {
  let t = Date.parse(`${date}T00:00:00Z`) - 15 * 3_600_000;
  while (intlLocalDate(new Date(t), zone) !== date) t += 60_000;
  return new Date(t);
}

/** Records exactly at and 1 ms before local midnight of several days, DST days included. */
function recordsAround(zone: string): ReportUsageRecord[] {
  const days = ['2025-03-08', '2025-03-09', '2025-03-10', '2025-11-02', '2025-11-03', '2025-12-31', '2026-01-01'];
  const out: ReportUsageRecord[] = [];
  let n = 1;
  for (const day of days) {
    const midnight = localMidnight(day, zone);
    out.push(usageRecord(midnight, { tokens: { input: n++, output: 1000 * n }, sessionId: `s${n % 3}` }));
    out.push(
      usageRecord(new Date(midnight.getTime() - 1), { tokens: { input: n++, cacheRead: 7 }, sessionId: `s${n % 3}` }),
    );
    out.push(
      usageRecord(new Date(midnight.getTime() + 3_600_000 * 11), {
        tokens: { input: n++, cacheWrite1h: 3 },
        sessionId: 'x',
      }),
    );
  }
  return out;
}

describe.each(ZONES)('daily report in %s', (zone) => {
  it('equals the sum of records whose local date is that day, midnight on both sides', () => {
    const records = recordsAround(zone);
    const expected = new Map<string, number>();
    for (const r of records) {
      const day = intlLocalDate(r.occurredAt, zone);
      expected.set(day, (expected.get(day) ?? 0) + totalTokens(r.tokens));
    }
    const builder = createUsageReport({ period: 'daily', zone });
    // Order must not matter.
    for (const r of [...records].reverse()) builder.add(usageSlotOfRecord(r));
    const report = builder.finish();
    const actual = new Map(report.rows.map((row) => [row.period, totalTokens(row.tokens)]));
    expect(actual).toEqual(expected);
    expect(report.rows.map((r) => r.period)).toEqual([...expected.keys()].sort());
    expect(totalTokens(report.totals.tokens)).toBe(records.reduce((s, r) => s + totalTokens(r.tokens), 0));
    expect(report.totals.requestCount).toBe(records.length);
    for (const row of report.rows) expect(row.activeDays).toBe(1);
  });
});
