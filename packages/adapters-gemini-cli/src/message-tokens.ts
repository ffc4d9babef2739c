import type { TokenCounts } from '@rimuru/core';

export type TokensParse = { ok: true; tokens: TokenCounts | null } | { ok: false; reason: string };

/** gemini-cli `TokensSummary` fields, with the spellings other writers (and ccusage) accept. */
const ALIASES = {
  input: ['input', 'prompt', 'input_tokens', 'prompt_tokens'],
  output: ['output', 'candidates', 'output_tokens', 'candidates_tokens'],
  cached: ['cached', 'cached_tokens'],
  thoughts: ['thoughts', 'reasoning', 'thoughts_tokens', 'reasoning_tokens'],
  tool: ['tool', 'tool_tokens'],
  total: ['total', 'total_tokens'],
} as const;

type Field = keyof typeof ALIASES;

/**
 * A Gemini message's `tokens` in Rimuru's classes. gemini-cli copies the API's usage metadata:
 * `input` = promptTokenCount, which INCLUDES `cached` (cachedContentTokenCount); `thoughts` and
 * `tool` (toolUsePromptTokenCount) are apart; `total` = prompt + candidates + thoughts + tool.
 * - input = input − cached + tool (tool-use prompt tokens are input too);
 * - output = output + thoughts (Rimuru's output includes reasoning), reasoning = thoughts;
 * - when `total` equals the sum with cached counted apart (and not the documented sum), the
 *   writer left cached out of input, which is then kept whole (ccusage tells them apart alike);
 * - all parts zero but a total: the total is output (ccusage's fallback);
 * - all zero (an interrupted turn): no request, null.
 */
export function parseMessageTokens(value: unknown): TokensParse {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, reason: 'tokens is not an object' };
  const raw = value as Record<string, unknown>;
  const n: Record<Field, number> = { input: 0, output: 0, cached: 0, thoughts: 0, tool: 0, total: 0 };
  let hasTotal = false;
  for (const field of Object.keys(ALIASES) as Field[]) {
    const key = ALIASES[field].find((k) => raw[k] !== undefined && raw[k] !== null);
    if (key === undefined) continue;
    const v = raw[key];
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0)
      return { ok: false, reason: `tokens.${key} is not a non-negative integer` };
    n[field] = v;
    if (field === 'total') hasTotal = true;
  }
  const parts = n.input + n.output + n.cached + n.thoughts + n.tool;
  if (parts === 0) {
    if (n.total === 0) return { ok: true, tokens: null };
    return {
      ok: true,
      tokens: { input: 0, output: n.total, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, reasoning: 0 },
    };
  }
  const inclusive = n.input + n.output + n.thoughts + n.tool;
  const cachedApart = hasTotal && n.cached > 0 && n.total === inclusive + n.cached && n.total !== inclusive;
  const nonCached = cachedApart ? n.input : Math.max(0, n.input - n.cached);
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
