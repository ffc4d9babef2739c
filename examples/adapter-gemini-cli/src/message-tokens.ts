import type { TokenCounts } from '@rimuru/core';

export type TokensParse = { ok: true; tokens: TokenCounts | null } | { ok: false; reason: string };

const FIELDS = ['input', 'output', 'cached', 'thoughts', 'tool', 'total'] as const;

/**
 * A Gemini message's `tokens` (gemini-cli `TokensSummary`) in Rimuru's classes:
 * - `input` is the prompt INCLUDING cached tokens: non-cached input = input − cached, plus
 *   `tool` (tool-use prompt tokens are input too);
 * - `thoughts` are apart from `output`: Rimuru's output includes reasoning, so output =
 *   output + thoughts and reasoning = thoughts;
 * - `total` is only used to tell the documented shape (input includes cached) from a writer
 *   that left cached out of input, which ccusage detects the same way.
 * All zeros (an interrupted turn) is no usage: null, not a zero request.
 */
export function parseMessageTokens(value: unknown): TokensParse {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, reason: 'tokens is not an object' };
  const raw = value as Record<string, unknown>;
  const n: Record<(typeof FIELDS)[number], number> = { input: 0, output: 0, cached: 0, thoughts: 0, tool: 0, total: 0 };
  for (const field of FIELDS) {
    const v = raw[field];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) return { ok: false, reason: `tokens.${field} is not a non-negative integer` };
    n[field] = v;
  }
  if (n.input + n.output + n.cached + n.thoughts + n.tool === 0) return { ok: true, tokens: null };
  const cachedOutsideInput = raw['total'] !== undefined && n.total === n.input + n.cached + n.output + n.thoughts + n.tool && n.cached > 0;
  const nonCached = cachedOutsideInput ? n.input : Math.max(0, n.input - n.cached);
  return {
    ok: true,
    tokens: {
      input: nonCached + n.tool,
      output: n.output + n.thoughts,
      cacheRead: n.cached,
      cacheWrite5m: 0,
      cacheWrite1h: 0,
      reasoning: n.thoughts,
    },
  };
}
