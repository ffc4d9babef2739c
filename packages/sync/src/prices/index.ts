/** Prices: the store's dated price book, user overrides, LiteLLM price sync and the usage pricer. */
export { UsagePricer, createUsagePricer } from './usage-pricer.js';
export {
  PRICE_OVERRIDES_META_KEY,
  applyPriceOverrides,
  loadPriceBook,
  overridesFingerprint,
  overridesFromFingerprint,
  resolvePriceOverrides,
} from './price-book-loader.js';
export { syncModelPrices, type PriceSyncOptions, type PriceSyncReport } from './price-sync.js';
export { LITELLM_PRICES_URL, PRICE_FETCH_TIMEOUT_MS, readPriceSource } from './price-source.js';
