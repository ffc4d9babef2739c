import { computeCostNanos, usdToNanos, type PriceTable, type UsageEvent } from '@rimuru/core';
import type { PricedUsage } from '@rimuru/db';

/** Prices usage events at ingest; lookups are memoised per model name for the run. */
export class UsagePricer {
  private readonly cache = new Map<string, ReturnType<PriceTable['lookup']>>();

  constructor(private readonly prices: PriceTable) {}

  price(event: UsageEvent): PricedUsage {
    const recordedCostNanos = event.recordedCostUsd === null ? null : usdToNanos(event.recordedCostUsd);
    const match = event.model === null ? null : this.lookup(event.model);
    if (!match || match.key === null) {
      return { event, calculatedCostNanos: 0n, recordedCostNanos, priced: false };
    }
    const calculatedCostNanos = computeCostNanos(event.tokens, match.price, { speed: event.speed });
    return { event, calculatedCostNanos, recordedCostNanos, priced: true };
  }

  private lookup(model: string): ReturnType<PriceTable['lookup']> {
    let hit = this.cache.get(model);
    if (!hit) {
      hit = this.prices.lookup(model);
      this.cache.set(model, hit);
    }
    return hit;
  }
}
