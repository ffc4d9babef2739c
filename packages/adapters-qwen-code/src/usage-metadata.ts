import type { TokenCounts } from '@rimuru/core';

export type UsageParse = { ok: true; tokens: TokenCounts | null; known: boolean } | { ok: false; reason: string };

/**
 * Field spellings: current Qwen Code stores the API's `GenerateContentResponseUsageMetadata`
 * (camelCase `…TokenCount`); early 0.x builds stored gemini-cli's `TokensSummary`
 * (`input`, `output`, `cached`, `thoughts`, `tool`, `total`) under the same key.
 */
const ALIASES = {
  prompt: ['promptTokenCount', 'input'],
  candidates: ['candidatesTokenCount', 'output'],
  cached: ['cachedContentTokenCount', 'cached'],
  thoughts: ['thoughtsTokenCount', 'thoughts'],
  tool: ['toolUsePromptTokenCount', 'tool'],
  total: ['totalTokenCount', 'total'],
} as const;

type Field = keyof typeof ALIASES;

/**
 * An assistant record's `usageMetadata` (one API call) in Rimuru's classes. promptTokenCount
 * INCLUDES cachedContentTokenCount (Gemini's rule, which Qwen Code's OpenAI-compatible
 * converter keeps: prompt_tokens includes prompt_tokens_details.cached_tokens), so
 * input = prompt − cached + toolUsePrompt, cacheRead = cached, output = candidates + thoughts,
 * reasoning = thoughts. A total equal to the parts with cached counted apart means cached was
 * not inside prompt (input kept whole). Parts all zero with a total: the total is output.
 * `known` is false for an empty object (the provider reported no usage).
 */
export function parseUsageMetadata(value: unknown): UsageParse {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, reason: 'usageMetadata is not an object' };
  const raw = value as Record<string, unknown>;
  const n: Record<Field, number> = { prompt: 0, candidates: 0, cached: 0, thoughts: 0, tool: 0, total: 0 };
  let fields = 0;
  let hasTotal = false;
  for (const field of Object.keys(ALIASES) as Field[]) {
    const key = ALIASES[field].find((k) => raw[k] !== undefined && raw[k] !== null);
    if (key === undefined) continue;
    const v = raw[key];
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0)
      return { ok: false, reason: `usageMetadata.${key} is not a non-negative integer` };
    n[field] = v;
    fields += 1;
    if (field === 'total') hasTotal = true;
  }
  if (fields === 0) return { ok: true, tokens: null, known: false };
  const parts = n.prompt + n.candidates + n.cached + n.thoughts + n.tool;
  if (parts === 0) {
    if (n.total === 0) return { ok: true, tokens: null, known: true };
    return {
      ok: true,
      tokens: { input: 0, output: n.total, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, reasoning: 0 },
      known: true,
    };
  }
  const inclusive = n.prompt + n.candidates + n.thoughts + n.tool;
  const cachedApart = hasTotal && n.cached > 0 && n.total === inclusive + n.cached && n.total !== inclusive;
  const nonCached = cachedApart ? n.prompt : Math.max(0, n.prompt - n.cached);
  return {
    ok: true,
    known: true,
    tokens: {
      input: nonCached + n.tool,
      output: n.candidates + n.thoughts,
      cacheRead: n.cached,
      cacheWrite5m: 0,
      cacheWrite1h: 0,
      reasoning: n.thoughts,
    },
  };
}
