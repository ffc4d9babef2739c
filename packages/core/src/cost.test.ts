import { describe, expect, it } from 'vitest';
import {
  LONG_CONTEXT_THRESHOLD,
  appliesLongContextPrices,
  computeCostBreakdownPicos,
  computeCostNanos,
  isLongContextRequest,
  isSingleRequest,
  picosToNanos,
} from './cost.js';
import { SONNET_45_USD } from './pricing/__fixtures__/sonnet-45.js';
import { createModelPrice } from './pricing/model-price.js';
import { ZERO_TOKENS, type TokenCounts } from './tokens.js';

/** Claude Sonnet 4.5 as LiteLLM lists it. */
const SONNET_45 = createModelPrice(SONNET_45_USD);
/** Claude Opus 4.6: no long-context tier, fast mode 6×. */
const OPUS_46 = createModelPrice({
  input: 5e-6,
  output: 2.5e-5,
  cacheWrite5m: 6.25e-6,
  cacheWrite1h: 1e-5,
  cacheRead: 5e-7,
  fastMultiplier: 6,
});

const tokens = (t: Partial<TokenCounts>): TokenCounts => ({ ...ZERO_TOKENS, ...t });
const standard = { speed: 'standard' } as const;

describe('computeCostNanos: base prices', () => {
  it('sums every class at its price (hand-computed, Sonnet 4.5)', () => {
    // 1000×3e-6 + 500×1.5e-5 + 20 000×3e-7 + 2000×3.75e-6 + 1000×6e-6
    // = 0.003 + 0.0075 + 0.006 + 0.0075 + 0.006 = $0.030
    const t = tokens({ input: 1000, output: 500, cacheRead: 20_000, cacheWrite5m: 2000, cacheWrite1h: 1000 });
    expect(computeCostNanos(t, SONNET_45, standard)).toBe(30_000_000n);
  });

  it('never prices reasoning on its own: it is inside output', () => {
    const t = tokens({ input: 1000, output: 500 });
    expect(computeCostNanos({ ...t, reasoning: 400 }, SONNET_45, standard)).toBe(
      computeCostNanos(t, SONNET_45, standard),
    );
  });

  it('is 0 for no tokens', () => {
    expect(computeCostNanos(ZERO_TOKENS, SONNET_45, { speed: null })).toBe(0n);
  });

  it('is exact for a billion tokens', () => {
    // 1e9 × 1.5e-5 = $15 000 (output does not make a request long-context)
    expect(computeCostNanos(tokens({ output: 1_000_000_000 }), SONNET_45, standard)).toBe(15_000_000_000_000n);
    expect(computeCostNanos(tokens({ cacheRead: 1_000_000_000 }), OPUS_46, standard)).toBe(500_000_000_000n);
  });

  it('does not carry float error: 123 457 × 3e-7 is $0.0370371 exactly', () => {
    expect(123_457 * 3e-7).not.toBe(0.0370371);
    expect(computeCostNanos(tokens({ cacheRead: 123_457 }), SONNET_45, standard)).toBe(37_037_100n);
  });

  it('uses the defaults of prices without cache prices', () => {
    const p = createModelPrice({ input: 2e-6, output: 8e-6 });
    // cacheRead at input (2e-6), 5m write 1.25× (2.5e-6), 1h write 2× (4e-6)
    const t = tokens({ cacheRead: 1000, cacheWrite5m: 1000, cacheWrite1h: 1000 });
    expect(computeCostNanos(t, p, standard)).toBe(2_000n * 1000n + 2_500n * 1000n + 4_000n * 1000n);
  });
});

describe('computeCostNanos: long context', () => {
  it('switches every class to its above-200k price once total input exceeds 200k', () => {
    // input + cacheRead = 200 001 → long: 150 000×6e-6 + 50 001×6e-7 + 1000×2.25e-5
    // = 0.9 + 0.0300006 + 0.0225 = $0.9525006
    const t = tokens({ input: 150_000, cacheRead: 50_001, output: 1000 });
    expect(isLongContextRequest(t)).toBe(true);
    expect(computeCostNanos(t, SONNET_45, standard)).toBe(952_500_600n);
  });

  it('stays at base prices at exactly 200k', () => {
    // 150 000×3e-6 + 50 000×3e-7 + 1000×1.5e-5 = 0.45 + 0.015 + 0.015 = $0.48
    const t = tokens({ input: 150_000, cacheRead: 50_000, output: 1000 });
    expect(isLongContextRequest(t)).toBe(false);
    expect(computeCostNanos(t, SONNET_45, standard)).toBe(480_000_000n);
    expect(LONG_CONTEXT_THRESHOLD).toBe(200_000);
  });

  it('counts cache writes into the threshold, and output does not', () => {
    expect(isLongContextRequest(tokens({ cacheWrite5m: 100_000, cacheWrite1h: 100_001 }))).toBe(true);
    expect(isLongContextRequest(tokens({ input: 1, output: 1_000_000 }))).toBe(false);
  });

  it('applies the tier to one request only: a sum of several (or of an unknown number) stays at base prices', () => {
    // The same 200 001 input tokens as above: long for one request …
    const t = tokens({ input: 150_000, cacheRead: 50_001, output: 1000 });
    expect(computeCostNanos(t, SONNET_45, { speed: null, requestCount: 1 })).toBe(952_500_600n);
    // … base for a sum: 150 000×3e-6 + 50 001×3e-7 + 1000×1.5e-5 = 0.45 + 0.0150003 + 0.015
    for (const requestCount of [2, 37, null]) {
      expect(computeCostNanos(t, SONNET_45, { speed: null, requestCount })).toBe(480_000_300n);
      expect(appliesLongContextPrices(t, requestCount)).toBe(false);
    }
    expect(appliesLongContextPrices(t, undefined)).toBe(true);
    expect([isSingleRequest(undefined), isSingleRequest(1), isSingleRequest(2), isSingleRequest(null)]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('keeps the fast multiplier on aggregates (a per-request rule only for thresholds)', () => {
    const t = tokens({ input: 300_000 });
    // 300 000×5e-6×6 = $9
    expect(computeCostNanos(t, OPUS_46, { speed: 'fast', requestCount: null })).toBe(9_000_000_000n);
  });

  it('prices 1-hour writes above 200k explicitly, else at 2× the input tier, else at base', () => {
    const t = tokens({ input: 200_000, cacheWrite1h: 1000 });
    // explicit: 200 000×6e-6 + 1000×1.2e-5 = 1.2 + 0.012
    expect(computeCostNanos(t, SONNET_45, standard)).toBe(1_212_000_000n);
    const noExplicit = createModelPrice({ input: 3e-6, output: 1.5e-5, cacheWrite1h: 6e-6, inputAbove200k: 5e-6 });
    // 200 000×5e-6 + 1000×(2×5e-6) = 1.0 + 0.01
    expect(computeCostNanos(t, noExplicit, standard)).toBe(1_010_000_000n);
    // No tiers at all: base prices, 200 000×5e-6 + 1000×1e-5
    expect(computeCostNanos(t, OPUS_46, standard)).toBe(1_010_000_000n);
  });
});

describe('computeCostNanos: fast mode', () => {
  const t = tokens({ input: 1000, output: 1000 }); // 0.005 + 0.025 = $0.03 at Opus 4.6

  it('multiplies only fast requests of models with a multiplier', () => {
    expect(computeCostNanos(t, OPUS_46, standard)).toBe(30_000_000n);
    expect(computeCostNanos(t, OPUS_46, { speed: null })).toBe(30_000_000n);
    expect(computeCostNanos(t, OPUS_46, { speed: 'fast' })).toBe(180_000_000n);
    expect(computeCostNanos(tokens({ input: 1000 }), SONNET_45, { speed: 'fast' })).toBe(3_000_000n);
  });

  it('applies fractional multipliers exactly', () => {
    const p = createModelPrice({ input: 5e-6, output: 2.5e-5, fastMultiplier: 1.1 });
    expect(computeCostNanos(t, p, { speed: 'fast' })).toBe(33_000_000n);
  });
});

describe('computeCostNanos: rounding', () => {
  // 5e-10 $ per token = 500 pico = half a nano-dollar per token.
  const half = createModelPrice({ input: 5e-10, output: 5e-10, cacheRead: 4.99e-10 });

  it('rounds half up to the nano', () => {
    expect(computeCostNanos(tokens({ input: 1 }), half, standard)).toBe(1n);
    expect(computeCostNanos(tokens({ input: 3 }), half, standard)).toBe(2n);
    expect(computeCostNanos(tokens({ cacheRead: 1 }), half, standard)).toBe(0n);
  });

  it('rounds once at the end, not per class', () => {
    // 500 + 500 pico = exactly 1 nano (per-class rounding would give 2)
    expect(computeCostNanos(tokens({ input: 1, output: 1 }), half, standard)).toBe(1n);
  });
});

describe('computeCostBreakdownPicos', () => {
  it('splits a request exactly by class and sums to the request cost', () => {
    const t = tokens({ input: 1000, output: 500, cacheRead: 20_000, cacheWrite5m: 2000, cacheWrite1h: 1000 });
    const parts = computeCostBreakdownPicos(t, SONNET_45, standard);
    expect(parts).toEqual({
      input: 3_000_000_000n,
      output: 7_500_000_000n,
      cacheRead: 6_000_000_000n,
      cacheWrite5m: 7_500_000_000n,
      cacheWrite1h: 6_000_000_000n,
    });
    const sum = Object.values(parts).reduce((a, b) => a + b, 0n);
    expect(picosToNanos(sum)).toBe(computeCostNanos(t, SONNET_45, standard));
  });

  it('applies the fast multiplier to every class', () => {
    const t = tokens({ input: 10, output: 10 });
    const fast = computeCostBreakdownPicos(t, OPUS_46, { speed: 'fast' });
    const slow = computeCostBreakdownPicos(t, OPUS_46, standard);
    expect(fast.input).toBe(slow.input * 6n);
    expect(fast.output).toBe(slow.output * 6n);
  });
});
