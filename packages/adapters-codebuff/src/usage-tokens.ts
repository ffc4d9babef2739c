import { isRecord } from '@rimuru/adapter-kit';
import { ZERO_TOKENS, totalTokens, type TokenCounts } from '@rimuru/core';

/** First key present with a non-negative safe integer; undefined when none; null when one is malformed. */
function pick(record: Record<string, unknown>, keys: readonly string[]): number | undefined | null {
  for (const key of keys) {
    const value = record[key];
    if (value === undefined || value === null) continue;
    return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : null;
  }
  return undefined;
}

export type UsageParse =
  { kind: 'none' } | { kind: 'invalid'; reason: string } | { kind: 'tokens'; tokens: TokenCounts };

/**
 * A usage object as Codebuff stores it (AI SDK / provider shapes). Anthropic-style fields
 * (`inputTokens` + `cacheReadInputTokens`/`cacheCreationInputTokens`) keep the cache apart from
 * the input; OpenAI-style `prompt_tokens` with `prompt_tokens_details.cached_tokens` include the
 * cached part, which is subtracted. Only a total: counted as output (ccusage's fallback).
 */
export function parseUsage(value: unknown): UsageParse {
  if (!isRecord(value)) return { kind: 'none' };
  const input = pick(value, ['inputTokens', 'input_tokens', 'promptTokens', 'prompt_tokens']);
  const output = pick(value, ['outputTokens', 'output_tokens', 'completionTokens', 'completion_tokens']);
  const cacheRead = pick(value, ['cacheReadInputTokens', 'cache_read_input_tokens']);
  const cacheWrite = pick(value, [
    'cacheCreationInputTokens',
    'cache_creation_input_tokens',
    'cacheCreationTokens',
    'cache_creation_tokens',
  ]);
  const total = pick(value, ['totalTokens', 'total_tokens', 'total']);
  const details = value['promptTokensDetails'] ?? value['prompt_tokens_details'];
  const cachedInPrompt = isRecord(details) ? pick(details, ['cachedTokens', 'cached_tokens']) : undefined;
  const all = [input, output, cacheRead, cacheWrite, total, cachedInPrompt];
  if (all.includes(null)) return { kind: 'invalid', reason: 'token count is not a non-negative integer' };
  if (all.every((v) => v === undefined)) return { kind: 'none' };
  const n = (v: number | null | undefined): number => v ?? 0;
  const tokens: TokenCounts = {
    ...ZERO_TOKENS,
    input: n(input),
    output: n(output),
    cacheRead: n(cacheRead),
    cacheWrite5m: n(cacheWrite),
  };
  if (cacheRead === undefined && cachedInPrompt !== undefined && n(cachedInPrompt) > 0) {
    const cached = Math.min(n(cachedInPrompt), tokens.input);
    tokens.input -= cached;
    tokens.cacheRead = cached;
  }
  if (totalTokens(tokens) === 0 && n(total) > 0) tokens.output = n(total);
  return { kind: 'tokens', tokens };
}
