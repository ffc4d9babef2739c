import { resolveTimeRange, type UsageSlot } from '@rimuru/core';
import { describe, expect, it } from 'vitest';
import { fitTrend, foldTrend, trendCosts } from './cost-trend.js';

function slot(at: string, costNanos: bigint): UsageSlot {
  return {
    firstAt: new Date(at),
    lastAt: new Date(at),
    sessionId: 's',
    agentType: 'claude-code',
    model: 'm',
    projectPath: null,
    tokens: { input: 1, output: 0, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, reasoning: 0 },
    requestCount: 1,
    unpricedRequestCount: 0,
    calculatedCostNanos: costNanos,
    recordedCostNanos: null,
    autoCostNanos: costNanos,
  };
}

const sum = (xs: bigint[]) => xs.reduce((a, b) => a + b, 0n);
const contiguous = (points: { start: Date; end: Date }[]) =>
  points.every((p, i) => i === 0 || p.start.getTime() === points[i - 1]!.end.getTime());

describe('cost trend', () => {
  const now = new Date('2026-11-25T14:30:00.000Z');

  it('a rolling 7 days is drawn from the day it starts to today, and adds up to the range', () => {
    const zone = 'Asia/Kathmandu';
    const r = resolveTimeRange('7d', { now, zone });
    const slots = [
      slot(r.from!.toISOString(), 3n),
      slot('2026-11-21T10:00:00.000Z', 5n),
      slot('2026-11-25T14:00:00.000Z', 7n),
    ];
    const trend = foldTrend(slots, { from: r.from, to: r.to, hourly: false }, now, zone);
    expect(trend.unit).toBe('day');
    // 20:15 on the 18th local, seven days back from 20:15 on the 25th: eight calendar days.
    expect(trend.points.map((p) => p.label)).toEqual([
      '11-18',
      '11-19',
      '11-20',
      '11-21',
      '11-22',
      '11-23',
      '11-24',
      '11-25',
    ]);
    expect(trend.points[0]!.start <= r.from! && r.from! < trend.points[0]!.end).toBe(true);
    expect(trend.points.at(-1)!.end > now).toBe(true);
    expect(contiguous(trend.points)).toBe(true);
    expect(sum(trendCosts(trend, 'auto'))).toBe(15n);
  });

  it('all time starts at the first usage, not 30 days back, and fits long spans into weeks or months', () => {
    const slots = [
      slot('2025-12-03T08:00:00.000Z', 1n),
      slot('2026-05-05T08:00:00.000Z', 2n),
      slot('2026-11-25T08:00:00.000Z', 4n),
    ];
    const daily = foldTrend(slots, { from: null, to: null, hourly: false }, now, 'UTC');
    expect(daily.points[0]!.label).toBe('12-03');
    expect(daily.points).toHaveLength(358);
    const weekly = fitTrend(daily, 60, 'UTC');
    expect(weekly.unit).toBe('week');
    expect(weekly.points.length).toBeLessThanOrEqual(60);
    // The week of Wednesday 3 December 2025 starts on Monday the 1st.
    expect(weekly.points[0]!.label).toBe('12-01');
    const monthly = fitTrend(daily, 40, 'UTC');
    expect(monthly.unit).toBe('month');
    expect(monthly.points.map((p) => p.label)).toEqual([
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
    ]);
    for (const t of [daily, weekly, monthly]) {
      expect(sum(trendCosts(t, 'auto'))).toBe(7n);
      expect(contiguous(t.points)).toBe(true);
    }
    expect(fitTrend(daily, 400, 'UTC')).toBe(daily);
    expect(foldTrend([], { from: null, to: null, hourly: false }, now, 'UTC').points).toEqual([]);
  });

  it('Today is drawn by the hour, all of it, a 25-hour day included', () => {
    const zone = 'America/New_York';
    const at = new Date('2026-11-01T16:00:00.000Z'); // the day clocks go back
    const r = resolveTimeRange('today', { now: at, zone });
    const trend = foldTrend([slot('2026-11-01T06:30:00.000Z', 9n)], { from: r.from, to: r.to, hourly: true }, at, zone);
    expect(trend.unit).toBe('hour');
    expect(trend.points).toHaveLength(25);
    expect(trend.points.map((p) => p.label).slice(0, 4)).toEqual(['00', '01', '01', '02']);
    // 06:30 UTC is 01:30 EST, the second 01 hour.
    expect(trendCosts(trend, 'auto').indexOf(9n)).toBe(2);
    expect(fitTrend(trend, 10, zone)).toBe(trend);
  });
});
