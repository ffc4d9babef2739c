import type { AdapterEvent, SessionActivity, UsageEvent } from '@rimuru/core';

/** What a store would keep of one session's activity: the engine's merge rules, order-free. */
interface ActivityView {
  firstAt: string;
  lastAt: string;
  projectPath: string | null;
  parentExternalId: string | null;
  title: string | null;
  tokensKnown: boolean;
  models: string[];
  requestCount: number;
}

/**
 * The store-relevant content of a sequence of events, independent of how the reads were cut
 * into stretches: usage deduplicated by key (larger rank wins, ties keep the first), activity
 * merged per session, diagnostics as a sorted multiset of code@line.
 */
export interface EventView {
  usage: UsageEvent[];
  activity: Record<string, ActivityView>;
  diagnostics: string[];
}

function mergeInto(view: Record<string, ActivityView>, a: SessionActivity): void {
  const models = [...new Set(a.models ?? [])].sort();
  const stored = view[a.sessionExternalId];
  if (stored === undefined) {
    view[a.sessionExternalId] = {
      firstAt: a.firstAt < a.lastAt ? a.firstAt : a.lastAt,
      lastAt: a.lastAt > a.firstAt ? a.lastAt : a.firstAt,
      projectPath: a.projectPath,
      parentExternalId: a.parentExternalId,
      title: a.title,
      tokensKnown: a.tokensKnown,
      models,
      requestCount: a.requestCount ?? 0,
    };
    return;
  }
  if (a.firstAt < stored.firstAt) stored.firstAt = a.firstAt;
  if (a.lastAt > stored.lastAt) stored.lastAt = a.lastAt;
  stored.projectPath ??= a.projectPath;
  stored.parentExternalId ??= a.parentExternalId;
  stored.title ??= a.title;
  stored.tokensKnown ||= a.tokensKnown;
  stored.models = [...new Set([...stored.models, ...models])].sort();
  stored.requestCount = Math.max(stored.requestCount, a.requestCount ?? 0);
}

export function eventView(events: readonly AdapterEvent[]): EventView {
  const usage = new Map<string, UsageEvent>();
  const activity: Record<string, ActivityView> = {};
  const diagnostics: string[] = [];
  for (const event of events) {
    if (event.type === 'usage') {
      const stored = usage.get(event.dedupeKey);
      if (stored === undefined || event.rank > stored.rank) usage.set(event.dedupeKey, event);
    } else if (event.type === 'activity') {
      mergeInto(activity, event);
    } else if (event.type === 'diagnostic') {
      diagnostics.push(`${event.code}@${event.line ?? '-'}`);
    }
  }
  return {
    usage: [...usage.values()].sort((a, b) => (a.dedupeKey < b.dedupeKey ? -1 : a.dedupeKey > b.dedupeKey ? 1 : 0)),
    activity,
    diagnostics: diagnostics.sort(),
  };
}
