import { billingBlocksOfSlots, toBillingBlockJson, type BillingBlockJson } from '@rimuru/core';
import type { SessionStore } from '@rimuru/db';
import type { AnswerSettings } from './settings.js';

/** `rimuru report blocks`. */
export interface BillingBlocksQuestion {
  since?: Date;
  until?: Date;
  /** Agent types whose usage forms blocks (the command's default: Claude Code). */
  agentTypes: string[];
  /** Only the active block. */
  active: boolean;
}

/** The JSON answer of `rimuru report blocks --format json`: 5-hour blocks, oldest first. */
export async function billingBlocksAnswer(
  store: SessionStore,
  settings: AnswerSettings,
  q: BillingBlocksQuestion,
): Promise<BillingBlockJson[]> {
  const slots = await store.usage.slots({ from: q.since, to: q.until, agentTypes: q.agentTypes });
  return billingBlocksOfSlots(slots, { now: settings.now })
    .filter((b) => !q.active || b.isActive)
    .map((b) => toBillingBlockJson(b, settings.costMode, settings.now));
}
