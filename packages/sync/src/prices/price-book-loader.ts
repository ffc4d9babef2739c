import {
  BUNDLED_VALID_FROM,
  createDatedPriceBook,
  priceUsageRecord,
  rowsFromPriceTable,
  type DatedPriceBook,
  type DatedPriceRow,
  type ModelPrice,
  type PriceTable,
} from '@rimuru/core';
import type { RepriceResult, SessionStore } from '@rimuru/db';

/** Meta key holding the fingerprint of the overrides the stored costs were computed with. */
export const PRICE_OVERRIDES_META_KEY = 'priceOverrides';

/**
 * The store's dated prices as a book. A store without the bundled rows gets them first, valid
 * from 1970-01-01 (`keep`: a concurrent seeder or an existing row is left alone).
 */
export async function loadPriceBook(
  store: SessionStore,
  bundled: PriceTable,
  overrides: ReadonlyMap<string, ModelPrice> = new Map(),
): Promise<{ book: DatedPriceBook; rows: DatedPriceRow[] }> {
  let rows = await store.prices.list();
  if (!rows.some((r) => r.source === 'bundled')) {
    await store.prices.write(rowsFromPriceTable(bundled, BUNDLED_VALID_FROM, 'bundled'), 'keep');
    rows = await store.prices.list();
  }
  return { book: createDatedPriceBook(rows, overrides), rows };
}

/** Exact, order-independent text of a set of overrides (bigints as decimal text). */
export function overridesFingerprint(overrides: ReadonlyMap<string, ModelPrice>): string {
  const entries = [...overrides.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, price]) => [key, Object.fromEntries(Object.entries(price).map(([k, v]) => [k, v === null ? null : String(v)]))]);
  return JSON.stringify(entries);
}

const BIGINT_FIELDS = [
  'input', 'output', 'cacheWrite5m', 'cacheWrite1h', 'cacheRead',
  'inputAbove200k', 'outputAbove200k', 'cacheWrite5mAbove200k', 'cacheWrite1hAbove200k', 'cacheReadAbove200k',
] as const;

/** The overrides a fingerprint was made from (the store keeps the last ones a CLI applied). */
export function overridesFromFingerprint(text: string | null): Map<string, ModelPrice> {
  const out = new Map<string, ModelPrice>();
  if (text === null) return out;
  try {
    for (const [key, fields] of JSON.parse(text) as [string, Record<string, string | null>][]) {
      const price = {} as Record<string, bigint | number | null>;
      for (const f of BIGINT_FIELDS) price[f] = fields[f] === null || fields[f] === undefined ? null : BigInt(fields[f]);
      price.fastMultiplier = fields.fastMultiplier === null || fields.fastMultiplier === undefined ? null : Number(fields.fastMultiplier);
      out.set(key, price as unknown as ModelPrice);
    }
  } catch {
    // A damaged meta value: no overrides (the next CLI run with a config rewrites it).
  }
  return out;
}

/**
 * Resolves the overrides of a sync. A caller with the user's config passes them: when they
 * differ from the ones the store was priced with, every record is repriced and the store
 * remembers them. A caller without config (a watcher, the TUI) passes undefined and uses the
 * store's, so two processes never flip the costs back and forth.
 */
export async function resolvePriceOverrides(
  store: SessionStore,
  given: ReadonlyMap<string, ModelPrice> | undefined,
): Promise<{ overrides: ReadonlyMap<string, ModelPrice>; changed: boolean }> {
  const stored = await store.meta.get(PRICE_OVERRIDES_META_KEY);
  if (given === undefined) return { overrides: overridesFromFingerprint(stored), changed: false };
  const fingerprint = overridesFingerprint(given);
  return { overrides: given, changed: (stored ?? overridesFingerprint(new Map())) !== fingerprint };
}

/** Reprices every record with `book` and records `overrides` as the store's. */
export async function applyPriceOverrides(
  store: SessionStore,
  book: DatedPriceBook,
  overrides: ReadonlyMap<string, ModelPrice>,
): Promise<RepriceResult> {
  const result = await store.usage.reprice((r) => priceUsageRecord(book, r));
  await store.meta.set(PRICE_OVERRIDES_META_KEY, overridesFingerprint(overrides));
  return result;
}
