import { describe, expect, it } from 'vitest';
import { parseMessageTokens } from './message-tokens.js';

describe('parseMessageTokens', () => {
  it('splits cached out of input, adds tool prompt to input and thoughts to output', () => {
    expect(parseMessageTokens({ input: 12_069, output: 147, cached: 11_502, thoughts: 30, tool: 5, total: 12_251 })).toEqual({
      ok: true,
      tokens: { input: 567 + 5, output: 177, cacheRead: 11_502, cacheWrite5m: 0, cacheWrite1h: 0, reasoning: 30 },
    });
  });

  it('keeps input whole when the total shows cached was left out of it', () => {
    expect(parseMessageTokens({ input: 100, output: 10, cached: 50, thoughts: 0, tool: 0, total: 160 })).toMatchObject({
      tokens: { input: 100, cacheRead: 50, output: 10 },
    });
  });

  it('treats an all-zero summary as no usage, and rejects negative or fractional counts', () => {
    expect(parseMessageTokens({ input: 0, output: 0, cached: 0, thoughts: 0, tool: 0, total: 0 })).toEqual({ ok: true, tokens: null });
    expect(parseMessageTokens({ input: -1, output: 2 })).toMatchObject({ ok: false });
    expect(parseMessageTokens({ input: 1.5 })).toMatchObject({ ok: false });
    expect(parseMessageTokens('12')).toMatchObject({ ok: false });
  });
});
