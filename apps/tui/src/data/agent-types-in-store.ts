import { isBuiltinAgentType, type AgentAdapter, type AgentType } from '@rimuru/core';
import type { SessionStore } from '@rimuru/db';

/**
 * The agent types to list in charts and filters, in name order: every type the store holds
 * sessions of (built-in, plugin, or pushed by a teammate) and every registered plugin adapter,
 * not every type Rimuru could read.
 */
export async function agentTypesInStore(
  store: SessionStore,
  adapters: readonly Pick<AgentAdapter, 'id'>[] = [],
): Promise<AgentType[]> {
  const agents = await store.agents.list();
  const stored = agents.filter((a) => a.sessionCount > 0).map((a) => a.type);
  const plugins = adapters.map((a) => a.id).filter((id) => !isBuiltinAgentType(id));
  return [...new Set([...stored, ...plugins])].sort();
}
