import type { TokenCounts } from '@rimuru/core';
import { isRecord } from '@rimuru/adapter-kit';

export type UsageParse = { ok: true; tokens: TokenCounts; inconsistent: boolean } | { ok: false; reason: string };

const FIELDS = ['inputTokens', 'outputTokens', 'cacheReadTokens', 'cacheWriteTokens', 'reasoningTokens'] as const;

/**
 * Gemini reports thinking tokens apart from output (`usage.reasoningTokens` is not inside
 * `outputTokens`); Claude and GPT models count them inside output already. Routed names such
 * as `google/gemini-2.5-pro` count too.
 */
export function reportsReasoningApart(model: string): boolean {
  return /(?:^|\/)gemini-/i.test(model);
}

/**
 * One `modelMetrics.<model>.usage` object in the unified convention:
 * - `inputTokens` includes both cache reads and cache writes, so non-cached input is
 *   `inputTokens − cacheReadTokens − cacheWriteTokens` (saturating at 0, flagged as
 *   inconsistent when it would go negative);
 * - cache writes carry no TTL and count as 5-minute writes;
 * - Gemini: `reasoningTokens` is added to output (Rimuru's output includes reasoning) and
 *   kept as the reasoning subset; other models: reasoning is already inside output and the
 *   informational subset is `reasoningTokens` capped at output.
 * A missing field is 0; a present one must be a non-negative safe integer, because the
 * adapter does not invent numbers.
 */
export function parseModelUsage(model: string, usage: unknown): UsageParse {
  if (!isRecord(usage)) return { ok: false, reason: 'usage is not an object' };
  const values: Record<(typeof FIELDS)[number], number> = {
    inputTokens: 0,
    outputTokens: 0,
    cacheReadTokens: 0,
    cacheWriteTokens: 0,
    reasoningTokens: 0,
  };
  for (const field of FIELDS) {
    const value = usage[field];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
      return { ok: false, reason: `usage.${field} is not a non-negative integer` };
    }
    values[field] = value;
  }
  if (usage['inputTokens'] === undefined && usage['outputTokens'] === undefined) {
    return { ok: false, reason: 'usage has neither inputTokens nor outputTokens' };
  }
  const nonCached = values.inputTokens - values.cacheReadTokens - values.cacheWriteTokens;
  const apart = reportsReasoningApart(model);
  const output = apart ? values.outputTokens + values.reasoningTokens : values.outputTokens;
  return {
    ok: true,
    inconsistent: nonCached < 0,
    tokens: {
      input: Math.max(0, nonCached),
      output,
      cacheRead: values.cacheReadTokens,
      cacheWrite5m: values.cacheWriteTokens,
      cacheWrite1h: 0,
      reasoning: apart ? values.reasoningTokens : Math.min(values.reasoningTokens, values.outputTokens),
    },
  };
}
