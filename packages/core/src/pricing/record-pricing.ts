import {
  appliesLongContextPrices,
  computeCostBreakdownPicos,
  isSingleRequest,
  picosToNanos,
  PRICED_TOKEN_CLASSES,
  type CostBreakdownPicos,
} from '../cost.js';
import { addTokens, ZERO_TOKENS, type TokenCounts } from '../tokens.js';
import type { DatedPriceBook } from './dated-price-book.js';
import type { ModelPrice } from './model-price.js';

/** What pricing needs of one stored usage record. */
export interface UsageRecordFacts {
  model: string | null;
  tokens: TokenCounts;
  speed: 'standard' | 'fast' | null;
  occurredAt: Date;
  /** Requests the tokens sum: 1 = one request, n > 1 or null = an aggregate (no per-request tier). */
  requestCount: number | null;
}

export interface RecordCost {
  calculatedCostNanos: bigint;
  /** False when the model has no price (unknown or ambiguous name, or none recorded): cost 0. */
  priced: boolean;
}

/** A record's calculated cost at the price valid at its own instant (design §3). */
export function priceUsageRecord(book: DatedPriceBook, r: UsageRecordFacts): RecordCost {
  if (r.model === null) return { calculatedCostNanos: 0n, priced: false };
  const hit = book.lookup(r.model, r.occurredAt);
  if (hit.key === null) return { calculatedCostNanos: 0n, priced: false };
  const parts = computeCostBreakdownPicos(r.tokens, hit.price, { speed: r.speed, requestCount: r.requestCount });
  return { calculatedCostNanos: picosToNanos(PRICED_TOKEN_CLASSES.reduce((s, c) => s + parts[c], 0n)), priced: true };
}

/** One line of a session's cost breakdown: the records of one model priced by one price row. */
export interface CostBreakdownLine {
  model: string | null;
  /** The price key the name resolved to; null when unpriced. */
  priceKey: string | null;
  /** Start of the dated row used; null for a user override or when unpriced. */
  validFrom: Date | null;
  /** 'bundled' | 'litellm' | 'user' …; null when unpriced. */
  priceSource: string | null;
  /** Why the model has no price: no model recorded, unknown name, or several candidates. */
  unpricedReason: 'no-model' | 'unknown' | 'ambiguous' | null;
  candidates: string[];
  /** Per-token base prices used (pico-dollars); null when unpriced. */
  price: ModelPrice | null;
  requestCount: number;
  longContextRequests: number;
  /** Records that sum several requests (a run's or a session's totals): priced at base prices. */
  aggregateRecords: number;
  fastRequests: number;
  tokens: TokenCounts;
  /** Exact cost per class, pico-dollars, multipliers and long-context tiers applied. */
  classPicos: CostBreakdownPicos;
  /** Σ of the records' nano-rounded costs: the lines of a session sum exactly to its calculated cost. */
  costNanos: bigint;
}

const zeroPicos = (): CostBreakdownPicos => ({
  input: 0n,
  output: 0n,
  cacheRead: 0n,
  cacheWrite5m: 0n,
  cacheWrite1h: 0n,
});

/**
 * A session's calculated cost split by model × price row × token class, from its records.
 * Lines are ordered by model, then the row's start.
 */
export function sessionCostBreakdown(book: DatedPriceBook, records: readonly UsageRecordFacts[]): CostBreakdownLine[] {
  const lines = new Map<string, CostBreakdownLine>();
  for (const r of records) {
    const hit = r.model === null ? null : book.lookup(r.model, r.occurredAt);
    const id = JSON.stringify([r.model, hit?.key ?? null, hit?.key ? (hit.validFrom?.getTime() ?? null) : null]);
    let line = lines.get(id);
    if (line === undefined) {
      line = {
        model: r.model,
        priceKey: hit?.key ?? null,
        validFrom: hit?.key ? hit.validFrom : null,
        priceSource: hit?.key ? hit.source : null,
        unpricedReason: hit === null ? 'no-model' : hit.key === null ? hit.reason : null,
        candidates: hit !== null && hit.key === null ? hit.candidates : [],
        price: hit?.key ? hit.price : null,
        requestCount: 0,
        longContextRequests: 0,
        aggregateRecords: 0,
        fastRequests: 0,
        tokens: { ...ZERO_TOKENS },
        classPicos: zeroPicos(),
        costNanos: 0n,
      };
      lines.set(id, line);
    }
    line.requestCount += 1;
    if (!isSingleRequest(r.requestCount)) line.aggregateRecords += 1;
    line.tokens = addTokens(line.tokens, r.tokens);
    if (hit === null || hit.key === null) continue;
    if (appliesLongContextPrices(r.tokens, r.requestCount)) line.longContextRequests += 1;
    if (r.speed === 'fast' && hit.price.fastMultiplier !== null) line.fastRequests += 1;
    const parts = computeCostBreakdownPicos(r.tokens, hit.price, { speed: r.speed, requestCount: r.requestCount });
    for (const c of PRICED_TOKEN_CLASSES) line.classPicos[c] += parts[c];
    line.costNanos += picosToNanos(PRICED_TOKEN_CLASSES.reduce((s, c) => s + parts[c], 0n));
  }
  return [...lines.values()].sort(
    (a, b) =>
      (a.model ?? '').localeCompare(b.model ?? '') ||
      (a.validFrom?.getTime() ?? Number.MIN_SAFE_INTEGER) - (b.validFrom?.getTime() ?? Number.MIN_SAFE_INTEGER),
  );
}
