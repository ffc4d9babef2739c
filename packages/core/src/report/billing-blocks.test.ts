import { describe, expect, it } from 'vitest';
import { blockBurnRate, createBillingBlocks, projectBlock } from './billing-blocks.js';
import { toBillingBlockJson } from './report-json.js';
import { recordSpan, usageRecord } from './test-records.js';

const at = (iso: string, input: number, cost = 1_000_000n) =>
  recordSpan(usageRecord(iso, { tokens: { input }, calculatedCostNanos: cost, autoCostNanos: cost }));

describe('billing blocks', () => {
  it('starts blocks at the first request hour, splits after 5 h, and marks long idle gaps', () => {
    const b = createBillingBlocks({ now: new Date('2025-03-02T00:00:00Z') });
    for (const r of [
      at('2025-03-01T08:20:00Z', 10),
      at('2025-03-01T12:59:00Z', 20), // inside 08:00–13:00
      at('2025-03-01T13:10:00Z', 30), // more than 5 h after 08:00: a new block at 13:00
      at('2025-03-01T20:00:00Z', 40), // 6h50 after the last request: gap 18:10–20:00, block at 20:00
    ])
      b.add(r);
    const blocks = b.finish();
    expect(blocks.map((x) => [x.start.toISOString(), x.end.toISOString(), x.isGap, x.tokens.input])).toEqual([
      ['2025-03-01T08:00:00.000Z', '2025-03-01T13:00:00.000Z', false, 30],
      ['2025-03-01T13:00:00.000Z', '2025-03-01T18:00:00.000Z', false, 30],
      ['2025-03-01T18:10:00.000Z', '2025-03-01T20:00:00.000Z', true, 0],
      ['2025-03-01T20:00:00.000Z', '2025-03-02T01:00:00.000Z', false, 40],
    ]);
    expect(blocks.map((x) => x.isActive)).toEqual([false, false, false, true]);
  });

  it('computes burn rate between first and last request and projects the active block', () => {
    const now = new Date('2025-03-01T10:00:00Z');
    const b = createBillingBlocks({ now });
    b.add(at('2025-03-01T08:00:00Z', 600, 3_000_000_000n));
    b.add(at('2025-03-01T09:00:00Z', 600, 3_000_000_000n));
    const [block] = b.finish();
    expect(block!.isActive).toBe(true);
    const rate = blockBurnRate(block!, block!.autoCostNanos)!;
    expect(rate.tokensPerMinute).toBe(20);
    expect(rate.costNanosPerHour).toBe(6_000_000_000n);
    // 3 h left at 20 tokens/min and $6/h.
    expect(projectBlock(block!, block!.autoCostNanos, now)).toEqual({
      totalTokens: 1200 + 3600,
      costNanos: 24_000_000_000n,
      remainingMinutes: 180,
    });
    const json = toBillingBlockJson(block!, 'auto', now);
    expect(json.projection).toEqual({ totalTokens: 4800, costUsd: 24, remainingMinutes: 180 });
    expect(json.burnRate?.costUsdPerHour).toBe(6);
  });

  it('refuses records out of time order', () => {
    const b = createBillingBlocks({ now: new Date() });
    b.add(at('2025-03-01T08:00:00Z', 1));
    expect(() => b.add(at('2025-03-01T07:00:00Z', 1))).toThrow(/time order/);
  });
});
