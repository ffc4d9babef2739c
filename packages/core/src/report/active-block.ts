import { BILLING_BLOCK_HOURS, billingBlocksOfSlots, blockSpansOfSlots, type BillingBlock } from './billing-blocks.js';
import type { UsageSlot } from './usage-slot.js';

const HOUR_MS = 3_600_000;

export interface RecentBlockOptions {
  now: Date;
  /** Where the slots begin: the store was asked for usage at or after this instant only. */
  from: Date;
  blockHours?: number;
}

/** The active block of a window of slots, and whether the window was long enough to know it. */
export interface RecentBlock {
  /** The block `now` falls in; null when there is none (no request less than a block ago). */
  block: BillingBlock | null;
  /**
   * True when these slots fix the blocks: an idle stretch longer than a block lies inside the
   * window (or between its start and its first request). When false, usage before `from` may
   * start the blocks elsewhere: ask again with an earlier `from`.
   */
  settled: boolean;
}

/**
 * The active billing block from the usage of a recent window only (a statusline cannot fold a
 * whole history on every refresh). Blocks chain: where one starts depends on every request back
 * to the last idle stretch longer than a block, since a request after such a stretch opens a
 * block whatever came before it. So the blocks of the window's slots are the true ones once the
 * window holds such a stretch; one that reaches `now` settles it too: nothing is active.
 */
export function activeBlockOfRecentSlots(slots: Iterable<UsageSlot>, options: RecentBlockOptions): RecentBlock {
  const blockHours = options.blockHours ?? BILLING_BLOCK_HOURS;
  const lengthMs = blockHours * HOUR_MS;
  const list = [...slots];
  const spans = blockSpansOfSlots(list);
  let previousEnd = options.from.getTime();
  let settled = false;
  for (const span of spans) {
    if (span.firstAt.getTime() - previousEnd > lengthMs) settled = true;
    previousEnd = span.lastAt.getTime();
  }
  // No request for a block's length up to now: nothing can be active, whatever came before.
  if (options.now.getTime() - previousEnd >= lengthMs) settled = true;
  const blocks = billingBlocksOfSlots(list, { now: options.now, blockHours });
  return { block: blocks.find((b) => b.isActive) ?? null, settled };
}
