import type { CostMode } from '@rimuru/core';
import type { SessionFilter, SessionStore, UsageTotals } from '@rimuru/db';
import { usageFigures, type UsageFigures } from '../view-models/usage-figures.js';
import { tokensUnknown } from './tokens-unknown.js';

/**
 * Figures of the sessions a filter matches and of the usage in [from, to): the token-data probe
 * runs only when there is no usage to show.
 */
export async function usageOf(
  store: SessionStore,
  filter: SessionFilter,
  mode: CostMode,
  totals?: UsageTotals,
): Promise<UsageFigures & { totals: UsageTotals }> {
  const bounds = {
    ...(filter.since ? { from: filter.since } : {}),
    ...(filter.until ? { to: new Date(filter.until.getTime() + 1) } : {}),
    ...(filter.agentTypes ? { agentTypes: filter.agentTypes } : {}),
  };
  const [sessions, t] = await Promise.all([store.sessions.count(filter), totals ?? store.usage.totals(bounds)]);
  const unknown = t.requestCount === 0 && sessions > 0 && (await tokensUnknown(store, filter));
  return { ...usageFigures(sessions, t, mode, unknown), totals: t };
}
