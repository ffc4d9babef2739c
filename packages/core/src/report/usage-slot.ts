import type { AgentType } from '../agent-type.js';
import type { UsageAggregate } from './usage-aggregate.js';
import type { ReportUsageRecord } from './usage-record.js';

/**
 * Length of a report slot: every IANA offset in use since 1972 is a whole multiple of 15 minutes
 * (:30 Asia/Kolkata, :45 Asia/Kathmandu, America/St_Johns' −3:30/−2:30 across DST), so a local
 * day, week or month always starts on a UTC quarter-hour, and so does a 5-hour billing block
 * (it starts on a UTC hour).
 */
export const SLOT_MS = 15 * 60_000;

/**
 * Partial sums of the usage records that share a session, agent type, model and project and lie
 * inside one UTC quarter-hour slot [a, a + 15 min) — either exactly at its first instant `a`
 * (an "edge" slot) or strictly after it. What the database reduces usage records to before core
 * folds them into local days, weeks, months or billing blocks; one record is a slot of its own.
 */
export interface UsageSlot extends UsageAggregate {
  /** Earliest and latest record instant of the slot. */
  firstAt: Date;
  lastAt: Date;
  /** Store row id of the owning session (counts distinct sessions per bucket). */
  sessionId: string;
  agentType: AgentType;
  model: string | null;
  projectPath: string | null;
}

/** A record as a slot of its own: how a fold over records and a fold over slot rows share one code path. */
export function usageSlotOfRecord(record: ReportUsageRecord): UsageSlot {
  return {
    firstAt: record.occurredAt,
    lastAt: record.occurredAt,
    sessionId: record.sessionId,
    agentType: record.agentType,
    model: record.model,
    projectPath: record.projectPath,
    tokens: { ...record.tokens },
    requestCount: 1,
    unpricedRequestCount: record.priced ? 0 : 1,
    calculatedCostNanos: record.calculatedCostNanos,
    recordedCostNanos: record.recordedCostNanos,
    autoCostNanos: record.autoCostNanos,
  };
}

/**
 * Orders the slots of time: 2·q for the edge instant of quarter-hour q, 2·q + 1 for the rest of
 * it. Throws when `firstAt`…`lastAt` is not inside one of those (the input is not slot rows),
 * because every fold relies on it.
 */
export function slotKey(slot: Pick<UsageSlot, 'firstAt' | 'lastAt'>): number {
  const first = slot.firstAt.getTime();
  const last = slot.lastAt.getTime();
  const quarter = Math.floor(first / SLOT_MS);
  const edge = first === quarter * SLOT_MS;
  if (last < first || Math.floor(last / SLOT_MS) !== quarter || (edge && last !== first)) {
    throw new RangeError(`not a usage slot: ${slot.firstAt.toISOString()}…${slot.lastAt.toISOString()}`);
  }
  return quarter * 2 + (edge ? 0 : 1);
}
