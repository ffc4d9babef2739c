import type { DbClient } from './db-client.js';
import type { Prisma } from './generated/postgres/client.js';
import type { GroupedUsage, UsageBreakdownQuery, UsageTotals } from './store.js';

const SUMS = {
  inputTokens: true, outputTokens: true, cacheReadTokens: true, cacheWrite5mTokens: true, cacheWrite1hTokens: true,
  reasoningTokens: true, calculatedCostNanos: true, recordedCostNanos: true, autoCostNanos: true,
} as const;

const COLUMN = { agentType: 'agentType', model: 'model' } as const;

function emptyTotals(): UsageTotals {
  return {
    tokens: { input: 0, output: 0, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, reasoning: 0 },
    requestCount: 0, calculatedCostNanos: 0n, autoCostNanos: 0n, recordedCostNanos: null, unpricedRequestCount: 0,
  };
}

/**
 * Usage totals grouped by agent type or model, over records whose instant lies in [from, to):
 * the figures of `rimuru costs` and `models missing`. Exact: money is summed as BIGINT.
 */
export async function usageBreakdown(db: DbClient, q: UsageBreakdownQuery): Promise<GroupedUsage[]> {
  const session: Prisma.SessionWhereInput = {
    ...(q.hosts !== undefined ? { host: { in: q.hosts } } : {}),
    ...(q.agentNames !== undefined ? { agent: { name: { in: q.agentNames } } } : {}),
  };
  const where: Prisma.UsageRecordWhereInput = {
    occurredAt: { ...(q.from !== undefined ? { gte: q.from } : {}), ...(q.to !== undefined ? { lt: q.to } : {}) },
    ...(q.agentTypes !== undefined ? { agentType: { in: q.agentTypes } } : {}),
    ...(Object.keys(session).length > 0 ? { session } : {}),
  };
  const column = COLUMN[q.groupBy];
  const groups = await db.usageRecord.groupBy({ by: [column, 'priced'], where, _count: { _all: true }, _sum: SUMS });
  const out = new Map<string | null, GroupedUsage>();
  for (const g of groups) {
    const key = (g as Record<string, unknown>)[column] as string | null;
    const entry = out.get(key) ?? { group: key, ...emptyTotals() };
    const s = g._sum;
    entry.tokens.input += Number(s.inputTokens ?? 0n);
    entry.tokens.output += Number(s.outputTokens ?? 0n);
    entry.tokens.cacheRead += Number(s.cacheReadTokens ?? 0n);
    entry.tokens.cacheWrite5m += Number(s.cacheWrite5mTokens ?? 0n);
    entry.tokens.cacheWrite1h += Number(s.cacheWrite1hTokens ?? 0n);
    entry.tokens.reasoning += Number(s.reasoningTokens ?? 0n);
    entry.requestCount += g._count._all;
    if (!g.priced) entry.unpricedRequestCount += g._count._all;
    entry.calculatedCostNanos += s.calculatedCostNanos ?? 0n;
    entry.autoCostNanos += s.autoCostNanos ?? 0n;
    if (s.recordedCostNanos !== null) entry.recordedCostNanos = (entry.recordedCostNanos ?? 0n) + s.recordedCostNanos;
    out.set(key, entry);
  }
  return [...out.values()].sort((a, b) => (a.group ?? '').localeCompare(b.group ?? ''));
}
