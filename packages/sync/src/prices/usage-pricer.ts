import {
  priceUsageRecord,
  usdToNanos,
  type DatedPriceBook,
  type ModelPrice,
  type PriceTable,
  type UsageEvent,
} from '@rimuru/core';
import type { PricedUsage, SessionStore } from '@rimuru/db';
import { applyPriceOverrides, loadPriceBook, resolvePriceOverrides } from './price-book-loader.js';

/** Prices usage events at ingest, each at the price valid at its own instant (design §3). */
export class UsagePricer {
  constructor(readonly book: DatedPriceBook) {}

  price(event: UsageEvent): PricedUsage {
    const recordedCostNanos = event.recordedCostUsd === null ? null : usdToNanos(event.recordedCostUsd);
    const { calculatedCostNanos, priced } = priceUsageRecord(this.book, {
      model: event.model,
      tokens: event.tokens,
      speed: event.speed,
      occurredAt: new Date(event.occurredAt),
      // Absent: one request, as stored (usage_records.request_count defaults to 1).
      requestCount: event.requestCount === undefined ? 1 : event.requestCount,
    });
    return { event, calculatedCostNanos, recordedCostNanos, priced };
  }
}

/**
 * The pricer of one sync: the store's dated prices (seeded with `bundled` on first use), loaded
 * once, with the user's overrides on top (`given`, else the ones the store last applied). When
 * the given overrides changed since, the stored records are repriced first, so old and new agree.
 */
export async function createUsagePricer(
  store: SessionStore,
  bundled: PriceTable,
  given?: ReadonlyMap<string, ModelPrice>,
): Promise<UsagePricer> {
  const { overrides, changed } = await resolvePriceOverrides(store, given);
  const { book } = await loadPriceBook(store, bundled, overrides);
  if (changed) await applyPriceOverrides(store, book, overrides);
  return new UsagePricer(book);
}
