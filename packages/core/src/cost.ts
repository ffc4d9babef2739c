import { divRoundHalfAwayFromZero } from './decimal.js';
import type { ModelPrice } from './pricing/model-price.js';
import type { TokenCounts } from './tokens.js';

/** Above this many input tokens (input + cache read + cache writes) a request is long-context. */
export const LONG_CONTEXT_THRESHOLD = 200_000;

export interface CostOptions {
  speed: 'standard' | 'fast' | null;
  /**
   * How many requests the tokens sum (UsageEvent.requestCount): absent or 1 = one request;
   * n > 1 or null = an aggregate, which has no request size and so no per-request tier.
   */
  requestCount?: number | null;
}

/** True when the tokens are one API request: the only case a per-request threshold can apply to. */
export function isSingleRequest(requestCount: number | null | undefined): boolean {
  return requestCount === undefined || requestCount === 1;
}

/** The long-context rule of Anthropic's billing: the whole request's input, not each class. */
export function isLongContextRequest(tokens: TokenCounts): boolean {
  return tokens.input + tokens.cacheRead + tokens.cacheWrite5m + tokens.cacheWrite1h > LONG_CONTEXT_THRESHOLD;
}

/**
 * Whether the above-200k prices apply: to one request whose input passes the threshold. A sum of
 * several requests (a Copilot CLI run, Droid's cumulative counters) is priced at base prices,
 * however large: each of its requests was below the threshold as far as anyone can tell, and
 * pricing the sum as one huge request would bill every token at the long-context rate.
 */
export function appliesLongContextPrices(tokens: TokenCounts, requestCount: number | null | undefined): boolean {
  return isSingleRequest(requestCount) && isLongContextRequest(tokens);
}

const PICOS_PER_NANO = 1000n;
/** Multipliers are applied as parts per million: exact for any multiplier with ≤ 6 decimals. */
const PPM = 1_000_000n;

/** Token classes that carry a price of their own (reasoning is inside output). */
export const PRICED_TOKEN_CLASSES = ['input', 'output', 'cacheRead', 'cacheWrite5m', 'cacheWrite1h'] as const;
export type PricedTokenClass = (typeof PRICED_TOKEN_CLASSES)[number];

/** Exact cost of one request per token class, in pico-dollars (multipliers applied). */
export type CostBreakdownPicos = Record<PricedTokenClass, bigint>;

/**
 * Per-class cost of one record in pico-dollars (design §3): every class at its above-200k price
 * (where one exists) when the record is one long-context request (never for an aggregate), times
 * the fast multiplier for fast-mode requests (kept as parts per million, so the result stays
 * exact in picos·ppm until rounding).
 */
export function computeCostBreakdownPicos(
  tokens: TokenCounts,
  price: ModelPrice,
  opts: CostOptions,
): CostBreakdownPicos {
  const long = appliesLongContextPrices(tokens, opts.requestCount);
  const pick = (base: bigint, above: bigint | null): bigint => (long && above !== null ? above : base);
  const ppm =
    opts.speed === 'fast' && price.fastMultiplier !== null ? BigInt(Math.round(price.fastMultiplier * 1e6)) : PPM;
  const scaled = (n: number, perToken: bigint) => divRoundHalfAwayFromZero(BigInt(n) * perToken * ppm, PPM);
  return {
    input: scaled(tokens.input, pick(price.input, price.inputAbove200k)),
    output: scaled(tokens.output, pick(price.output, price.outputAbove200k)),
    cacheRead: scaled(tokens.cacheRead, pick(price.cacheRead, price.cacheReadAbove200k)),
    cacheWrite5m: scaled(tokens.cacheWrite5m, pick(price.cacheWrite5m, price.cacheWrite5mAbove200k)),
    cacheWrite1h: scaled(tokens.cacheWrite1h, pick(price.cacheWrite1h, price.cacheWrite1hAbove200k)),
  };
}

/** Pico-dollars → nano-dollars, rounded half away from zero: the one rounding step of money. */
export function picosToNanos(picos: bigint): bigint {
  return divRoundHalfAwayFromZero(picos, PICOS_PER_NANO);
}

/**
 * Cost of one request in nano-dollars: Σ tokens(class) × price(class) per
 * `computeCostBreakdownPicos`, summed exactly and rounded to the nano once, at the end.
 */
export function computeCostNanos(tokens: TokenCounts, price: ModelPrice, opts: CostOptions): bigint {
  const parts = computeCostBreakdownPicos(tokens, price, opts);
  return picosToNanos(PRICED_TOKEN_CLASSES.reduce((sum, c) => sum + parts[c], 0n));
}
