/**
 * Claude Sonnet 4.5 as LiteLLM lists it, in USD per token, and the same prices as Rimuru holds
 * them (pico-dollars per token): the reference model of the pricing tests.
 */
export const SONNET_45_USD = {
  input: 3e-6,
  output: 1.5e-5,
  cacheWrite5m: 3.75e-6,
  cacheWrite1h: 6e-6,
  cacheRead: 3e-7,
  inputAbove200k: 6e-6,
  outputAbove200k: 2.25e-5,
  cacheWrite5mAbove200k: 7.5e-6,
  cacheWrite1hAbove200k: 1.2e-5,
  cacheReadAbove200k: 6e-7,
} as const;

export const SONNET_45_PICOS = {
  input: 3_000_000n,
  output: 15_000_000n,
  cacheWrite5m: 3_750_000n,
  cacheWrite1h: 6_000_000n,
  cacheRead: 300_000n,
  inputAbove200k: 6_000_000n,
  outputAbove200k: 22_500_000n,
  cacheWrite5mAbove200k: 7_500_000n,
  cacheWrite1hAbove200k: 12_000_000n,
  cacheReadAbove200k: 600_000n,
  fastMultiplier: null,
} as const;
