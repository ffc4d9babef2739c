import { AmbiguousIdError, NotFoundError, shortId, type StoredSession } from '@rimuru/core';
import type { SessionStore } from '@rimuru/db';

/** More matches than this are not listed: the user needs more characters, not a longer list. */
const MAX_MATCHES = 20;

/**
 * The one session a user named by id, agent session id, or a unique prefix of either. No match
 * and several matches are user errors that say what to do (list sessions, type more characters).
 */
export async function findOneSession(store: Pick<SessionStore, 'sessions'>, id: string): Promise<StoredSession> {
  const wanted = id.trim();
  const matches = await store.sessions.find(wanted, MAX_MATCHES);
  if (matches.length === 0)
    throw new NotFoundError(`No session matches "${wanted}"`, { suggestions: ['rimuru sessions --limit 20'] });
  if (matches.length > 1) {
    throw new AmbiguousIdError(
      `"${wanted}" matches ${matches.length === MAX_MATCHES ? `${MAX_MATCHES} or more` : matches.length} sessions; give more characters`,
      matches.map((s) => `${shortId(s.id)}  ${s.agentType}  ${s.externalId}`),
    );
  }
  return matches[0]!;
}
