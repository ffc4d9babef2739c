import type { AdapterContext, AdapterEvent, AgentAdapter, SourceRef, TokenCounts } from '@rimuru/core';

export interface ReadOutcome {
  events: AdapterEvent[];
  usage: number;
  diagnostics: number;
}

/** Reads a whole source the way the sync engine does; whatever throws, throws here. */
export async function readWhole(adapter: AgentAdapter, source: SourceRef, ctx: AdapterContext): Promise<ReadOutcome> {
  const events: AdapterEvent[] = [];
  for await (const event of adapter.read(source, { offset: 0, state: null }, ctx)) events.push(event);
  return {
    events,
    usage: events.filter((e) => e.type === 'usage').length,
    diagnostics: events.filter((e) => e.type === 'diagnostic').length,
  };
}

const TOKEN_CLASSES: (keyof TokenCounts)[] = [
  'input',
  'output',
  'cacheRead',
  'cacheWrite5m',
  'cacheWrite1h',
  'reasoning',
];

/** Problems with what an adapter yielded: negative/NaN/unsafe tokens, invalid instants. Empty when sane. */
export function insaneEvents(events: readonly AdapterEvent[]): string[] {
  const problems: string[] = [];
  const validInstant = (iso: string) => typeof iso === 'string' && Number.isFinite(Date.parse(iso));
  for (const e of events) {
    if (e.type === 'usage') {
      for (const k of TOKEN_CLASSES) {
        const v = e.tokens[k];
        if (!Number.isSafeInteger(v) || v < 0) problems.push(`usage ${e.dedupeKey}: ${k}=${String(v)}`);
      }
      if (!validInstant(e.occurredAt)) problems.push(`usage ${e.dedupeKey}: occurredAt=${String(e.occurredAt)}`);
      if (e.recordedCostUsd !== null && !(Number.isFinite(e.recordedCostUsd) && e.recordedCostUsd >= 0)) {
        problems.push(`usage ${e.dedupeKey}: recordedCostUsd=${String(e.recordedCostUsd)}`);
      }
      if (!Number.isFinite(e.rank)) problems.push(`usage ${e.dedupeKey}: rank=${String(e.rank)}`);
    } else if (e.type === 'activity') {
      if (!validInstant(e.firstAt) || !validInstant(e.lastAt))
        problems.push(`activity ${e.sessionExternalId}: ${e.firstAt}..${e.lastAt}`);
    } else if (e.type === 'checkpoint') {
      if (!Number.isSafeInteger(e.offset) || e.offset < 0) problems.push(`checkpoint offset=${e.offset}`);
    }
  }
  return problems;
}
