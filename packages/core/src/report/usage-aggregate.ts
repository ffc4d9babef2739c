import { addTokens, ZERO_TOKENS, type TokenCounts } from '../tokens.js';
import type { ReportUsageRecord } from './usage-record.js';

/**
 * Exact totals of a set of usage records. Every money figure is kept (calculated, recorded,
 * auto) so the caller may show any `--cost-mode` without re-reading.
 */
export interface UsageAggregate {
  tokens: TokenCounts;
  requestCount: number;
  unpricedRequestCount: number;
  calculatedCostNanos: bigint;
  /** Null while no record of the set carried agent-recorded dollars. */
  recordedCostNanos: bigint | null;
  autoCostNanos: bigint;
}

/** A fresh, zero aggregate. */
export function emptyAggregate(): UsageAggregate {
  return {
    tokens: { ...ZERO_TOKENS },
    requestCount: 0,
    unpricedRequestCount: 0,
    calculatedCostNanos: 0n,
    recordedCostNanos: null,
    autoCostNanos: 0n,
  };
}

/** Adds one record to `into` (mutates: reports fold millions of records). */
export function addRecordToAggregate(into: UsageAggregate, record: ReportUsageRecord): void {
  into.tokens = addTokens(into.tokens, record.tokens);
  into.requestCount += 1;
  if (!record.priced) into.unpricedRequestCount += 1;
  into.calculatedCostNanos += record.calculatedCostNanos;
  into.autoCostNanos += record.autoCostNanos;
  if (record.recordedCostNanos !== null) into.recordedCostNanos = (into.recordedCostNanos ?? 0n) + record.recordedCostNanos;
}
