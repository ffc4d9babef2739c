import type { AgentType } from '@rimuru/core';
import { sessionRowId } from './ids.js';

/** Session row ids already computed (a UUIDv5 is a SHA-1): ingest asks for the same few sessions on every record. */
const remembered = new Map<string, string>();
const MAX_REMEMBERED = 50_000;

/** sessionRowId, remembered: a pure function of its arguments, so nothing ever invalidates an entry. */
export function sessionIdOf(agentType: AgentType, externalId: string): string {
  const key = `${agentType}\u0000${externalId}`;
  let id = remembered.get(key);
  if (id === undefined) {
    if (remembered.size >= MAX_REMEMBERED) remembered.clear();
    id = sessionRowId(agentType, externalId);
    remembered.set(key, id);
  }
  return id;
}
