import type { ModelPrice } from '@rimuru/core';

/** Meta key holding the fingerprint of the overrides the stored costs were computed with. */
export const PRICE_OVERRIDES_META_KEY = 'priceOverrides';

/** Exact, order-independent text of a set of overrides (bigints as decimal text). */
export function overridesFingerprint(overrides: ReadonlyMap<string, ModelPrice>): string {
  const entries = [...overrides.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, price]) => [
      key,
      Object.fromEntries(Object.entries(price).map(([k, v]) => [k, v === null ? null : String(v)])),
    ]);
  return JSON.stringify(entries);
}

const BIGINT_FIELDS = [
  'input',
  'output',
  'cacheWrite5m',
  'cacheWrite1h',
  'cacheRead',
  'inputAbove200k',
  'outputAbove200k',
  'cacheWrite5mAbove200k',
  'cacheWrite1hAbove200k',
  'cacheReadAbove200k',
] as const;

/** The overrides a fingerprint was made from (the store keeps the last ones a CLI applied). */
export function overridesFromFingerprint(text: string | null): Map<string, ModelPrice> {
  const out = new Map<string, ModelPrice>();
  if (text === null) return out;
  try {
    for (const [key, fields] of JSON.parse(text) as [string, Record<string, string | null>][]) {
      const price = {} as Record<string, bigint | number | null>;
      for (const f of BIGINT_FIELDS)
        price[f] = fields[f] === null || fields[f] === undefined ? null : BigInt(fields[f]);
      price.fastMultiplier =
        fields.fastMultiplier === null || fields.fastMultiplier === undefined ? null : Number(fields.fastMultiplier);
      out.set(key, price as unknown as ModelPrice);
    }
  } catch {
    // A damaged meta value: no overrides (the next CLI run with a config rewrites it).
  }
  return out;
}
