import { ZERO_TOKENS, type TokenCounts } from '@rimuru/core';

/** Goose's counters for one request or one session, as written. */
export interface GooseCounts {
  input: number;
  output: number;
  cacheRead: number;
  cacheWrite: number;
}

/**
 * Goose's `input_tokens` is the whole prompt: its providers add Anthropic's cache reads and
 * writes back into it (and OpenAI's `prompt_tokens` already include cached tokens), with
 * `total_tokens = input + output`. Non-cached input is therefore `input − cacheRead −
 * cacheWrite`; when the cache counts exceed the input (a provider that reported them apart),
 * the input is taken as already non-cached.
 */
export function gooseTokens(counts: GooseCounts): TokenCounts {
  const cached = counts.cacheRead + counts.cacheWrite;
  const input = cached <= counts.input ? counts.input - cached : counts.input;
  return { ...ZERO_TOKENS, input, output: counts.output, cacheRead: counts.cacheRead, cacheWrite5m: counts.cacheWrite };
}

/** Per class `a − b`, never below zero: what a session's counters hold beyond its ledger rows. */
export function remainder(a: TokenCounts, b: TokenCounts): TokenCounts {
  const sub = (x: number, y: number): number => Math.max(0, x - y);
  return {
    input: sub(a.input, b.input),
    output: sub(a.output, b.output),
    cacheRead: sub(a.cacheRead, b.cacheRead),
    cacheWrite5m: sub(a.cacheWrite5m, b.cacheWrite5m),
    cacheWrite1h: sub(a.cacheWrite1h, b.cacheWrite1h),
    reasoning: 0,
  };
}
