import { activeBlockOfRecentSlots, type BillingBlock } from '@rimuru/core';
import type { SessionStore } from '@rimuru/db';

/** Agent types whose usage forms 5-hour billing blocks (Claude's window; `report blocks`' default). */
export const BLOCK_AGENT_TYPES = ['claude-code'];

/**
 * How far back the block's usage is read, widest last: a pause longer than a block inside the
 * window fixes where blocks start (core's activeBlockOfRecentSlots), and a day nearly always
 * holds one, so a refresh every few seconds reads a day of slots, not the whole history.
 */
const WINDOWS_HOURS = [24, 72, 24 * 8, 24 * 32];

/** The 5-hour block `now` falls in, as a fold of the whole history would find it; null when none is active. */
export async function loadActiveBlock(store: SessionStore, now: Date): Promise<BillingBlock | null> {
  for (const hours of WINDOWS_HOURS) {
    const from = new Date(now.getTime() - hours * 3_600_000);
    const recent = activeBlockOfRecentSlots(await store.usage.slots({ from, agentTypes: BLOCK_AGENT_TYPES }), { now, from });
    if (recent.settled) return recent.block;
  }
  // Weeks of use without a five-hour pause: only the whole history says where the blocks start.
  return activeBlockOfRecentSlots(await store.usage.slots({ agentTypes: BLOCK_AGENT_TYPES }), { now, from: new Date(0) }).block;
}
