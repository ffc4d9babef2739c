import { BUNDLED_VALID_FROM, rowValidAt, type DatedPriceRow } from './dated-price-book.js';
import { samePrice } from './price-sync-plan.js';
import type { PriceTable } from './price-table.js';

/** The date a bundled snapshot was taken, from its label ('litellm snapshot 2026-07-24'); null without one. */
export function bundledSnapshotDate(label: string): Date | null {
  const match = /(\d{4})-(\d{2})-(\d{2})/.exec(label);
  if (match === null) return null;
  const day = `${match[1]}-${match[2]}-${match[3]}`;
  const date = new Date(`${day}T00:00:00.000Z`);
  // Date rolls Feb 30 over to March: a day that does not come back as itself is no date.
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day ? null : date;
}

export interface BundledUpgradePlan {
  /** Rows to add, never to replace (`keep`): a row already at the same start stays. */
  write: DatedPriceRow[];
  /** Keys new to the store, priced from 1970-01-01 like the first snapshot. */
  added: string[];
  /** Keys whose bundled price changed, with a new row from the snapshot's date. */
  changed: string[];
}

const EMPTY: BundledUpgradePlan = { write: [], added: [], changed: [] };

/**
 * What a newer bundled snapshot adds to a store that an older one seeded: a model the store has
 * no row of gets the snapshot's price from 1970-01-01 (as a first seed would have); a model
 * whose price in force at the snapshot's date is a bundled one, and differs, gets a new bundled
 * row from that date. A synced row in force then wins (the user chose it), rows are only ever
 * added, and user overrides live in the config, out of reach. A snapshot no newer than the
 * store's newest bundled row (an older Rimuru opening a store a newer one upgraded) adds nothing.
 */
export function planBundledUpgrade(
  existing: readonly DatedPriceRow[],
  snapshot: PriceTable,
  snapshotDate: Date,
): BundledUpgradePlan {
  const byKey = new Map<string, DatedPriceRow[]>();
  let newestBundled = Number.NEGATIVE_INFINITY;
  for (const row of existing) {
    const list = byKey.get(row.model) ?? [];
    list.push(row);
    byKey.set(row.model, list);
    if (row.source === 'bundled') newestBundled = Math.max(newestBundled, (row.sourceDate ?? row.validFrom).getTime());
  }
  if (snapshotDate.getTime() <= newestBundled) return EMPTY;
  const plan: BundledUpgradePlan = { write: [], added: [], changed: [] };
  for (const key of snapshot.keys()) {
    const price = snapshot.get(key)!;
    const rows = byKey.get(key);
    if (rows === undefined) {
      plan.added.push(key);
      plan.write.push({
        model: key,
        validFrom: BUNDLED_VALID_FROM,
        price,
        source: 'bundled',
        sourceDate: snapshotDate,
      });
      continue;
    }
    const inForce = rowValidAt(
      [...rows].sort((a, b) => a.validFrom.getTime() - b.validFrom.getTime()),
      snapshotDate,
    );
    if (inForce.source !== 'bundled' || samePrice(inForce.price, price)) continue;
    plan.changed.push(key);
    plan.write.push({ model: key, validFrom: snapshotDate, price, source: 'bundled', sourceDate: snapshotDate });
  }
  return plan;
}

/** Where a price came from and since when, as `models list|show` say it. */
export function priceOriginLabel(source: string, sourceDate: Date | null | undefined): string {
  if (source === 'user') return 'your override';
  const day = sourceDate === null || sourceDate === undefined ? '' : ` ${sourceDate.toISOString().slice(0, 10)}`;
  if (source === 'bundled') return `bundled${day}`;
  if (source === 'litellm') return `LiteLLM sync${day}`;
  return `${source}${day}`;
}
