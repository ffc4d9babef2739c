import { describe, expect, it } from 'vitest';
import { columnChart } from './column-chart.js';

describe('column chart', () => {
  const format = (v: number) => `$${v.toFixed(2)}`;

  it('draws bars in eighths of a row, scaled to the largest, every line exactly the width', () => {
    const lines = columnChart(
      [
        { label: 'a', value: 8 },
        { label: 'b', value: 4 },
        { label: 'c', value: 0 },
        { label: 'd', value: 0.01 },
      ],
      { width: 30, height: 2, format },
    );
    expect(lines).toHaveLength(4);
    expect(lines.every((l) => [...l].length === 30)).toBe(true);
    expect(lines[0]).toMatch(/^\$8\.00 ┤/);
    expect(lines[2]).toMatch(/^\$0\.00 └─+/);
    // Columns are 5 wide (4 of bar, 1 of gap). Column a is full in both rows, b fills the bottom row, c is empty, d shows the least mark.
    const bars = lines.slice(0, 2).map((l) => l.slice(7));
    const column = (i: number) => bars.map((row) => [...row][i * 5]).join('');
    expect(column(0)).toBe('██');
    expect(column(1)).toBe(' █');
    expect(column(2)).toBe('  ');
    expect(column(3)).toBe(' ▁');
    expect(lines[3]).toContain('a');
    expect(lines[3]).toContain('d');
  });

  it('labels never overlap when columns are narrow', () => {
    const columns = Array.from({ length: 31 }, (_, i) => ({ label: `11-${String(i + 1).padStart(2, '0')}`, value: i }));
    const labels = columnChart(columns, { width: 101, height: 4, format }).at(-1)!;
    expect(labels).toMatch(/11-01 +11-\d\d/);
    expect(
      labels
        .trim()
        .split(/ +/)
        .every((l) => /^11-\d\d$/.test(l)),
    ).toBe(true);
    expect(labels).not.toContain('…');
  });
});
