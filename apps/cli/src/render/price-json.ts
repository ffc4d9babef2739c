import { scaledBigIntToDecimalString, type ModelPrice } from '@rimuru/core';

/** Pico-dollars per token → USD per million tokens, exact (a shift of six decimals). */
export function usdPerMTok(picos: bigint | null): string {
  return picos === null ? '—' : scaledBigIntToDecimalString(picos, 6);
}

const num = (picos: bigint | null) => (picos === null ? null : Number(scaledBigIntToDecimalString(picos, 6)));

/** A price as JSON, in USD per million tokens (the unit of the config's overrides). */
export interface PriceJson {
  inputUsdPerMTok: number;
  outputUsdPerMTok: number;
  cacheReadUsdPerMTok: number;
  cacheWriteUsdPerMTok: number;
  cacheWrite1hUsdPerMTok: number;
  inputAbove200kUsdPerMTok: number | null;
  outputAbove200kUsdPerMTok: number | null;
  fastMultiplier: number | null;
}

export function priceJson(p: ModelPrice): PriceJson {
  return {
    inputUsdPerMTok: num(p.input)!,
    outputUsdPerMTok: num(p.output)!,
    cacheReadUsdPerMTok: num(p.cacheRead)!,
    cacheWriteUsdPerMTok: num(p.cacheWrite5m)!,
    cacheWrite1hUsdPerMTok: num(p.cacheWrite1h)!,
    inputAbove200kUsdPerMTok: num(p.inputAbove200k),
    outputAbove200kUsdPerMTok: num(p.outputAbove200k),
    fastMultiplier: p.fastMultiplier,
  };
}
