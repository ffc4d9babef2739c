import { activeBlockOfRecentSlots, type BillingBlock, type UsageSlot } from '@rimuru/core';

/** Agent types whose usage forms 5-hour billing blocks (Claude's window; `report blocks`' default). */
export const BLOCK_AGENT_TYPES: readonly string[] = ['claude-code'];

/** The one repository the block reads (a `SessionStore` of @rimuru/db has it), named by shape. */
export interface BlockSlotStore {
  readonly usage: { slots(filter: { from?: Date }): Promise<UsageSlot[]> };
}

/**
 * How far back the block's slots are read, widest last: a pause longer than a block within the
 * window fixes where the blocks start (core's activeBlockOfRecentSlots), and a day nearly always
 * holds one, so a refresh reads a day of slots, not the whole history.
 */
const WINDOWS_HOURS = [24, 72, 24 * 8, 24 * 32];

/**
 * The 5-hour block `now` falls in, as a fold of the whole history would find it; null when none
 * is active. What the TUI's dashboard and the statusline show.
 */
export async function activeBillingBlock(store: BlockSlotStore, now: Date): Promise<BillingBlock | null> {
  for (const hours of WINDOWS_HOURS) {
    const from = new Date(now.getTime() - hours * 3_600_000);
    const recent = activeBlockOfRecentSlots(await blockSlots(store, from), { now, from });
    if (recent.settled) return recent.block;
  }
  // Weeks of use without a five-hour pause: only the whole history says where the blocks start.
  return activeBlockOfRecentSlots(await blockSlots(store, new Date(0)), { now, from: new Date(0) }).block;
}

/**
 * The block agents' slots since `from`. The agent types are kept here, not in the query: with
 * both filters SQLite walks every record of the agent type (its index) instead of the few
 * recent ones (the time index): 300–400 ms on a store of 200 000 records instead of a few.
 */
async function blockSlots(store: BlockSlotStore, from: Date): Promise<UsageSlot[]> {
  return (await store.usage.slots({ from })).filter((slot) => BLOCK_AGENT_TYPES.includes(slot.agentType));
}
