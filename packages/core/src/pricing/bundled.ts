import { BUNDLED_LITELLM_PRICES, BUNDLED_PRICES_SOURCE } from './bundled-prices.generated.js';
import { priceTableFromLiteLLM } from './litellm.js';
import type { PriceTable } from './price-table.js';

export { BUNDLED_LITELLM_PRICES, BUNDLED_PRICES_SOURCE };

let bundled: PriceTable | undefined;

/** The offline price snapshot shipped with core (valid from 1970-01-01), built once per process. */
export function bundledPriceTable(): PriceTable {
  bundled ??= priceTableFromLiteLLM(BUNDLED_LITELLM_PRICES, BUNDLED_PRICES_SOURCE);
  return bundled;
}
