import { describe, expect, it } from 'vitest';
import { createModelPrice, picosToUsdPerTokenString, usdPerTokenToPicos } from './model-price.js';
import { SONNET_45_PICOS, SONNET_45_USD } from './__fixtures__/sonnet-45.js';

describe('usdPerTokenToPicos', () => {
  it('is exact', () => {
    expect(usdPerTokenToPicos(3e-6)).toBe(3_000_000n);
    expect(usdPerTokenToPicos(3e-7)).toBe(300_000n);
    expect(usdPerTokenToPicos(6.25e-8)).toBe(62_500n);
    expect(usdPerTokenToPicos('1.5e-05')).toBe(15_000_000n);
  });
  it('round-trips to a decimal string', () => {
    expect(picosToUsdPerTokenString(3_750_000n)).toBe('0.00000375');
    expect(picosToUsdPerTokenString(0n)).toBe('0');
  });
});

describe('createModelPrice', () => {
  it('keeps explicit prices for every class and tier', () => {
    const p = createModelPrice({ ...SONNET_45_USD, fastMultiplier: 6 });
    expect(p).toEqual({ ...SONNET_45_PICOS, fastMultiplier: 6 });
  });

  it('defaults: 5m write 1.25× input, 1h write 2× input, cache read = input, no tiers, no fast', () => {
    const p = createModelPrice({ input: 2e-6, output: 8e-6 });
    expect(p.cacheWrite5m).toBe(2_500_000n);
    expect(p.cacheWrite1h).toBe(4_000_000n);
    expect(p.cacheRead).toBe(2_000_000n);
    expect(p.inputAbove200k).toBeNull();
    expect(p.outputAbove200k).toBeNull();
    expect(p.cacheWrite5mAbove200k).toBeNull();
    expect(p.cacheWrite1hAbove200k).toBeNull();
    expect(p.cacheReadAbove200k).toBeNull();
    expect(p.fastMultiplier).toBeNull();
  });

  it('treats null like a missing price', () => {
    const p = createModelPrice({ input: 1e-6, output: 2e-6, cacheRead: null, cacheWrite5m: null });
    expect(p.cacheRead).toBe(1_000_000n);
    expect(p.cacheWrite5m).toBe(1_250_000n);
  });

  it('derives long-context cache prices from the input tier only where the base was derived', () => {
    const derived = createModelPrice({ input: 2e-6, output: 8e-6, inputAbove200k: 4e-6 });
    expect(derived.cacheWrite5mAbove200k).toBe(5_000_000n);
    expect(derived.cacheWrite1hAbove200k).toBe(8_000_000n);
    expect(derived.cacheReadAbove200k).toBe(4_000_000n);

    const explicit = createModelPrice({
      input: 2e-6,
      output: 8e-6,
      inputAbove200k: 4e-6,
      cacheWrite5m: 2.5e-6,
      cacheRead: 2e-7,
    });
    // Explicit base prices without a tier stay flat; the 1h tier is still 2× input above 200k.
    expect(explicit.cacheWrite5mAbove200k).toBeNull();
    expect(explicit.cacheReadAbove200k).toBeNull();
    expect(explicit.cacheWrite1hAbove200k).toBe(8_000_000n);
  });

  it('ignores a non-positive fast multiplier', () => {
    expect(createModelPrice({ input: 1e-6, output: 1e-6, fastMultiplier: 0 }).fastMultiplier).toBeNull();
    expect(createModelPrice({ input: 1e-6, output: 1e-6, fastMultiplier: 1.1 }).fastMultiplier).toBe(1.1);
  });
});
