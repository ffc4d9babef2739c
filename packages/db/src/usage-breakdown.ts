import type { DbClient } from './db-client.js';
import type { Prisma } from './generated/postgres/client.js';
import type { GroupedUsage, UsageBreakdownQuery } from './store.js';
import { addGroup, emptyTotals, USAGE_SUMS } from './usage-queries.js';

const COLUMN = { agentType: 'agentType', model: 'model' } as const;

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
  const groups = await db.usageRecord.groupBy({ by: [column, 'priced'], where, _count: { _all: true }, _sum: USAGE_SUMS });
  const out = new Map<string | null, GroupedUsage>();
  for (const g of groups) {
    const key = (g as Record<string, unknown>)[column] as string | null;
    const entry = out.get(key) ?? { group: key, ...emptyTotals() };
    addGroup(entry, g);
    out.set(key, entry);
  }
  return [...out.values()].sort((a, b) => (a.group ?? '').localeCompare(b.group ?? ''));
}
