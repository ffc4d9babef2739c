import { rawStringOrNull } from './raw-values.js';
import { sql } from './sql.js';
import type { SqlRunner } from './sql-runner.js';
import type { GroupedUsage, UsageBreakdownQuery } from './store.js';
import { summaryAnswers, summaryGroups } from './usage-summary.js';
import { addGroup, addPlanUnitSums, emptyTotals, PLAN_UNIT_SUMS, USAGE_SUMS, usageFromSql } from './usage-queries.js';

const COLUMN = { agentType: sql`u.agent_type`, model: sql`u.model` } as const;

/**
 * Usage totals grouped by agent type or model, over records whose instant lies in [from, to):
 * the figures of `rimuru costs` and `models missing`, with plan units where records carried
 * any. Exact: money is summed as BIGINT.
 */
export async function usageBreakdown(db: SqlRunner, q: UsageBreakdownQuery): Promise<GroupedUsage[]> {
  const column = COLUMN[q.groupBy];
  // A team server sums its hourly and daily summaries instead of every record (usage-summary.ts).
  const groups = summaryAnswers(db, q)
    ? await summaryGroups(db, q, q.groupBy)
    : await db.query(sql`SELECT ${column} AS grp, u.priced, ${USAGE_SUMS}, ${PLAN_UNIT_SUMS} ${usageFromSql(q)}
      GROUP BY ${column}, u.priced`);
  const out = new Map<string | null, GroupedUsage>();
  for (const g of groups) {
    const key = rawStringOrNull(g.grp);
    const entry = out.get(key) ?? { group: key, ...emptyTotals() };
    addGroup(entry, g);
    addPlanUnitSums(entry, g);
    out.set(key, entry);
  }
  return [...out.values()].sort((a, b) => (a.group ?? '').localeCompare(b.group ?? ''));
}
