import { bundledPriceTable, priceOverridesFromConfig } from '@rimuru/core';
import type { SyncOptions } from '@rimuru/sync';
import { builtinAdapters } from './adapters.js';
import type { Runtime } from './runtime.js';

/** What every sync of this runtime needs (the watcher and the hooks run syncs of their own). */
export function syncOptionsOf(runtime: Runtime): SyncOptions {
  return {
    store: runtime.store,
    adapters: builtinAdapters(),
    ctx: runtime.ctx,
    host: runtime.host,
    prices: bundledPriceTable(),
    priceOverrides: priceOverridesFromConfig(runtime.config.prices),
  };
}
