import { describe, expect, it } from 'vitest';
import { parseUsageMetadata } from './usage-metadata.js';

describe('parseUsageMetadata', () => {
  it('takes cached out of the prompt and puts thoughts into output', () => {
    expect(
      parseUsageMetadata({
        promptTokenCount: 600,
        candidatesTokenCount: 5,
        thoughtsTokenCount: 9,
        cachedContentTokenCount: 50,
        totalTokenCount: 614,
      }),
    ).toEqual({
      ok: true,
      known: true,
      tokens: { input: 550, output: 14, cacheRead: 50, cacheWrite5m: 0, cacheWrite1h: 0, reasoning: 9 },
    });
  });

  it('adds tool-use prompt tokens to input and reads the early TokensSummary spelling', () => {
    expect(
      parseUsageMetadata({ promptTokenCount: 100, candidatesTokenCount: 1, toolUsePromptTokenCount: 7 }),
    ).toMatchObject({ tokens: { input: 107 } });
    expect(parseUsageMetadata({ input: 100, output: 3, cached: 40, total: 103 })).toMatchObject({
      tokens: { input: 60, output: 3, cacheRead: 40 },
    });
  });

  it('keeps the prompt whole when the total shows cached was counted apart', () => {
    expect(
      parseUsageMetadata({
        promptTokenCount: 100,
        candidatesTokenCount: 10,
        cachedContentTokenCount: 50,
        totalTokenCount: 160,
      }),
    ).toMatchObject({ tokens: { input: 100, cacheRead: 50 } });
  });

  it('tells no usage ({}) from a zero call, and rejects bad counts', () => {
    expect(parseUsageMetadata({})).toEqual({ ok: true, tokens: null, known: false });
    expect(parseUsageMetadata({ promptTokenCount: 0, candidatesTokenCount: 0, totalTokenCount: 0 })).toEqual({
      ok: true,
      tokens: null,
      known: true,
    });
    expect(parseUsageMetadata({ promptTokenCount: -3 })).toMatchObject({ ok: false });
    expect(parseUsageMetadata({ promptTokenCount: '3' })).toMatchObject({ ok: false });
    expect(parseUsageMetadata('x')).toMatchObject({ ok: false });
  });
});
