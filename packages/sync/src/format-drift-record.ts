import type { FormatDrift } from '@rimuru/core';
import type { SessionStore } from '@rimuru/db';

/** Meta key of the last format-drift warning per agent, for `agents` and `doctor`. */
export const FORMAT_DRIFT_META_KEY = 'formatDrift';

/** A stored warning: the drift and when the sync that saw it ran. */
export interface RecordedFormatDrift extends FormatDrift {
  at: string;
}

export async function readFormatDrift(store: SessionStore): Promise<RecordedFormatDrift[]> {
  const text = await store.getMeta(FORMAT_DRIFT_META_KEY);
  if (text === null) return [];
  try {
    return Object.values(JSON.parse(text) as Record<string, RecordedFormatDrift>);
  } catch {
    return []; // unreadable: the next sync that reads the agent writes it anew
  }
}

/**
 * Keeps each agent's latest verdict: agents read in this sync get their new warning or lose
 * their old one; agents with nothing new keep what an earlier sync found.
 */
export async function recordFormatDrift(store: SessionStore, agentsRead: readonly string[], drift: readonly FormatDrift[], at: Date): Promise<void> {
  const previous = await readFormatDrift(store);
  const byAgent = new Map(previous.map((d) => [d.agentType, d] as const));
  for (const agentType of agentsRead) byAgent.delete(agentType);
  for (const d of drift) byAgent.set(d.agentType, { ...d, at: at.toISOString() });
  if (previous.length === 0 && byAgent.size === 0) return;
  await store.setMeta(FORMAT_DRIFT_META_KEY, JSON.stringify(Object.fromEntries(byAgent)));
}
