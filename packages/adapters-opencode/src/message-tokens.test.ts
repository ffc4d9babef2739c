import { describe, expect, it } from 'vitest';
import { outputIncludesReasoning, rawTokensOf, unifiedTokens } from './message-tokens.js';

describe('OpenCode token convention', () => {
  it('adds reasoning to output when the total says it is additive (current OpenCode)', () => {
    const raw = rawTokensOf({
      total: 1000 + 50 + 200 + 30 + 10,
      input: 1000,
      output: 50,
      reasoning: 200,
      cache: { read: 30, write: 10 },
    });
    expect(raw).not.toBeNull();
    expect(unifiedTokens(raw!)).toEqual({
      input: 1000,
      output: 250,
      reasoning: 200,
      cacheRead: 30,
      cacheWrite5m: 10,
      cacheWrite1h: 0,
    });
  });

  it('keeps output as is when the total says reasoning is inside it (older OpenCode)', () => {
    const raw = rawTokensOf({
      total: 1000 + 250 + 30,
      input: 1000,
      output: 250,
      reasoning: 200,
      cache: { read: 30, write: 0 },
    })!;
    expect(outputIncludesReasoning(raw)).toBe(true);
    expect(unifiedTokens(raw).output).toBe(250);
    expect(unifiedTokens(raw).reasoning).toBe(200);
  });

  it('treats reasoning as additive without a total, and always when it exceeds output', () => {
    expect(unifiedTokens(rawTokensOf({ input: 1, output: 10, reasoning: 5 })!).output).toBe(15);
    expect(unifiedTokens(rawTokensOf({ total: 11, input: 1, output: 0, reasoning: 10 })!).output).toBe(10);
  });

  it('reads missing, negative and non-numeric counts as zero', () => {
    expect(rawTokensOf({ input: -3, output: '7', cache: null })).toEqual({
      input: 0,
      output: 0,
      reasoning: 0,
      cacheRead: 0,
      cacheWrite: 0,
      total: null,
    });
    expect(rawTokensOf('nope')).toBeNull();
  });
});
