import {
  BUNDLED_VALID_FROM,
  bundledSnapshotDate,
  createDatedPriceBook,
  planBundledUpgrade,
  priceUsageRecord,
  rowsFromPriceTable,
  type DatedPriceRow,
  type ModelPrice,
  type PriceTable,
} from '@rimuru/core';
import { REPRICE_AGGREGATES_META_KEY, type SessionStore } from '@rimuru/db';
import { affectedModels, usedModels } from './affected-models.js';
import { overridesFromFingerprint, PRICE_OVERRIDES_META_KEY } from './override-fingerprint.js';

/**
 * Meta key of the bundled snapshot the store's bundled rows follow (its label). While an
 * upgrade is under way it holds `pending <label>`, so a run killed between writing the new
 * rows and repricing their records finishes the reprice next time.
 */
export const BUNDLED_PRICES_META_KEY = 'bundledPrices';
const PENDING = 'pending ';

/**
 * Brings a store's prices to what this version of Rimuru knows, before anything prices with
 * them, and returns the store's dated rows:
 * - a store without bundled rows gets the bundled snapshot, valid from 1970-01-01 (`keep`: a
 *   concurrent seeder or an existing row is left alone);
 * - a store an older snapshot seeded follows this one (planBundledUpgrade: new models added,
 *   changed bundled prices dated from the snapshot; synced rows and overrides untouched), and
 *   the records those rows reach are repriced;
 * - records an older version priced as one request although they sum several (marked by
 *   migration 0006) are repriced once, at base prices.
 * Every step is idempotent, so two processes upgrading one store at once agree. Reprices use
 * the overrides the stored costs were computed with (a caller with other overrides reprices
 * everything afterwards anyway).
 */
export async function upgradeStorePrices(store: SessionStore, bundled: PriceTable): Promise<DatedPriceRow[]> {
  let rows = await store.prices.list();
  const snapshotDate = bundledSnapshotDate(bundled.source);
  if (!rows.some((r) => r.source === 'bundled')) {
    await store.prices.write(rowsFromPriceTable(bundled, BUNDLED_VALID_FROM, 'bundled', snapshotDate), 'keep');
    rows = await store.prices.list();
    await store.meta.set(BUNDLED_PRICES_META_KEY, bundled.source);
  } else if (snapshotDate !== null) {
    rows = await followBundledSnapshot(store, rows, bundled, snapshotDate);
  }
  await repricePendingAggregates(store, rows);
  return rows;
}

async function storeOverrides(store: SessionStore): Promise<Map<string, ModelPrice>> {
  return overridesFromFingerprint(await store.meta.get(PRICE_OVERRIDES_META_KEY));
}

/** Adds what a newer bundled snapshot changed and reprices the records it reaches (once per snapshot). */
async function followBundledSnapshot(
  store: SessionStore,
  rows: DatedPriceRow[],
  bundled: PriceTable,
  snapshotDate: Date,
): Promise<DatedPriceRow[]> {
  const state = await store.meta.get(BUNDLED_PRICES_META_KEY);
  if (state === bundled.source) return rows;
  const resuming = state === PENDING + bundled.source;
  const plan = planBundledUpgrade(rows, bundled, snapshotDate);
  if (plan.write.length === 0 && !resuming) {
    await store.meta.set(BUNDLED_PRICES_META_KEY, bundled.source);
    return rows;
  }
  await store.meta.set(BUNDLED_PRICES_META_KEY, PENDING + bundled.source);
  const overrides = await storeOverrides(store);
  const before = createDatedPriceBook(rows, overrides);
  await store.prices.write(plan.write, 'keep');
  const after = await store.prices.list();
  const book = createDatedPriceBook(after, overrides);
  // Resuming, the rows are already there: every key this snapshot wrote may have records to reprice.
  const written = new Set(
    resuming
      ? after
          .filter((r) => r.source === 'bundled' && r.sourceDate?.getTime() === snapshotDate.getTime())
          .map((r) => r.model)
      : plan.write.map((r) => r.model),
  );
  const used = await usedModels(store);
  const models = resuming
    ? used.filter((m) => {
        const hit = book.resolve(m);
        return hit.key === null || (!hit.override && written.has(hit.key));
      })
    : affectedModels(used, before, book, written);
  await store.usage.reprice((r) => priceUsageRecord(book, r), models);
  await store.meta.set(BUNDLED_PRICES_META_KEY, bundled.source);
  return after;
}

/**
 * The reprice migration 0006 asks for: every record that is not one request, with the store's
 * own prices; the roll-ups of their sessions follow.
 */
async function repricePendingAggregates(store: SessionStore, rows: readonly DatedPriceRow[]): Promise<void> {
  if ((await store.meta.get(REPRICE_AGGREGATES_META_KEY)) !== 'pending') return;
  const book = createDatedPriceBook(rows, await storeOverrides(store));
  await store.usage.reprice((r) => priceUsageRecord(book, r), undefined, { aggregatesOnly: true });
  await store.meta.set(REPRICE_AGGREGATES_META_KEY, 'done');
}
