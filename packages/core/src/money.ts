import { decimalToScaledBigInt, divRoundHalfAwayFromZero } from './decimal.js';

/**
 * Money is integer nano-dollars (1e-9 $) held as bigint: exact sums over millions of requests,
 * never floats (design §2). Dollars as numbers appear only at the edge, rounded to 6 decimals.
 */
export const NANOS_PER_USD = 1_000_000_000n;

/** Exact dollars → nano-dollars via the decimal text, rounding half away from zero at the nano. */
export function usdToNanos(usd: number | string): bigint {
  return decimalToScaledBigInt(usd, 9);
}

/** Nano-dollars → dollars rounded to 6 decimals (the store's DECIMAL(14,6) and the JSON output). */
export function nanosToUsd(nanos: bigint): number {
  const micros = divRoundHalfAwayFromZero(nanos, 1000n);
  // One correctly rounded division: the nearest double to the 6-decimal value.
  return Number(micros) / 1e6;
}

export function sumNanos(values: Iterable<bigint>): bigint {
  let total = 0n;
  for (const v of values) total += v;
  return total;
}

/** Nano-dollars as a 6-decimal dollar string, rounded half away from zero (exact). */
export function nanosToUsd6(nanos: bigint): string {
  const negative = nanos < 0n;
  const abs = negative ? -nanos : nanos;
  const micros = (abs + 500n) / 1000n;
  const whole = micros / 1_000_000n;
  const frac = (micros % 1_000_000n).toString().padStart(6, '0');
  return `${negative && micros !== 0n ? '-' : ''}${whole}.${frac}`;
}
