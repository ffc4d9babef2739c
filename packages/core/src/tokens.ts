/**
 * Token classes of one request or an aggregate, in the unified convention:
 * `input` is non-cached input, `output` includes reasoning, `reasoning` is an informational
 * subset of `output`, cache writes are kept apart by TTL where the agent records it
 * (a write with no recorded TTL counts as 5-minute).
 */
export type TokenCounts = {
  input: number;
  output: number;
  cacheRead: number;
  cacheWrite5m: number;
  cacheWrite1h: number;
  reasoning: number;
};

export const ZERO_TOKENS: Readonly<TokenCounts> = Object.freeze({
  input: 0,
  output: 0,
  cacheRead: 0,
  cacheWrite5m: 0,
  cacheWrite1h: 0,
  reasoning: 0,
});

export function cacheWriteTokens(t: TokenCounts): number {
  return t.cacheWrite5m + t.cacheWrite1h;
}

/** input + output + cache read + cache write (reasoning is inside output already). */
export function totalTokens(t: TokenCounts): number {
  return t.input + t.output + t.cacheRead + cacheWriteTokens(t);
}

export function addTokens(a: TokenCounts, b: TokenCounts): TokenCounts {
  return {
    input: a.input + b.input,
    output: a.output + b.output,
    cacheRead: a.cacheRead + b.cacheRead,
    cacheWrite5m: a.cacheWrite5m + b.cacheWrite5m,
    cacheWrite1h: a.cacheWrite1h + b.cacheWrite1h,
    reasoning: a.reasoning + b.reasoning,
  };
}
