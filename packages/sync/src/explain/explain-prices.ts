import { bundledPriceTable, type ModelPrice, type PriceTable } from '@rimuru/core';

/** The price a record was (or would be) charged at, with where it came from and since when. */
type ExplainedPrice =
  | { key: string; price: ModelPrice; validFrom: Date | null; source: string }
  | { key: null; reason: 'unknown' | 'ambiguous'; candidates: string[] };

/**
 * The seam between `sessions explain` and the price store: which price applies to `model` at
 * `at`. Today the bundled snapshot (valid from 1970-01-01); when dated prices land, pass a
 * resolver over the dated price book instead — nothing else in explain changes.
 */
export type ExplainPriceResolver = (model: string, at: Date) => ExplainedPrice;

const BUNDLED_VALID_FROM = new Date('1970-01-01T00:00:00.000Z');

/** A resolver over one undated price table (default: the bundled snapshot). */
export function priceTableResolver(table: PriceTable = bundledPriceTable()): ExplainPriceResolver {
  return (model) => {
    const hit = table.lookup(model);
    if (hit.key === null) return { key: null, reason: hit.reason, candidates: hit.candidates };
    return { key: hit.key, price: hit.price, validFrom: BUNDLED_VALID_FROM, source: table.source };
  };
}
