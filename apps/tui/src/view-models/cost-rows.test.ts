import { describe, expect, it } from 'vitest';
import { costCell, costRows, type CostGroup } from './cost-rows.js';

const tokens = (input: number) => ({ input, output: 0, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, reasoning: 0 });
function group(name: string | null, partial: Partial<CostGroup>): CostGroup {
  return {
    group: name,
    tokens: tokens(10),
    requestCount: 1,
    unpricedRequestCount: 0,
    calculatedCostNanos: 0n,
    recordedCostNanos: null,
    autoCostNanos: 0n,
    ...partial,
  };
}

describe('cost rows', () => {
  it('sums nothing itself: one row per usage group, most expensive first, exact nano-dollars', () => {
    const rows = costRows(
      [
        group('a', { calculatedCostNanos: 80_000_000n, autoCostNanos: 80_000_000n, tokens: tokens(20) }),
        group('b', { calculatedCostNanos: 9_000_000_001n, autoCostNanos: 9_000_000_001n }),
        group(null, { calculatedCostNanos: 0n, autoCostNanos: 0n, unpricedRequestCount: 1 }),
      ],
      'auto',
    );
    expect(rows.map((r) => [r.name, r.costNanos, r.tokens])).toEqual([
      ['b', 9_000_000_001n, 10],
      ['a', 80_000_000n, 20],
      ['(no model)', 0n, 10],
    ]);
    expect(rows.map(costCell)).toEqual(['$9.00', '$0.0800', 'unpriced']);
  });

  it('follows the cost mode: recorded mode never shows a calculated figure', () => {
    const g = group('m', { calculatedCostNanos: 5_000_000_000n, autoCostNanos: 5_000_000_000n });
    expect(costCell(costRows([g], 'calculate')[0]!)).toBe('$5.00');
    expect(costCell(costRows([g], 'recorded')[0]!)).toBe('—');
    const recorded = group('m', {
      calculatedCostNanos: 5_000_000_000n,
      recordedCostNanos: 2_000_000_000n,
      autoCostNanos: 2_000_000_000n,
    });
    expect(costCell(costRows([recorded], 'auto')[0]!)).toBe('$2.00');
    expect(costCell(costRows([{ ...recorded, unpricedRequestCount: 1, requestCount: 2 }], 'calculate')[0]!)).toBe(
      '$5.00*',
    );
  });
});
