import { describe, expect, it } from 'vitest';
import { parseLiteLLMPrices, priceTableFromLiteLLM } from './litellm.js';
import { SONNET_45_PICOS } from './__fixtures__/sonnet-45.js';

const SONNET_45 = {
  cache_creation_input_token_cost: 3.75e-6,
  cache_creation_input_token_cost_above_1hr: 6e-6,
  cache_creation_input_token_cost_above_1hr_above_200k_tokens: 1.2e-5,
  cache_creation_input_token_cost_above_200k_tokens: 7.5e-6,
  cache_read_input_token_cost: 3e-7,
  cache_read_input_token_cost_above_200k_tokens: 6e-7,
  input_cost_per_token: 3e-6,
  input_cost_per_token_above_200k_tokens: 6e-6,
  litellm_provider: 'anthropic',
  max_input_tokens: 200000,
  mode: 'chat',
  output_cost_per_token: 1.5e-5,
  output_cost_per_token_above_200k_tokens: 2.25e-5,
  supports_vision: true,
};

describe('parseLiteLLMPrices', () => {
  it('maps every LiteLLM cost field to exact pico prices', () => {
    const { prices, skipped } = parseLiteLLMPrices({ 'claude-sonnet-4-5': SONNET_45 });
    expect(skipped).toEqual([]);
    expect(prices.get('claude-sonnet-4-5')).toEqual(SONNET_45_PICOS);
  });

  it('reads the fast multiplier from provider_specific_entry', () => {
    const { prices } = parseLiteLLMPrices({
      'claude-opus-4-6': {
        input_cost_per_token: 5e-6,
        output_cost_per_token: 2.5e-5,
        provider_specific_entry: { fast: 6, us: 1.1 },
      },
    });
    expect(prices.get('claude-opus-4-6')?.fastMultiplier).toBe(6);
  });

  it('skips sample_spec, entries not priced per token and malformed ones, and says why', () => {
    const { prices, skipped } = parseLiteLLMPrices({
      sample_spec: { input_cost_per_token: 0, output_cost_per_token: 0 },
      'gpt-image-1': { input_cost_per_image: 0.01, mode: 'image_generation' },
      'only-input': { input_cost_per_token: 1e-6 },
      'string-price': { input_cost_per_token: '1e-6', output_cost_per_token: 2e-6 },
      'negative-price': { input_cost_per_token: -1, output_cost_per_token: 2e-6 },
      'bad-cache': { input_cost_per_token: 1e-6, output_cost_per_token: 2e-6, cache_read_input_token_cost: 'x' },
      'not-an-object': 42,
      'a-good-one': { input_cost_per_token: 1e-6, output_cost_per_token: 2e-6, cache_read_input_token_cost: null },
    });
    expect([...prices.keys()]).toEqual(['a-good-one']);
    expect(prices.get('a-good-one')?.cacheRead).toBe(1_000_000n);
    expect(Object.fromEntries(skipped.map((s) => [s.key, s.reason]))).toEqual({
      sample_spec: 'sample-spec',
      'gpt-image-1': 'no-token-price',
      'only-input': 'no-token-price',
      'string-price': 'invalid',
      'negative-price': 'invalid',
      'bad-cache': 'invalid',
      'not-an-object': 'no-token-price',
    });
    expect(skipped.find((s) => s.key === 'bad-cache')?.message).toContain('cache_read_input_token_cost');
  });
});

describe('priceTableFromLiteLLM', () => {
  it('builds a looked-up table with its source', () => {
    const table = priceTableFromLiteLLM({ 'claude-sonnet-4-5': SONNET_45, sample_spec: {} }, 'test file');
    expect(table.source).toBe('test file');
    expect(table.size).toBe(1);
    expect(table.keys()).toEqual(['claude-sonnet-4-5']);
    expect(table.lookup('anthropic/claude-sonnet-4.5')).toMatchObject({ key: 'claude-sonnet-4-5' });
  });
});
