import { isRecord, trimmedString } from '@rimuru/adapter-kit';
import { parseJson } from './json-fields.js';

/** The counters of one `api_req_started` (or aggregate) record, as the extension wrote them. */
export interface ApiRequestInfo {
  tokensIn: number;
  tokensOut: number;
  cacheWrites: number;
  cacheReads: number;
  /** Dollars the extension computed (or the provider reported) for the request. */
  cost: number | null;
  cancelReason: string | null;
  /** Roo / Kilo: `anthropic` or `openai`. */
  apiProtocol: string | null;
}

export type ApiRequestParse =
  | { kind: 'usage'; info: ApiRequestInfo }
  /** Written before the request ran (`{request}` or `{apiProtocol}` only): the rewrite brings the counts. */
  | { kind: 'placeholder' }
  | { kind: 'invalid'; reason: string };

const COUNTERS = ['tokensIn', 'tokensOut', 'cacheWrites', 'cacheReads'] as const;

function counter(value: unknown): number | null | 'bad' {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return 'bad';
  return Math.trunc(value);
}

/**
 * The `text` of an `api_req_started`, `deleted_api_reqs` or `subagent_usage` message: a JSON
 * string `{request?, tokensIn, tokensOut, cacheWrites, cacheReads, cost, cancelReason?,
 * apiProtocol?}`. Missing counters are zero once any counter or the cost is present; a record
 * with none of them is a placeholder.
 */
export function parseApiRequestText(text: unknown): ApiRequestParse {
  if (text === undefined || text === null || text === '') return { kind: 'placeholder' };
  if (typeof text !== 'string') return { kind: 'invalid', reason: 'request text is not a string' };
  const value = parseJson(text);
  if (value === undefined) return { kind: 'invalid', reason: 'request text is not valid JSON' };
  if (!isRecord(value)) return { kind: 'invalid', reason: 'request text is not a JSON object' };

  const counts: Record<(typeof COUNTERS)[number], number> = {
    tokensIn: 0,
    tokensOut: 0,
    cacheWrites: 0,
    cacheReads: 0,
  };
  let present = false;
  for (const name of COUNTERS) {
    const parsed = counter(value[name]);
    if (parsed === 'bad') return { kind: 'invalid', reason: `${name} is not a non-negative number` };
    if (parsed !== null) {
      counts[name] = parsed;
      present = true;
    }
  }
  const rawCost = value['cost'];
  const cost = typeof rawCost === 'number' && Number.isFinite(rawCost) && rawCost >= 0 ? rawCost : null;
  if (!present && cost === null) return { kind: 'placeholder' };
  return {
    kind: 'usage',
    info: {
      ...counts,
      cost,
      cancelReason: trimmedString(value['cancelReason']),
      apiProtocol: trimmedString(value['apiProtocol']),
    },
  };
}
