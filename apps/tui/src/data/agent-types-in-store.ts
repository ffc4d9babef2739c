import type { AgentType } from '@rimuru/core';
import type { SessionStore } from '@rimuru/db';

/**
 * The agent types the store holds sessions of (built-in and plugin alike), in name order:
 * charts and filters list the agents a user actually runs, not every type Rimuru can read.
 */
export async function agentTypesInStore(store: SessionStore): Promise<AgentType[]> {
  const agents = await store.agents.list();
  return [...new Set(agents.filter((a) => a.sessionCount > 0).map((a) => a.type))].sort();
}
