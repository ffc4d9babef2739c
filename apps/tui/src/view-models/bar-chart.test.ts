import { describe, expect, it } from 'vitest';
import { barChart } from './bar-chart.js';
import { lastDays } from './day-ranges.js';
import { costsByModel } from './model-costs.js';

describe('bar chart', () => {
  it('scales bars to the largest value and fits the width', () => {
    const lines = barChart(
      [
        { label: 'a', value: 10, text: '$10.00' },
        { label: 'b', value: 5, text: '$5.00' },
        { label: 'c', value: 0, text: '$0.00' },
      ],
      40,
    );
    const bars = lines.map((l) => [...l].filter((c) => c === '█').length);
    // Half the value, half the bar (within the one partial block).
    expect(Math.abs(bars[0]! - 2 * bars[1]!)).toBeLessThanOrEqual(1);
    expect(bars[0]).toBeGreaterThan(20);
    expect(bars[2]).toBe(0);
    expect(lines.every((l) => [...l].length === 40)).toBe(true);
    expect(barChart([], 40)).toEqual(['(no data)']);
  });
});

describe('lastDays', () => {
  it('lists calendar days in the zone, oldest first, across a DST change', () => {
    const days = lastDays(new Date('2026-11-02T12:00:00.000Z'), 'America/New_York', 3);
    expect(days.map((d) => d.label)).toEqual(['2026-10-31', '2026-11-01', '2026-11-02']);
    // 1 November 2026 is the 25-hour day in New York.
    expect(days[1]!.to.getTime() - days[1]!.from.getTime()).toBe(25 * 3_600_000);
    expect(days[2]!.from).toEqual(days[1]!.to);
  });
});

describe('costsByModel', () => {
  it('sums exact nano-dollars per main model, most expensive first', () => {
    const base = { tokens: { input: 10, output: 0, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, reasoning: 0 }, requestCount: 1, unpricedRequestCount: 0, recordedCostNanos: null };
    const rows = costsByModel(
      [
        { ...base, model: 'a', calculatedCostNanos: 1n, autoCostNanos: 1n },
        { ...base, model: 'b', calculatedCostNanos: 5n, autoCostNanos: 5n },
        { ...base, model: 'a', calculatedCostNanos: 7n, autoCostNanos: 7n },
        { ...base, model: null, tokens: null, calculatedCostNanos: 0n, autoCostNanos: 0n },
      ] as never,
      'auto',
    );
    expect(rows).toEqual([
      { model: 'a', sessions: 2, tokens: 20, costNanos: 8n },
      { model: 'b', sessions: 1, tokens: 10, costNanos: 5n },
      { model: '(unknown)', sessions: 1, tokens: 0, costNanos: 0n },
    ]);
  });
});
