import { v5 as uuidv5 } from 'uuid';
import type { AgentType } from '@rimuru/core';

/**
 * Namespace of Rimuru's deterministic ids. Ids derive from natural keys so importing twice,
 * or pushing the same history from two stores, yields the same rows.
 */
export const RIMURU_ID_NAMESPACE = 'c9a9d2a6-6b8e-4d1f-9a5e-2f6f1c0b7e31';

/** Row id of an agent: one per (host, name). */
export function agentRowId(host: string, name: string): string {
  return uuidv5(`${host}:${name}`, RIMURU_ID_NAMESPACE);
}

/** Recently derived session ids: a batch asks for the same few sessions once per usage record. */
const recentSessionIds = new Map<string, string>();
const RECENT_SESSION_IDS = 1024;

/** Row id of a session: one per (agent type, external id). */
export function sessionRowId(agentType: AgentType, externalId: string): string {
  const name = `${agentType}:${externalId}`;
  let id = recentSessionIds.get(name);
  if (id === undefined) {
    id = uuidv5(name, RIMURU_ID_NAMESPACE);
    if (recentSessionIds.size >= RECENT_SESSION_IDS) recentSessionIds.clear();
    recentSessionIds.set(name, id);
  }
  return id;
}
