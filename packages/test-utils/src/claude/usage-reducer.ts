import { addTokens, ZERO_TOKENS, type AdapterEvent, type TokenCounts, type UsageEvent } from '@rimuru/core';

/** Drains an adapter's event stream into an array. */
export async function collectEvents(events: AsyncIterable<AdapterEvent>): Promise<AdapterEvent[]> {
  const out: AdapterEvent[] = [];
  for await (const event of events) out.push(event);
  return out;
}

export function usageEvents(events: readonly AdapterEvent[]): UsageEvent[] {
  return events.filter((e): e is UsageEvent => e.type === 'usage');
}

/**
 * Reference implementation of the engine's dedupe rules, for tests: per dedupeKey the copy
 * with the largest rank (ties keep the first seen), then replay copies are dropped when a
 * kept non-replay copy shares their replayKey.
 */
export function dedupeUsage(events: Iterable<UsageEvent>): UsageEvent[] {
  const byKey = new Map<string, UsageEvent>();
  for (const event of events) {
    const kept = byKey.get(event.dedupeKey);
    if (kept === undefined || event.rank > kept.rank) byKey.set(event.dedupeKey, event);
  }
  const originals = new Set<string>();
  for (const event of byKey.values()) {
    if (!event.isReplayCopy && event.replayKey !== null) originals.add(event.replayKey);
  }
  return [...byKey.values()].filter((e) => !(e.isReplayCopy && e.replayKey !== null && originals.has(e.replayKey)));
}

export interface UsageTotals {
  tokens: TokenCounts;
  requestCount: number;
  models: string[];
}

/** Deduplicated totals per session external id. */
export function totalsBySession(events: Iterable<UsageEvent>): Map<string, UsageTotals> {
  const acc = new Map<string, { tokens: TokenCounts; requestCount: number; models: Set<string> }>();
  for (const event of dedupeUsage(events)) {
    let entry = acc.get(event.sessionExternalId);
    if (entry === undefined) {
      entry = { tokens: { ...ZERO_TOKENS }, requestCount: 0, models: new Set() };
      acc.set(event.sessionExternalId, entry);
    }
    entry.tokens = addTokens(entry.tokens, event.tokens);
    entry.requestCount += 1;
    if (event.model !== null) entry.models.add(event.model);
  }
  const out = new Map<string, UsageTotals>();
  for (const [id, entry] of acc)
    out.set(id, { tokens: entry.tokens, requestCount: entry.requestCount, models: [...entry.models].sort() });
  return out;
}
