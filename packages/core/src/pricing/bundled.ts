import { BUNDLED_LITELLM_PRICES, BUNDLED_PRICES_SOURCE } from './bundled-prices.generated.js';
import { modelPriceFromLiteLLMEntry, type LiteLLMEntry } from './litellm.js';
import type { ModelPrice } from './model-price.js';
import { createPriceTable, type PriceTable } from './price-table.js';

export { BUNDLED_LITELLM_PRICES, BUNDLED_PRICES_SOURCE };

let bundled: PriceTable | undefined;

/**
 * The offline price snapshot shipped with core (valid from 1970-01-01), built once per process.
 * Its entries are read without the LiteLLM schema: the generator keeps only priced-per-token
 * entries and bundled.test.ts checks that every one passes the schema and gives the same
 * prices as parseLiteLLMPrices, so validating them again would only load zod on every sync.
 */
export function bundledPriceTable(): PriceTable {
  if (bundled === undefined) {
    const prices = new Map<string, ModelPrice>();
    for (const key of Object.keys(BUNDLED_LITELLM_PRICES).sort()) {
      prices.set(key, modelPriceFromLiteLLMEntry(BUNDLED_LITELLM_PRICES[key] as LiteLLMEntry));
    }
    bundled = createPriceTable(prices, BUNDLED_PRICES_SOURCE);
  }
  return bundled;
}
