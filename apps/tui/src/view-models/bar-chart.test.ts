import { describe, expect, it } from 'vitest';
import { barChart } from './bar-chart.js';

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
