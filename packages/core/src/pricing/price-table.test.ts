import { describe, expect, it } from 'vitest';
import { createModelPrice, type ModelPrice } from './model-price.js';
import { createPriceTable, type PriceLookup } from './price-table.js';

const price = (input: number): ModelPrice => createModelPrice({ input, output: input * 5 });

function table(keys: Record<string, number>) {
  return createPriceTable(Object.fromEntries(Object.entries(keys).map(([k, v]) => [k, price(v)])), 'test');
}

const keyOf = (r: PriceLookup): string | null => r.key;

describe('PriceTable.lookup (synthetic tables)', () => {
  it('prefers the exact key over any normalisation', () => {
    const t = table({ 'claude-opus-4-6-thinking': 7e-6, 'claude-opus-4-6': 5e-6 });
    expect(t.lookup('claude-opus-4-6-thinking')).toEqual({ key: 'claude-opus-4-6-thinking', price: price(7e-6) });
    expect(keyOf(t.lookup('claude-opus-4-6-1m'))).toBe('claude-opus-4-6');
  });

  it('never matches claude-sonnet-4-5 to claude-sonnet-4', () => {
    const t = table({ 'claude-sonnet-4': 3e-6, 'claude-sonnet-4-20250514': 3e-6 });
    expect(t.lookup('claude-sonnet-4-5')).toEqual({ key: null, reason: 'unknown', candidates: [] });
    expect(t.lookup('claude-sonnet-4-5-20250929')).toMatchObject({ key: null, reason: 'unknown' });
  });

  it('maps a dated model to its undated key', () => {
    const t = table({ 'claude-sonnet-4-5': 3e-6 });
    expect(keyOf(t.lookup('claude-sonnet-4-5-20991231'))).toBe('claude-sonnet-4-5');
    expect(keyOf(t.lookup('gpt-x-2025-01-31'))).toBeNull();
  });

  it('maps an undated model to the unique dated key', () => {
    const t = table({ 'claude-sonnet-4-20250514': 3e-6, 'gpt-4o-2024-08-06': 2.5e-6 });
    expect(keyOf(t.lookup('claude-sonnet-4'))).toBe('claude-sonnet-4-20250514');
    expect(keyOf(t.lookup('gpt-4o'))).toBe('gpt-4o-2024-08-06');
  });

  it('several dated keys: the exact undated key wins, otherwise ambiguous', () => {
    const withUndated = table({ 'gpt-4o': 2.5e-6, 'gpt-4o-2024-05-13': 5e-6, 'gpt-4o-2024-08-06': 2.5e-6 });
    expect(keyOf(withUndated.lookup('gpt-4o'))).toBe('gpt-4o');
    expect(keyOf(withUndated.lookup('openai/gpt-4o'))).toBe('gpt-4o');

    const withoutUndated = table({ 'o9-2024-05-13': 5e-6, 'o9-20250806': 2.5e-6 });
    expect(withoutUndated.lookup('o9')).toEqual({
      key: null,
      reason: 'ambiguous',
      candidates: ['o9-2024-05-13', 'o9-20250806'],
    });
    // A dated model still finds its own dated key.
    expect(keyOf(withoutUndated.lookup('o9-20250806'))).toBe('o9-20250806');
  });

  it('does not cross dates: a wrong date with only other dated keys is unknown', () => {
    const t = table({ 'claude-sonnet-4-20250514': 3e-6 });
    expect(t.lookup('claude-sonnet-4-20240101')).toMatchObject({ key: null, reason: 'unknown' });
  });

  it('strips provider prefixes, Bedrock region and version, dots and routing suffixes', () => {
    const t = table({
      'claude-haiku-4-5-20251001': 1e-6,
      'claude-opus-4-5': 5e-6,
      'claude-sonnet-4-5': 3e-6,
      'gpt-5.1-codex': 1.25e-6,
    });
    expect(keyOf(t.lookup('converse/jp.anthropic.claude-haiku-4-5-20251001-v1:0'))).toBe('claude-haiku-4-5-20251001');
    expect(keyOf(t.lookup('bedrock/us.anthropic.claude-haiku-4-5-20251001-v1:0'))).toBe('claude-haiku-4-5-20251001');
    expect(keyOf(t.lookup('claude-haiku-4.5'))).toBe('claude-haiku-4-5-20251001');
    expect(keyOf(t.lookup('claude-opus-4.5'))).toBe('claude-opus-4-5');
    expect(keyOf(t.lookup('claude-4.5-sonnet'))).toBe('claude-sonnet-4-5');
    expect(keyOf(t.lookup('openrouter/anthropic/claude-sonnet-4.5'))).toBe('claude-sonnet-4-5');
    expect(keyOf(t.lookup('vertex_ai/claude-opus-4-5@20251101'))).toBe('claude-opus-4-5');
    for (const suffix of ['-1m-internal', '-internal', '-xhigh', '-high', '-1m', '-thinking']) {
      expect(keyOf(t.lookup(`claude-opus-4-5${suffix}`))).toBe('claude-opus-4-5');
    }
    expect(keyOf(t.lookup('gpt-5-1-codex-2025-11-13'))).toBe('gpt-5.1-codex');
  });

  it('matches table keys that carry prefixes themselves, preferring the bare key', () => {
    const t = table({ 'anthropic/claude-x-1': 2e-6, 'claude-x-1': 1e-6, 'bedrock/claude-x-1': 3e-6 });
    expect(keyOf(t.lookup('Claude-X-1'))).toBe('claude-x-1');
    const prefixedOnly = table({ 'openrouter/openai/gpt-9': 1e-6 });
    expect(keyOf(prefixedOnly.lookup('gpt-9'))).toBe('openrouter/openai/gpt-9');
  });

  it('knows nothing of <synthetic>, empty names or unrelated names', () => {
    const t = table({ '<synthetic>': 1e-6, 'claude-opus-4-5': 5e-6 });
    for (const name of ['<synthetic>', '', '   ', 'sonnet', 'default', 'claude-opus']) {
      expect(t.lookup(name)).toEqual({ key: null, reason: 'unknown', candidates: [] });
    }
  });

  it('is deterministic whatever the insertion order', () => {
    const a = table({ 'x-model-20250101': 1e-6, 'x-model-20250101-v1:0': 2e-6 });
    const b = table({ 'x-model-20250101-v1:0': 2e-6, 'x-model-20250101': 1e-6 });
    expect(keyOf(a.lookup('x-model-20250101-v1:0'))).toBe('x-model-20250101-v1:0');
    expect(keyOf(a.lookup('us.anthropic.x-model-20250101-v1:0'))).toBe('x-model-20250101');
    expect(keyOf(b.lookup('us.anthropic.x-model-20250101-v1:0'))).toBe('x-model-20250101');
    expect(keyOf(a.lookup('x-model'))).toBe('x-model-20250101');
    expect(keyOf(b.lookup('x-model'))).toBe('x-model-20250101');
    expect(a.keys()).toEqual(b.keys());
  });

  it('get reads exactly one key', () => {
    const t = table({ 'gpt-4o': 2.5e-6 });
    expect(t.get('gpt-4o')).toEqual(price(2.5e-6));
    expect(t.get('GPT-4O')).toBeUndefined();
  });
});
