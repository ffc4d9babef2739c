import { ZERO_TOKENS, type TokenCounts } from '@rimuru/core';

type Fields = Record<string, unknown>;

/** Field names of one token-usage object: Kimi Code's camelCase or kimi-cli's snake_case. */
export interface UsageKeys {
  input: string;
  output: string;
  cacheRead: string;
  cacheWrite: string;
}

export const KIMI_CODE_KEYS: UsageKeys = {
  input: 'inputOther',
  output: 'output',
  cacheRead: 'inputCacheRead',
  cacheWrite: 'inputCacheCreation',
};
export const KIMI_CLI_KEYS: UsageKeys = {
  input: 'input_other',
  output: 'output',
  cacheRead: 'input_cache_read',
  cacheWrite: 'input_cache_creation',
};

/**
 * Kimi splits a call's input into `input_other` (not cached), `input_cache_read` and
 * `input_cache_creation`, so they map straight onto Rimuru's classes; `output` includes the
 * thinking tokens (Kimi reports no separate reasoning count). Missing classes are 0.
 */
export function parseKimiUsage(
  usage: unknown,
  keys: UsageKeys,
): { ok: true; tokens: TokenCounts } | { ok: false; reason: string } {
  if (typeof usage !== 'object' || usage === null || Array.isArray(usage))
    return { ok: false, reason: 'usage is not an object' };
  const fields = usage as Fields;
  const values: number[] = [];
  for (const key of [keys.input, keys.output, keys.cacheRead, keys.cacheWrite]) {
    const value = fields[key];
    if (value === undefined || value === null) values.push(0);
    else if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) values.push(value);
    else return { ok: false, reason: `usage.${key} is ${JSON.stringify(value)}, not a token count` };
  }
  const [input, output, cacheRead, cacheWrite5m] = values as [number, number, number, number];
  return { ok: true, tokens: { ...ZERO_TOKENS, input, output, cacheRead, cacheWrite5m } };
}
