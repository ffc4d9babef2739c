import { decimalToScaledBigInt, scaledBigIntToDecimalString } from '../decimal.js';

/** Prices are held exactly as integer pico-dollars (1e-12 $) per token. */
export const PICO_SCALE = 12;

/**
 * Per-token prices of one model, in pico-dollars, with every default already applied
 * (design §3): a missing 5-minute cache-write price is 1.25× input, a missing 1-hour one
 * 2× input, a missing cache-read price equals input. The `*Above200k` prices apply to every
 * class of a request whose total input exceeds 200k tokens; null = no long-context tier for
 * that class (its base price applies).
 */
export interface ModelPrice {
  input: bigint;
  output: bigint;
  cacheWrite5m: bigint;
  cacheWrite1h: bigint;
  cacheRead: bigint;
  inputAbove200k: bigint | null;
  outputAbove200k: bigint | null;
  cacheWrite5mAbove200k: bigint | null;
  cacheWrite1hAbove200k: bigint | null;
  cacheReadAbove200k: bigint | null;
  /** Multiplier for requests made in fast mode (LiteLLM provider_specific_entry.fast); null = none. */
  fastMultiplier: number | null;
}

/** USD-per-token prices as a provider lists them; omitted (or null) classes get the defaults. */
export interface ModelPriceInput {
  input: number | string;
  output: number | string;
  cacheWrite5m?: number | string | null;
  cacheWrite1h?: number | string | null;
  cacheRead?: number | string | null;
  inputAbove200k?: number | string | null;
  outputAbove200k?: number | string | null;
  cacheWrite5mAbove200k?: number | string | null;
  cacheWrite1hAbove200k?: number | string | null;
  cacheReadAbove200k?: number | string | null;
  fastMultiplier?: number | null;
}

export function usdPerTokenToPicos(usd: number | string): bigint {
  return decimalToScaledBigInt(usd, PICO_SCALE);
}

/** Exact decimal text of a pico price in USD per token ("0.000003"), e.g. for a DECIMAL column. */
export function picosToUsdPerTokenString(picos: bigint): string {
  return scaledBigIntToDecimalString(picos, PICO_SCALE);
}

const present = (v: number | string | null | undefined): v is number | string => v !== undefined && v !== null;
const picosOrNull = (v: number | string | null | undefined): bigint | null =>
  present(v) ? usdPerTokenToPicos(v) : null;

/** 1.25× a pico price, rounded half up (prices are non-negative). */
const times125 = (p: bigint): bigint => (p * 5n + 2n) / 4n;

/** Builds a ModelPrice, applying the design's defaults for missing classes and tiers. */
export function createModelPrice(src: ModelPriceInput): ModelPrice {
  const input = usdPerTokenToPicos(src.input);
  const inputAbove200k = picosOrNull(src.inputAbove200k);
  const hasCacheWrite5m = present(src.cacheWrite5m);
  const hasCacheRead = present(src.cacheRead);
  const fast = src.fastMultiplier;
  return {
    input,
    output: usdPerTokenToPicos(src.output),
    cacheWrite5m: present(src.cacheWrite5m) ? usdPerTokenToPicos(src.cacheWrite5m) : times125(input),
    cacheWrite1h: present(src.cacheWrite1h) ? usdPerTokenToPicos(src.cacheWrite1h) : 2n * input,
    cacheRead: present(src.cacheRead) ? usdPerTokenToPicos(src.cacheRead) : input,
    inputAbove200k,
    outputAbove200k: picosOrNull(src.outputAbove200k),
    // A derived base price follows the input tier; an explicit one without a tier stays flat.
    cacheWrite5mAbove200k: present(src.cacheWrite5mAbove200k)
      ? usdPerTokenToPicos(src.cacheWrite5mAbove200k)
      : !hasCacheWrite5m && inputAbove200k !== null
        ? times125(inputAbove200k)
        : null,
    cacheWrite1hAbove200k: present(src.cacheWrite1hAbove200k)
      ? usdPerTokenToPicos(src.cacheWrite1hAbove200k)
      : inputAbove200k !== null
        ? 2n * inputAbove200k
        : null,
    cacheReadAbove200k: present(src.cacheReadAbove200k)
      ? usdPerTokenToPicos(src.cacheReadAbove200k)
      : !hasCacheRead
        ? inputAbove200k
        : null,
    fastMultiplier: typeof fast === 'number' && Number.isFinite(fast) && fast > 0 ? fast : null,
  };
}
