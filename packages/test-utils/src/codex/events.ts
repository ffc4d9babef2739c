import { addTokens, ZERO_TOKENS, type AdapterEvent, type TokenCounts, type UsageEvent } from '@rimuru/core';

/** Drains an adapter's event stream into an array. */
export async function drainEvents(events: AsyncIterable<AdapterEvent>): Promise<AdapterEvent[]> {
  const out: AdapterEvent[] = [];
  for await (const event of events) out.push(event);
  return out;
}

export function eventsOfType<T extends AdapterEvent['type']>(
  events: readonly AdapterEvent[],
  type: T,
): Extract<AdapterEvent, { type: T }>[] {
  return events.filter((e): e is Extract<AdapterEvent, { type: T }> => e.type === type);
}

export interface CodexSessionTotals {
  tokens: TokenCounts;
  requests: number;
  models: string[];
}

/** Per session: usage summed after the engine's dedupe (largest rank per key, ties keep first). */
export function codexTotalsBySession(events: readonly AdapterEvent[]): Map<string, CodexSessionTotals> {
  const byKey = new Map<string, UsageEvent>();
  for (const e of eventsOfType(events, 'usage')) {
    const kept = byKey.get(e.dedupeKey);
    if (kept === undefined || e.rank > kept.rank) byKey.set(e.dedupeKey, e);
  }
  const acc = new Map<string, { tokens: TokenCounts; requests: number; models: Set<string> }>();
  for (const e of byKey.values()) {
    const entry = acc.get(e.sessionExternalId) ?? {
      tokens: { ...ZERO_TOKENS },
      requests: 0,
      models: new Set<string>(),
    };
    entry.tokens = addTokens(entry.tokens, e.tokens);
    entry.requests += 1;
    if (e.model !== null) entry.models.add(e.model);
    acc.set(e.sessionExternalId, entry);
  }
  const out = new Map<string, CodexSessionTotals>();
  for (const [id, e] of acc) out.set(id, { tokens: e.tokens, requests: e.requests, models: [...e.models].sort() });
  return out;
}
