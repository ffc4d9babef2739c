import {
  addTokens,
  ZERO_TOKENS,
  type AdapterEvent,
  type SessionActivity,
  type TokenCounts,
  type UsageEvent,
} from '@rimuru/core';

/** Joins lines into JSONL file content (each line `\n`-terminated). */
export function jsonl(lines: readonly string[]): string {
  return lines.map((line) => `${line}\n`).join('');
}

export async function collectEvents(events: AsyncIterable<AdapterEvent>): Promise<AdapterEvent[]> {
  const out: AdapterEvent[] = [];
  for await (const event of events) out.push(event);
  return out;
}

export function ofType<T extends AdapterEvent['type']>(
  events: readonly AdapterEvent[],
  type: T,
): Extract<AdapterEvent, { type: T }>[] {
  return events.filter((e): e is Extract<AdapterEvent, { type: T }> => e.type === type);
}

/** The engine's rule: per dedupeKey the copy with the larger rank; ties keep the first. */
function dedupeByKey(events: Iterable<UsageEvent>): UsageEvent[] {
  const kept = new Map<string, UsageEvent>();
  for (const event of events) {
    const stored = kept.get(event.dedupeKey);
    if (stored === undefined || event.rank > stored.rank) kept.set(event.dedupeKey, event);
  }
  return [...kept.values()];
}

/** Deduplicated token totals per session. */
export function tokensBySession(events: readonly AdapterEvent[]): Map<string, TokenCounts> {
  const out = new Map<string, TokenCounts>();
  for (const usage of dedupeByKey(ofType(events, 'usage'))) {
    out.set(usage.sessionExternalId, addTokens(out.get(usage.sessionExternalId) ?? { ...ZERO_TOKENS }, usage.tokens));
  }
  return out;
}

/** The engine's activity merge: earliest start, latest end, first non-null project, any tokensKnown. */
export function mergeActivity(events: readonly AdapterEvent[]): Map<string, Omit<SessionActivity, 'type'>> {
  const out = new Map<string, Omit<SessionActivity, 'type'>>();
  for (const a of ofType(events, 'activity')) {
    const stored = out.get(a.sessionExternalId);
    if (stored === undefined) {
      const { type: _type, ...rest } = a;
      out.set(a.sessionExternalId, rest);
      continue;
    }
    if (a.firstAt < stored.firstAt) stored.firstAt = a.firstAt;
    if (a.lastAt > stored.lastAt) stored.lastAt = a.lastAt;
    stored.projectPath ??= a.projectPath;
    stored.title ??= a.title;
    stored.tokensKnown ||= a.tokensKnown;
  }
  return out;
}
