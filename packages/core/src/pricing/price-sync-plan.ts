import type { DatedPriceRow } from './dated-price-book.js';
import type { ModelPrice } from './model-price.js';

/** Exact equality of two prices (every class, tier and the fast multiplier). */
export function samePrice(a: ModelPrice, b: ModelPrice): boolean {
  return (Object.keys(a) as (keyof ModelPrice)[]).every((k) => a[k] === b[k]);
}

export interface PriceSyncPlan {
  /** Rows to upsert at the effective date: new models and changed prices. */
  write: DatedPriceRow[];
  /** Keys whose price at the effective date was already the synced one. */
  unchanged: number;
  /** Keys new to the store. */
  added: string[];
  /** Keys whose price changed. */
  changed: string[];
}

/**
 * What a price sync writes (design §3): a row valid from `effectiveFrom` only for a key whose
 * price valid then differs from the synced one (or that has none). Keys absent from the file
 * are not touched, so they keep their prices. A row already at exactly `effectiveFrom` is
 * replaced: the later sync wins.
 */
export function planPriceSync(
  existing: readonly DatedPriceRow[],
  incoming: ReadonlyMap<string, ModelPrice>,
  effectiveFrom: Date,
  source: string,
): PriceSyncPlan {
  const byKey = new Map<string, DatedPriceRow[]>();
  for (const row of existing) byKey.set(row.model, [...(byKey.get(row.model) ?? []), row]);
  const t = effectiveFrom.getTime();
  const plan: PriceSyncPlan = { write: [], unchanged: 0, added: [], changed: [] };
  for (const key of [...incoming.keys()].sort()) {
    const price = incoming.get(key)!;
    const rows = (byKey.get(key) ?? []).filter((r) => r.validFrom.getTime() <= t);
    const current = rows.sort((a, b) => a.validFrom.getTime() - b.validFrom.getTime()).at(-1);
    if (current !== undefined && samePrice(current.price, price)) {
      plan.unchanged += 1;
      continue;
    }
    (byKey.has(key) ? plan.changed : plan.added).push(key);
    plan.write.push({ model: key, validFrom: effectiveFrom, price, source });
  }
  return plan;
}
