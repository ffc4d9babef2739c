/** Prices: the store's dated price book (and what a new version owes it), user overrides, LiteLLM price sync and the usage pricer. */
export { UsagePricer, createUsagePricer } from './usage-pricer.js';
export { applyPriceOverrides, loadPriceBook, resolvePriceOverrides } from './price-book-loader.js';
export { PRICE_OVERRIDES_META_KEY, overridesFingerprint, overridesFromFingerprint } from './override-fingerprint.js';
export { BUNDLED_PRICES_META_KEY, upgradeStorePrices } from './price-upgrade.js';
export { syncModelPrices, type PriceSyncOptions, type PriceSyncReport } from './price-sync.js';
export { LITELLM_PRICES_URL, PRICE_FETCH_TIMEOUT_MS, readPriceSource } from './price-source.js';
