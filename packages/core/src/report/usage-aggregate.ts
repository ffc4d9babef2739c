import { addPlanUnits, type PlanUnitSums } from '../plan-units.js';
import { addTokens, ZERO_TOKENS, type TokenCounts } from '../tokens.js';

/**
 * Exact totals of a set of usage records. Every money figure is kept (calculated, recorded,
 * auto) so the caller may show any `--cost-mode` without re-reading; plan units (Copilot's
 * premium requests and AI credits) where the records carried any.
 */
export interface UsageAggregate extends PlanUnitSums {
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

/** Adds the partial sums `part` (one record's, or a slot's) to `into` (mutates: folds run over thousands of parts). */
export function addAggregate(into: UsageAggregate, part: UsageAggregate): void {
  into.tokens = addTokens(into.tokens, part.tokens);
  into.requestCount += part.requestCount;
  into.unpricedRequestCount += part.unpricedRequestCount;
  into.calculatedCostNanos += part.calculatedCostNanos;
  into.autoCostNanos += part.autoCostNanos;
  if (part.recordedCostNanos !== null) into.recordedCostNanos = (into.recordedCostNanos ?? 0n) + part.recordedCostNanos;
  addPlanUnits(into, part);
}
