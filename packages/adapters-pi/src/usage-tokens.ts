import { isRecord } from '@rimuru/adapter-kit';
import { ZERO_TOKENS, type TokenCounts } from '@rimuru/core';

/** What an assistant message's `usage` object says, in Rimuru's token classes. */
export type PiUsageParse =
  { ok: true; tokens: TokenCounts; recordedCostUsd: number | null } | { ok: false; reason: string };

type Fields = Record<string, unknown>;

/** A count field: missing or null is 0 (pi omits classes a provider does not report); anything else must be a count. */
function count(usage: Fields, key: string): number | string {
  const value = usage[key];
  if (value === undefined || value === null) return 0;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  return `usage.${key} is ${JSON.stringify(value)}, not a token count`;
}

/**
 * pi's per-call `usage = {input, output, cacheRead, cacheWrite, totalTokens, cost{…,total}}`.
 *
 * - `input` is already non-cached input for the providers pi normalises (Anthropic, OpenAI:
 *   pi subtracts `cached_tokens` itself). Its Google providers copy `promptTokenCount`, which
 *   includes the cached tokens; such a record shows itself by the identity
 *   `input + output + cacheRead + cacheWrite = totalTokens + cacheRead`, and only then the
 *   cached tokens are taken out of `input`.
 * - `output` already includes reasoning (pi adds reasoning tokens to it); no separate class.
 * - Only `totalTokens` (hand-written or truncated records): the total is exact but its class is
 *   not; it is counted as output, as ccusage does, so totals agree.
 * - `cost.total` is the dollar figure pi computed from its own model registry. pi writes 0 when
 *   the registry has no price for the model, so a zero cost of a non-empty call is unknown, not free.
 */
export function parsePiUsage(usage: unknown): PiUsageParse {
  if (!isRecord(usage)) return { ok: false, reason: 'usage is not an object' };
  const input = count(usage, 'input');
  const output = count(usage, 'output');
  const cacheRead = count(usage, 'cacheRead');
  const cacheWrite = count(usage, 'cacheWrite');
  const total = count(usage, 'totalTokens');
  for (const value of [input, output, cacheRead, cacheWrite, total]) {
    if (typeof value === 'string') return { ok: false, reason: value };
  }
  const [i, o, r, w, t] = [input, output, cacheRead, cacheWrite, total] as number[] as [
    number,
    number,
    number,
    number,
    number,
  ];
  const tokens: TokenCounts = { ...ZERO_TOKENS, input: i, output: o, cacheRead: r, cacheWrite5m: w };
  if (i + o + r + w === 0 && t > 0) {
    tokens.output = t;
  } else if (r > 0 && t > 0 && i >= r && i + o + r + w === t + r) {
    tokens.input = i - r;
  }
  return { ok: true, tokens, recordedCostUsd: recordedCost(usage['cost'], tokens) };
}

function recordedCost(cost: unknown, tokens: TokenCounts): number | null {
  if (!isRecord(cost)) return null;
  const total = cost['total'];
  if (typeof total !== 'number' || !Number.isFinite(total) || total < 0) return null;
  const any = tokens.input + tokens.output + tokens.cacheRead + tokens.cacheWrite5m > 0;
  return total === 0 && any ? null : total;
}
