import type { DbClient } from './db-client.js';
import { isUuid } from './session-queries.js';
import type { StoredUsageRecord } from './store.js';

/** One session's usage records, oldest first: what a cost breakdown prices. */
export async function sessionUsageRecords(db: DbClient, sessionId: string): Promise<StoredUsageRecord[]> {
  if (!isUuid(sessionId)) return [];
  const rows = await db.usageRecord.findMany({
    where: { sessionId: sessionId.toLowerCase() },
    orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
    select: {
      model: true, occurredAt: true, speed: true, inputTokens: true, outputTokens: true, cacheReadTokens: true,
      cacheWrite5mTokens: true, cacheWrite1hTokens: true, reasoningTokens: true, calculatedCostNanos: true,
      recordedCostNanos: true, priced: true,
    },
  });
  return rows.map((r) => ({
    model: r.model,
    occurredAt: r.occurredAt,
    speed: r.speed === 'fast' || r.speed === 'standard' ? r.speed : null,
    tokens: {
      input: Number(r.inputTokens),
      output: Number(r.outputTokens),
      cacheRead: Number(r.cacheReadTokens),
      cacheWrite5m: Number(r.cacheWrite5mTokens),
      cacheWrite1h: Number(r.cacheWrite1hTokens),
      reasoning: Number(r.reasoningTokens),
    },
    calculatedCostNanos: r.calculatedCostNanos,
    recordedCostNanos: r.recordedCostNanos,
    priced: r.priced,
  }));
}
