import { describe, expect, it } from 'vitest';
import { parseModelUsage, reportsReasoningApart } from './usage-tokens.js';

describe('parseModelUsage', () => {
  it('subtracts both cache reads and cache writes from inputTokens; writes count as 5-minute', () => {
    const parsed = parseModelUsage('claude-sonnet-4', {
      inputTokens: 20_200,
      outputTokens: 2_300,
      cacheReadTokens: 9_000,
      cacheWriteTokens: 1_200,
    });
    expect(parsed).toEqual({
      ok: true,
      inconsistent: false,
      tokens: { input: 10_000, output: 2_300, cacheRead: 9_000, cacheWrite5m: 1_200, cacheWrite1h: 0, reasoning: 0 },
    });
  });

  it('keeps Claude/GPT reasoning inside output and reports it as a capped subset', () => {
    const gpt = parseModelUsage('gpt-5.4', { inputTokens: 100, outputTokens: 50, reasoningTokens: 30 });
    expect(gpt.ok && gpt.tokens).toMatchObject({ output: 50, reasoning: 30 });
    const odd = parseModelUsage('claude-opus-4.7', { inputTokens: 100, outputTokens: 50, reasoningTokens: 80 });
    expect(odd.ok && odd.tokens).toMatchObject({ output: 50, reasoning: 50 });
  });

  it('adds Gemini reasoning to output, since Gemini reports it apart', () => {
    const parsed = parseModelUsage('gemini-2.5-pro', { inputTokens: 100, outputTokens: 50, reasoningTokens: 30 });
    expect(parsed.ok && parsed.tokens).toMatchObject({ input: 100, output: 80, reasoning: 30 });
    expect(reportsReasoningApart('google/gemini-3-pro')).toBe(true);
    expect(reportsReasoningApart('gpt-5-mini')).toBe(false);
  });

  it('saturates non-cached input at 0 and flags the inconsistency', () => {
    const parsed = parseModelUsage('gpt-5.4', {
      inputTokens: 10,
      outputTokens: 1,
      cacheReadTokens: 8,
      cacheWriteTokens: 5,
    });
    expect(parsed).toMatchObject({ ok: true, inconsistent: true, tokens: { input: 0, cacheRead: 8, cacheWrite5m: 5 } });
  });

  it('rejects values that are not non-negative integers instead of guessing', () => {
    for (const bad of ['12', -1, 1.5, null, Number.NaN]) {
      expect(parseModelUsage('m', { inputTokens: bad, outputTokens: 1 }).ok).toBe(false);
    }
    expect(parseModelUsage('m', { cacheReadTokens: 5 })).toMatchObject({ ok: false });
    expect(parseModelUsage('m', 'usage')).toMatchObject({ ok: false });
  });
});
