import { describe, expect, it } from 'vitest';
import { activeBlockOfRecentSlots } from './active-block.js';
import { billingBlocksOfSlots } from './billing-blocks.js';
import { usageSlot } from './test-records.js';

const slots = (...isos: string[]) => isos.map((iso, i) => usageSlot(iso, { tokens: { input: i + 1 } }));
const window = (all: ReturnType<typeof slots>, from: string) => all.filter((s) => s.firstAt >= new Date(from));

describe('activeBlockOfRecentSlots', () => {
  const now = new Date('2025-03-02T10:30:00Z');

  it('settles on an idle stretch longer than a block inside the window and finds the full fold’s active block', () => {
    const all = slots('2025-03-01T20:10:00Z', '2025-03-02T00:05:00Z', '2025-03-02T08:20:00Z', '2025-03-02T10:00:00Z');
    const full = billingBlocksOfSlots(all, { now }).find((b) => b.isActive)!;
    const recent = activeBlockOfRecentSlots(window(all, '2025-03-01T22:00:00Z'), {
      now,
      from: new Date('2025-03-01T22:00:00Z'),
    });
    expect(recent.settled).toBe(true);
    expect(recent.block?.start.toISOString()).toBe('2025-03-02T08:00:00.000Z');
    expect(recent.block?.tokens.input).toBe(full.tokens.input);
  });

  it('is not settled while usage runs without a long pause back to the window start (blocks may start elsewhere)', () => {
    // Every 4 hours since the day before: the full fold starts blocks at 02:00, 07:00 (after 5 h), …
    const all = slots('2025-03-01T22:40:00Z', '2025-03-02T02:30:00Z', '2025-03-02T06:20:00Z', '2025-03-02T10:10:00Z');
    const from = '2025-03-02T02:00:00Z';
    const recent = activeBlockOfRecentSlots(window(all, from), { now, from: new Date(from) });
    expect(recent.settled).toBe(false);
    const wider = activeBlockOfRecentSlots(all, { now, from: new Date('2025-03-01T12:00:00Z') });
    expect(wider.settled).toBe(true);
    expect(wider.block?.start.toISOString()).toBe(
      billingBlocksOfSlots(all, { now })
        .find((b) => b.isActive)!
        .start.toISOString(),
    );
  });

  it('settles with no active block when nothing was used for a block’s length up to now', () => {
    const all = slots('2025-03-02T01:00:00Z', '2025-03-02T05:00:00Z');
    expect(activeBlockOfRecentSlots(all, { now, from: new Date('2025-03-02T00:30:00Z') })).toEqual({
      block: null,
      settled: true,
    });
    expect(activeBlockOfRecentSlots([], { now, from: new Date('2025-03-01T10:30:00Z') })).toEqual({
      block: null,
      settled: true,
    });
    expect(activeBlockOfRecentSlots([], { now, from: new Date('2025-03-02T08:30:00Z') }).settled).toBe(false);
  });
});
