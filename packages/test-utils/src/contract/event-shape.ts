import type { AdapterEvent } from '@rimuru/core';

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const TOKEN_CLASSES = ['input', 'output', 'cacheRead', 'cacheWrite5m', 'cacheWrite1h', 'reasoning'] as const;

function isInstant(value: unknown): boolean {
  return typeof value === 'string' && ISO_UTC.test(value) && !Number.isNaN(Date.parse(value));
}

function isCount(value: unknown): boolean {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/**
 * Why an event breaks the adapter contract, or null when it is well formed: what the engine
 * writes must be typed, UTC ISO instants, non-negative integer tokens and JSON-safe state,
 * whatever bytes the adapter was fed.
 */
export function eventProblem(event: AdapterEvent): string | null {
  switch (event.type) {
    case 'usage':
      if (typeof event.sessionExternalId !== 'string' || event.sessionExternalId === '')
        return 'usage without session id';
      if (typeof event.dedupeKey !== 'string' || event.dedupeKey === '') return 'usage without dedupe key';
      if (!Number.isFinite(event.rank)) return `usage rank ${String(event.rank)}`;
      if (!isInstant(event.occurredAt)) return `usage occurredAt ${String(event.occurredAt)}`;
      for (const key of TOKEN_CLASSES)
        if (!isCount(event.tokens[key])) return `usage tokens.${key} ${String(event.tokens[key])}`;
      if (event.tokens.reasoning > event.tokens.output) return 'reasoning exceeds output';
      return null;
    case 'activity':
      if (typeof event.sessionExternalId !== 'string' || event.sessionExternalId === '')
        return 'activity without session id';
      if (!isInstant(event.firstAt) || !isInstant(event.lastAt))
        return `activity instants ${event.firstAt}..${event.lastAt}`;
      if (event.models !== undefined && !event.models.every((m) => typeof m === 'string' && m !== ''))
        return 'activity models';
      if (event.requestCount !== undefined && !isCount(event.requestCount)) return 'activity requestCount';
      return null;
    case 'diagnostic':
      if (event.severity !== 'warning' && event.severity !== 'error')
        return `diagnostic severity ${String(event.severity)}`;
      if (typeof event.code !== 'string' || event.code === '') return 'diagnostic without code';
      return null;
    case 'checkpoint':
      if (!isCount(event.offset)) return `checkpoint offset ${String(event.offset)}`;
      if (JSON.stringify(JSON.parse(JSON.stringify(event.state))) !== JSON.stringify(event.state))
        return 'checkpoint state is not JSON';
      return null;
    default:
      return `unknown event type ${String((event as { type: unknown }).type)}`;
  }
}
