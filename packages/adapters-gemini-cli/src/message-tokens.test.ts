import { describe, expect, it } from 'vitest';
import { parseMessageTokens } from './message-tokens.js';

describe('parseMessageTokens', () => {
  it('takes cached out of input, adds tool to input and thoughts to output', () => {
    expect(
      parseMessageTokens({ input: 12_069, output: 147, cached: 11_502, thoughts: 30, tool: 5, total: 12_251 }),
    ).toEqual({
      ok: true,
      tokens: { input: 567 + 5, output: 177, cacheRead: 11_502, cacheWrite5m: 0, cacheWrite1h: 0, reasoning: 30 },
    });
  });

  it('keeps input whole when the total shows cached was counted apart', () => {
    expect(parseMessageTokens({ input: 100, output: 10, cached: 50, thoughts: 0, tool: 0, total: 160 })).toMatchObject({
      tokens: { input: 100, cacheRead: 50, output: 10 },
    });
  });

  it('subtracts cached when there is no total (the documented meaning of input)', () => {
    expect(parseMessageTokens({ input: 100, output: 10, cached: 40 })).toMatchObject({
      tokens: { input: 60, cacheRead: 40 },
    });
  });

  it('accepts the snake_case spellings', () => {
    expect(parseMessageTokens({ prompt_tokens: 10, candidates_tokens: 2, cached_tokens: 4 })).toMatchObject({
      tokens: { input: 6, output: 2, cacheRead: 4 },
    });
  });

  it('treats all zeros as no request and a bare total as output', () => {
    expect(parseMessageTokens({ input: 0, output: 0, cached: 0, thoughts: 0, tool: 0, total: 0 })).toEqual({
      ok: true,
      tokens: null,
    });
    expect(parseMessageTokens({ total: 654 })).toMatchObject({ tokens: { input: 0, output: 654, reasoning: 0 } });
  });

  it('rejects negative, fractional and non-numeric counts', () => {
    expect(parseMessageTokens({ input: -1, output: 2 })).toMatchObject({ ok: false });
    expect(parseMessageTokens({ input: 1.5 })).toMatchObject({ ok: false });
    expect(parseMessageTokens({ output: '12' })).toMatchObject({ ok: false });
    expect(parseMessageTokens([1])).toMatchObject({ ok: false });
  });
});
