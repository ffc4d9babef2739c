import { parseLiteLLMPrices, planPriceSync, priceUsageRecord, type ModelPrice, type PriceTable } from '@rimuru/core';
import type { SessionStore } from '@rimuru/db';
import { affectedModels, usedModels } from './affected-models.js';
import { applyPriceOverrides, loadPriceBook, resolvePriceOverrides } from './price-book-loader.js';

export interface PriceSyncOptions {
  store: SessionStore;
  /** A parsed LiteLLM `model_prices_and_context_window.json`. */
  json: Record<string, unknown>;
  effectiveFrom: Date;
  bundled: PriceTable;
  /** The user's config prices; undefined = the ones the store last applied. */
  overrides?: ReadonlyMap<string, ModelPrice>;
  /** Row source label; 'litellm' by default. */
  source?: string;
}

export interface PriceSyncReport {
  effectiveFrom: string;
  modelsInFile: number;
  skippedEntries: number;
  added: string[];
  changed: string[];
  unchanged: number;
  recordsExamined: number;
  recordsRepriced: number;
  sessionsUpdated: number;
}

/**
 * `rimuru models sync`: writes a dated row for every new or changed price (design §3), then
 * recomputes the costs of the records those rows apply to and the roll-ups of their sessions.
 */
export async function syncModelPrices(o: PriceSyncOptions): Promise<PriceSyncReport> {
  const { overrides, changed: overridesChanged } = await resolvePriceOverrides(o.store, o.overrides);
  const { book: before, rows } = await loadPriceBook(o.store, o.bundled, overrides);
  const parsed = parseLiteLLMPrices(o.json);
  const plan = planPriceSync(rows, parsed.prices, o.effectiveFrom, o.source ?? 'litellm');
  await o.store.prices.write(plan.write, 'replace');
  const { book: after } = await loadPriceBook(o.store, o.bundled, overrides);
  const models = affectedModels(await usedModels(o.store), before, after, new Set(plan.write.map((r) => r.model)));
  // New overrides reprice everything anyway; else only the records the written rows reach.
  const result = overridesChanged
    ? await applyPriceOverrides(o.store, after, overrides)
    : await o.store.usage.reprice((r) => priceUsageRecord(after, r), models);
  return {
    effectiveFrom: o.effectiveFrom.toISOString(),
    modelsInFile: parsed.prices.size,
    skippedEntries: parsed.skipped.length,
    added: plan.added,
    changed: plan.changed,
    unchanged: plan.unchanged,
    ...result,
  };
}
