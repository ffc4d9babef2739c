import { v5 as uuidv5 } from 'uuid';
import type { AgentType } from './agent-type.js';

/**
 * Namespace of Rimuru's deterministic row ids (the same one @rimuru/db uses for agent ids).
 * Fixed forever: changing it would give every stored session a new id, so two stores (or two
 * imports) would no longer agree.
 */
export const RIMURU_SESSION_NAMESPACE = 'c9a9d2a6-6b8e-4d1f-9a5e-2f6f1c0b7e31';

/** The row id of a session: UUIDv5 of `${agentType}:${externalId}` (design §3, session identity). */
export function sessionRowId(agentType: AgentType, externalId: string): string {
  return uuidv5(`${agentType}:${externalId}`, RIMURU_SESSION_NAMESPACE);
}
