import { describe, expect, it } from 'vitest';
import { nanosToUsd6 } from './money.js';
import { costSourceOf, rollUpSession, type UsageGroup } from './session-rollup.js';

function group(partial: Partial<UsageGroup>): UsageGroup {
  return {
    model: 'm',
    priced: true,
    count: 1,
    input: 0n,
    output: 0n,
    cacheRead: 0n,
    cacheWrite5m: 0n,
    cacheWrite1h: 0n,
    reasoning: 0n,
    calculatedCostNanos: 0n,
    recordedCostNanos: null,
    autoCostNanos: 0n,
    firstAt: null,
    lastAt: null,
    ...partial,
  };
}

describe('rollUpSession', () => {
  it('sums a model listed in several groups before picking the main model', () => {
    const r = rollUpSession([
      group({ model: 'claude-haiku-4-5', input: 600n }),
      group({ model: 'claude-opus-4-6', input: 500n, priced: true }),
      group({ model: 'claude-opus-4-6', output: 200n, priced: false }),
    ]);
    expect(r.modelName).toBe('claude-opus-4-6');
    expect(r.models).toEqual(['claude-haiku-4-5', 'claude-opus-4-6']);
  });

  it('picks the model with most tokens, ties alphabetical, <synthetic> and null excluded', () => {
    const r = rollUpSession([
      group({ model: 'b', input: 10n }),
      group({ model: 'a', output: 10n }),
      group({ model: '<synthetic>', input: 99n }),
      group({ model: null, input: 99n }),
      group({ model: 'c', cacheRead: 9n }),
    ]);
    expect(r.models).toEqual(['a', 'b', 'c']);
    expect(r.modelName).toBe('a');
    expect(r.requestCount).toBe(5);
  });

  it('sums money exactly and keeps recorded null when nothing was recorded', () => {
    const r = rollUpSession([
      group({ calculatedCostNanos: 2n ** 60n, autoCostNanos: 1n }),
      group({ calculatedCostNanos: 1n, autoCostNanos: 2n }),
    ]);
    expect(r.calculatedCostNanos).toBe(2n ** 60n + 1n);
    expect(r.recordedCostNanos).toBeNull();
    expect(r.autoCostNanos).toBe(3n);
  });

  it('spans the earliest and latest usage instants', () => {
    const r = rollUpSession([
      group({ firstAt: new Date(5), lastAt: new Date(9) }),
      group({ firstAt: new Date(3), lastAt: new Date(7) }),
    ]);
    expect([r.firstAt?.getTime(), r.lastAt?.getTime()]).toEqual([3, 9]);
    expect(rollUpSession([]).firstAt).toBeNull();
  });
});

describe('costSourceOf', () => {
  it('says where the auto cost comes from', () => {
    expect(costSourceOf(rollUpSession([]), false)).toBe('unknown');
    expect(costSourceOf(rollUpSession([]), true)).toBe('calculated');
    expect(costSourceOf(rollUpSession([group({ recordedCostNanos: 5n })]), true)).toBe('recorded');
    expect(costSourceOf(rollUpSession([group({ priced: false })]), true)).toBe('unpriced');
    expect(costSourceOf(rollUpSession([group({ priced: false }), group({})]), true)).toBe('calculated');
  });
});

describe('nanosToUsd6', () => {
  it.each([
    [0n, '0.000000'],
    [499n, '0.000000'],
    [500n, '0.000001'],
    [1_234_567_890n, '1.234568'],
    [10_000_000_000_000n, '10000.000000'],
    [-1_500n, '-0.000002'],
  ])('%s nanos → %s', (nanos, usd) => {
    expect(nanosToUsd6(nanos)).toBe(usd);
  });
});
