import type { TokenCounts } from '../tokens.js';
import type { BlockSpan } from './billing-blocks.js';
import type { ReportUsageRecord } from './usage-record.js';
import { usageSlotOfRecord, type UsageSlot } from './usage-slot.js';

/** A usage record for tests: only what a test names differs from a plain priced request. */
export function usageRecord(
  occurredAt: string | Date,
  partial: Partial<Omit<ReportUsageRecord, 'tokens'>> & { tokens?: Partial<TokenCounts> } = {},
): ReportUsageRecord {
  const { tokens, ...rest } = partial;
  return {
    occurredAt: typeof occurredAt === 'string' ? new Date(occurredAt) : occurredAt,
    agentType: 'claude-code',
    sessionId: 's-1',
    model: 'claude-sonnet-4-5',
    projectPath: '/p',
    calculatedCostNanos: 1_000n,
    recordedCostNanos: null,
    autoCostNanos: 1_000n,
    priced: true,
    ...rest,
    tokens: { input: 1, output: 0, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, reasoning: 0, ...tokens },
  };
}

/** A usage record as a slot of its own (what report folds take). */
export function usageSlot(occurredAt: string | Date, partial: Parameters<typeof usageRecord>[1] = {}): UsageSlot {
  return usageSlotOfRecord(usageRecord(occurredAt, partial));
}

/** A record as a billing-block span of its own: the record-by-record fold blocks are defined by. */
export function recordSpan(record: ReportUsageRecord): BlockSpan {
  return { ...usageSlotOfRecord(record), models: [record.model] };
}
