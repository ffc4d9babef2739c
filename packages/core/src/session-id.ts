import { lazyUuid } from './on-demand.js';
import type { AgentType } from './agent-type.js';

/**
 * Namespace of Rimuru's deterministic row ids (sessions and agents). Ids derive from natural
 * keys, so importing twice, or pushing the same history from two stores, yields the same rows.
 * Fixed forever: changing it would give every stored session a new id, so two stores (or two
 * imports) would no longer agree.
 */
export const RIMURU_SESSION_NAMESPACE = 'c9a9d2a6-6b8e-4d1f-9a5e-2f6f1c0b7e31';

/** Recently derived ids: an import asks for the same few sessions once per usage record. */
const recentIds = new Map<string, string>();
const RECENT_IDS = 1024;

function rowId(name: string): string {
  let id = recentIds.get(name);
  if (id === undefined) {
    id = lazyUuid().v5(name, RIMURU_SESSION_NAMESPACE);
    if (recentIds.size >= RECENT_IDS) recentIds.clear();
    recentIds.set(name, id);
  }
  return id;
}

/** The row id of a session: UUIDv5 of `${agentType}:${externalId}` (design §3, session identity). */
export function sessionRowId(agentType: AgentType, externalId: string): string {
  return rowId(`${agentType}:${externalId}`);
}

/** The row id of an agent: one per (host, name). */
export function agentRowId(host: string, name: string): string {
  return rowId(`${host}:${name}`);
}
