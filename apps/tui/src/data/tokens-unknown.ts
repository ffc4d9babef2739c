import type { SessionFilter, SessionStore } from '@rimuru/db';

/**
 * Whether the sessions a filter matches all come from agents that keep no token counts: the
 * session with the most tokens has none (sessions without token data sort last).
 */
export async function tokensUnknown(store: SessionStore, filter: SessionFilter): Promise<boolean> {
  const [top] = await store.sessions.page({ filter, sort: 'tokens', offset: 0, limit: 1 });
  return top !== undefined && top.tokens === null;
}
