import {
  createDatedPriceBook,
  priceUsageRecord,
  type DatedPriceBook,
  type DatedPriceRow,
  type ModelPrice,
  type PriceTable,
} from '@rimuru/core';
import type { RepriceResult, SessionStore } from '@rimuru/db';
import { overridesFingerprint, overridesFromFingerprint, PRICE_OVERRIDES_META_KEY } from './override-fingerprint.js';
import { upgradeStorePrices } from './price-upgrade.js';

/**
 * The store's dated prices as a book, once the store has what this version of Rimuru owes it
 * (upgradeStorePrices: the bundled snapshot seeded or brought up to date, pending reprices done).
 */
export async function loadPriceBook(
  store: SessionStore,
  bundled: PriceTable,
  overrides: ReadonlyMap<string, ModelPrice> = new Map(),
): Promise<{ book: DatedPriceBook; rows: DatedPriceRow[] }> {
  const rows = await upgradeStorePrices(store, bundled);
  return { book: createDatedPriceBook(rows, overrides), rows };
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
