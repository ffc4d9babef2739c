import type { TokenCounts } from '@rimuru/core';
import type { NumberCell, SpanRow } from './trace-rows.js';

export type SpanUsage =
  | { kind: 'usage'; tokens: TokenCounts; inconsistent: boolean }
  /** A request that reported no usage (failed, cancelled, still streaming when written). */
  | { kind: 'none' }
  | { kind: 'invalid'; reason: string };

const FIELDS = [
  ['input_tokens', 'inputTokens'],
  ['output_tokens', 'outputTokens'],
  ['cached_tokens', 'cachedTokens'],
  ['cache_creation.input_tokens', 'cacheCreationTokens'],
  ['reasoning_tokens', 'reasoningTokens'],
] as const;

function count(cell: NumberCell, name: string): number | null | string {
  if (cell === null) return null;
  if (typeof cell === 'object') return cell.invalid;
  if (!Number.isSafeInteger(cell) || cell < 0) return `${name} ${cell} is not a non-negative integer`;
  return cell;
}

/**
 * One chat span's tokens in the unified convention. Copilot Chat sets
 * `gen_ai.usage.input_tokens` to the response's `prompt_tokens`, which counts the whole
 * prompt: cache reads (`cached_tokens`) and cache writes
 * (`gen_ai.usage.cache_creation.input_tokens`) are parts of it (the BYOK Anthropic provider
 * builds it as input + cache creation + cache read; real stores show input = read + write + a
 * few new tokens). So:
 * - input = input_tokens − cached − cache creation (0 and flagged if that goes negative);
 * - cacheRead = cached; cacheWrite5m = cache creation (no TTL recorded); cacheWrite1h = 0;
 * - output = output_tokens (`completion_tokens`, reasoning included, as OpenAI counts it);
 * - reasoning = reasoning_tokens capped at output (informational subset).
 * A span with neither input nor output tokens reported no usage. A present value that is not
 * a non-negative integer makes the span invalid: the adapter does not invent numbers.
 */
export function spanUsage(span: SpanRow): SpanUsage {
  const values: Record<(typeof FIELDS)[number][1], number> = {
    inputTokens: 0,
    outputTokens: 0,
    cachedTokens: 0,
    cacheCreationTokens: 0,
    reasoningTokens: 0,
  };
  for (const [name, field] of FIELDS) {
    const value = count(span[field], name);
    if (typeof value === 'string') return { kind: 'invalid', reason: value };
    if (value !== null) values[field] = value;
  }
  if (span.inputTokens === null && span.outputTokens === null) return { kind: 'none' };
  const nonCached = values.inputTokens - values.cachedTokens - values.cacheCreationTokens;
  return {
    kind: 'usage',
    inconsistent: nonCached < 0,
    tokens: {
      input: Math.max(0, nonCached),
      output: values.outputTokens,
      cacheRead: values.cachedTokens,
      cacheWrite5m: values.cacheCreationTokens,
      cacheWrite1h: 0,
      reasoning: Math.min(values.reasoningTokens, values.outputTokens),
    },
  };
}
