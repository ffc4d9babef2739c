import { decimalToScaledBigInt, scaledBigIntToDecimalString } from '../decimal.js';
import { createModelPrice, PICO_SCALE, type ModelPrice } from './model-price.js';

/**
 * A user price from the config file, in USD per MILLION tokens, the unit providers quote
 * ("$3 / MTok"). Omitted classes get the design's defaults (cache read = input, 5-minute
 * cache write = 1.25× input, 1-hour cache write = 2× input). No long-context tier: a
 * negotiated rate is flat.
 */
export interface PriceOverrideInput {
  input: number | string;
  output: number | string;
  cacheRead?: number | string | null;
  cacheWrite?: number | string | null;
  cacheWrite1h?: number | string | null;
}

/** USD per million tokens → exact USD per token text (1e-6 is a shift of six decimals). */
function perMillionToPerToken(value: number | string): string {
  // picos per token = USD per MTok × 1e12 / 1e6 = USD per MTok scaled by 1e6: exact.
  return scaledBigIntToDecimalString(decimalToScaledBigInt(value, PICO_SCALE - 6), PICO_SCALE);
}

const opt = (v: number | string | null | undefined) => (v === undefined || v === null ? null : perMillionToPerToken(v));

export function modelPriceFromOverride(src: PriceOverrideInput): ModelPrice {
  return createModelPrice({
    input: perMillionToPerToken(src.input),
    output: perMillionToPerToken(src.output),
    cacheRead: opt(src.cacheRead),
    cacheWrite5m: opt(src.cacheWrite),
    cacheWrite1h: opt(src.cacheWrite1h),
  });
}

/** Every override of a config's `prices` object, by model name as the user wrote it. */
export function priceOverridesFromConfig(
  prices: Readonly<Record<string, PriceOverrideInput>> | undefined,
): Map<string, ModelPrice> {
  const out = new Map<string, ModelPrice>();
  for (const [model, input] of Object.entries(prices ?? {})) out.set(model, modelPriceFromOverride(input));
  return out;
}
