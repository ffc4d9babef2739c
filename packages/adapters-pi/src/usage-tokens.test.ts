import { describe, expect, it } from 'vitest';
import { parsePiUsage } from './usage-tokens.js';

const tokens = (input: number, output: number, cacheRead: number, cacheWrite5m: number) => ({
  input,
  output,
  cacheRead,
  cacheWrite5m,
  cacheWrite1h: 0,
  reasoning: 0,
});

describe('parsePiUsage', () => {
  it('takes Anthropic-style usage as written, with the recorded dollar cost', () => {
    expect(
      parsePiUsage({ input: 10, output: 20, cacheRead: 300, cacheWrite: 40, totalTokens: 370, cost: { total: 0.25 } }),
    ).toEqual({
      ok: true,
      tokens: tokens(10, 20, 300, 40),
      recordedCostUsd: 0.25,
    });
  });

  it('takes cached tokens out of input when the record shows input includes them (pi Google providers)', () => {
    // promptTokenCount 1000 of which 600 cached; totalTokens counts the cached tokens once.
    const parsed = parsePiUsage({ input: 1000, output: 50, cacheRead: 600, cacheWrite: 0, totalTokens: 1050 });
    expect(parsed).toEqual({ ok: true, tokens: tokens(400, 50, 600, 0), recordedCostUsd: null });
  });

  it('leaves input alone when totalTokens already equals the sum of the classes', () => {
    const parsed = parsePiUsage({ input: 400, output: 50, cacheRead: 600, totalTokens: 1050 });
    expect(parsed.ok && parsed.tokens.input).toBe(400);
  });

  it('counts a bare totalTokens as output, as ccusage does', () => {
    expect(parsePiUsage({ totalTokens: 333 })).toEqual({
      ok: true,
      tokens: tokens(0, 333, 0, 0),
      recordedCostUsd: null,
    });
  });

  it('treats missing classes as zero (older records omit cacheRead/cacheWrite)', () => {
    expect(parsePiUsage({ input: 100, output: 50, totalTokens: 150, cost: { total: 0.01 } })).toEqual({
      ok: true,
      tokens: tokens(100, 50, 0, 0),
      recordedCostUsd: 0.01,
    });
  });

  it('reads a zero cost of a non-empty call as unknown (pi writes 0 for models it has no price for)', () => {
    const parsed = parsePiUsage({ input: 12, output: 7, cost: { total: 0 } });
    expect(parsed.ok && parsed.recordedCostUsd).toBeNull();
  });

  it('rejects counts that are not non-negative integers', () => {
    expect(parsePiUsage({ input: -1 }).ok).toBe(false);
    expect(parsePiUsage({ input: '12' }).ok).toBe(false);
    expect(parsePiUsage({ output: 1.5 }).ok).toBe(false);
    expect(parsePiUsage([1, 2]).ok).toBe(false);
  });
});
