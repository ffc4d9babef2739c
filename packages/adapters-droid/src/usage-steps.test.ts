import type { JsonValue } from '@rimuru/core';
import { describe, expect, it } from 'vitest';
import { parseDroidUsage, toTokenCounts, type DroidUsage } from './token-usage.js';
import { advanceSteps, decodeSteps, encodeSteps, stepDeltas } from './usage-steps.js';

const u = (
  inputTokens: number,
  outputTokens: number,
  cacheCreationTokens = 0,
  cacheReadTokens = 0,
  thinkingTokens = 0,
): DroidUsage => ({
  inputTokens,
  outputTokens,
  cacheCreationTokens,
  cacheReadTokens,
  thinkingTokens,
});

describe('advanceSteps / stepDeltas', () => {
  it('turns a growing cumulative total into differences that add up to it', () => {
    let h = advanceSteps([], u(100, 10, 5, 50, 2), 1000, 'm');
    h = advanceSteps(h, u(100, 10, 5, 50, 2), 2000, 'm'); // unchanged: no step
    h = advanceSteps(h, u(250, 30, 5, 400, 7), 3000, 'm2');
    expect(h).toHaveLength(2);
    const deltas = stepDeltas(h);
    expect(deltas.map((d) => d.delta)).toEqual([u(100, 10, 5, 50, 2), u(150, 20, 0, 350, 5)]);
    expect(deltas.map((d) => [d.step.epoch, d.fromSum])).toEqual([
      [0, 0],
      [0, 167],
    ]);
    expect(deltas[1]?.step.model).toBe('m2');
  });

  it('starts a new epoch counted from zero when any class goes down, never a negative delta', () => {
    let h = advanceSteps([], u(100, 10), 1000, null);
    h = advanceSteps(h, u(40, 50), 2000, null);
    h = advanceSteps(h, u(60, 55), 3000, null);
    const deltas = stepDeltas(h);
    expect(deltas.map((d) => [d.step.epoch, d.fromSum, d.delta])).toEqual([
      [0, 0, u(100, 10)],
      [1, 0, u(40, 50)],
      [1, 90, u(20, 5)],
    ]);
  });

  it('records nothing for an all-zero first snapshot, and no delta for a reset to zero', () => {
    expect(advanceSteps([], u(0, 0), 1, null)).toEqual([]);
    const h = advanceSteps(advanceSteps([], u(5, 5), 1, null), u(0, 0), 2, null);
    expect(h).toHaveLength(2);
    expect(stepDeltas(h)).toHaveLength(1);
  });

  it('round-trips through checkpoint state and rejects foreign state', () => {
    const h = advanceSteps(advanceSteps([], u(1, 2, 3, 4, 5), 10, 'x'), u(2, 2, 3, 4, 5), 20, null);
    expect(decodeSteps(JSON.parse(JSON.stringify(encodeSteps(h))) as JsonValue)).toEqual(h);
    expect(decodeSteps(null)).toEqual([]);
    expect(decodeSteps({ v: 1, steps: [[0, 1, 2, 3, 4, 5, 6]] })).toEqual([]);
    expect(decodeSteps({ v: 2, steps: [] })).toEqual([]);
  });
});

describe('parseDroidUsage / toTokenCounts', () => {
  it('takes missing classes as zero and rejects a broken class', () => {
    expect(parseDroidUsage({ inputTokens: 3, outputTokens: 4 })).toEqual(u(3, 4));
    expect(typeof parseDroidUsage({ inputTokens: -1 })).toBe('string');
    expect(typeof parseDroidUsage({ inputTokens: '3' })).toBe('string');
    expect(typeof parseDroidUsage([])).toBe('string');
  });

  it('falls back to totalTokens as output only when no class is given (as ccusage)', () => {
    expect(parseDroidUsage({ totalTokens: 456 })).toEqual(u(0, 456));
    expect(parseDroidUsage({ inputTokens: 1, totalTokens: 456 })).toEqual(u(1, 0));
  });

  it('puts thinking into output and keeps it as the reasoning subset', () => {
    expect(toTokenCounts(u(100, 50, 20, 10, 5))).toEqual({
      input: 100,
      output: 55,
      cacheRead: 10,
      cacheWrite5m: 20,
      cacheWrite1h: 0,
      reasoning: 5,
    });
  });
});
