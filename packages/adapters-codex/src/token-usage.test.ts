import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { decodeUsage, encodeUsage, parseRawUsage } from './token-usage.js';

describe('parseRawUsage', () => {
  it('reads Codex TokenUsage and synthesises a missing total as input + output', () => {
    expect(
      parseRawUsage({
        input_tokens: 44345,
        cached_input_tokens: 24704,
        output_tokens: 1107,
        reasoning_output_tokens: 537,
        total_tokens: 45452,
      }),
    ).toEqual({
      ok: true,
      usage: { input: 44345, cached: 24704, output: 1107, reasoning: 537, total: 45452 },
    });
    expect(parseRawUsage({ input_tokens: 10, output_tokens: 4 })).toEqual({
      ok: true,
      usage: { input: 10, cached: 0, output: 4, reasoning: 0, total: 14 },
    });
  });

  it('rejects negative, fractional, NaN-like and non-numeric counters', () => {
    for (const bad of [-1, 1.5, '12', Number.NaN, Number.POSITIVE_INFINITY, {}]) {
      const parsed = parseRawUsage({ input_tokens: bad, output_tokens: 1 });
      expect(parsed.ok, inspect(bad)).toBe(false);
    }
    expect(parseRawUsage({ input_tokens: 1, output_tokens: 1, total_tokens: -3 }).ok).toBe(false);
    expect(parseRawUsage([1, 2]).ok).toBe(false);
    expect(parseRawUsage('usage').ok).toBe(false);
  });

  it('round-trips through the compact checkpoint form and refuses foreign values', () => {
    const usage = { input: 1, cached: 2, output: 3, reasoning: 4, total: 5 };
    expect(decodeUsage(encodeUsage(usage))).toEqual(usage);
    expect(decodeUsage([1, 2, 3])).toBeNull();
    expect(decodeUsage([1, 2, 3, 4, -5])).toBeNull();
    expect(decodeUsage({ input: 1 })).toBeNull();
  });
});
