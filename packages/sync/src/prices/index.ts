/** Prices: the store's dated price book (with what a new version owes it, and the user's overrides) and LiteLLM price sync. */
export { loadPriceBook } from './price-book-loader.js';
export { syncModelPrices } from './price-sync.js';
export { LITELLM_PRICES_URL, readPriceSource } from './price-source.js';
