import { rawBigInt } from './raw-values.js';
import { recomputeSessions } from './rollup-writer.js';
import { lockSessions } from './session-locks.js';
import { emptySql, inListSql, joinSql, sql, type Sql } from './sql.js';
import type { SqlRunner } from './sql-runner.js';
import type { RepriceOptions, RepriceResult, UsageRepricer } from './store.js';
import { rawToStoredUsage, USAGE_FACT_COLUMNS } from './usage-rows.js';

/** Records read per page: bounded memory on any store size. */
const PAGE = 2000;

interface Change {
  id: bigint;
  sessionId: string;
  calculated: bigint;
  auto: bigint;
  priced: boolean;
}

/**
 * Recomputes the calculated (and so the auto) cost of usage records, `models` only when given,
 * aggregates only (records that are not one request) with `aggregatesOnly`, with `price`; writes
 * only records whose figures changed, then the roll-ups of their sessions, all in one
 * transaction: a session's stored costs stay the exact sums of its records.
 */
export async function repriceUsage(
  db: SqlRunner,
  price: UsageRepricer,
  models: readonly string[] | undefined,
  now: Date,
  options: RepriceOptions = {},
): Promise<RepriceResult> {
  const changes: Change[] = [];
  let examined = 0;
  let cursor: bigint | null = null;
  if (models !== undefined && models.length === 0)
    return { recordsExamined: 0, recordsRepriced: 0, sessionsUpdated: 0 };
  const conds: Sql[] = models !== undefined ? [inListSql(sql`u.model`, models)] : [];
  if (options.aggregatesOnly === true) conds.push(sql`(u.request_count IS NULL OR u.request_count <> 1)`);
  for (;;) {
    const page = cursor === null ? conds : [...conds, sql`u.id > ${cursor}`];
    const rows = await db.query(sql`SELECT u.id, u.session_id, ${USAGE_FACT_COLUMNS} FROM usage_records u
      ${page.length === 0 ? emptySql : sql`WHERE ${joinSql(page, ' AND ')}`} ORDER BY u.id LIMIT ${PAGE}`);
    if (rows.length === 0) break;
    cursor = rawBigInt(rows[rows.length - 1]!.id);
    for (const row of rows) {
      examined++;
      const r = rawToStoredUsage(row);
      const next = price({
        model: r.model,
        occurredAt: r.occurredAt,
        speed: r.speed,
        tokens: r.tokens,
        requestCount: r.requestCount,
      });
      const auto = r.recordedCostNanos ?? next.calculatedCostNanos;
      if (
        next.calculatedCostNanos === r.calculatedCostNanos &&
        next.priced === r.priced &&
        auto === rawBigInt(row.auto_cost_nanos)
      )
        continue;
      changes.push({
        id: rawBigInt(row.id),
        sessionId: String(row.session_id),
        calculated: next.calculatedCostNanos,
        auto,
        priced: next.priced,
      });
    }
    if (rows.length < PAGE) break;
  }
  if (changes.length === 0) return { recordsExamined: examined, recordsRepriced: 0, sessionsUpdated: 0 };

  const sessionIds = [...new Set(changes.map((c) => c.sessionId))];
  const sessionsUpdated = await db.transaction(async (tx) => {
    await lockSessions(tx, sessionIds);
    for (const c of changes) {
      await tx.execute(sql`UPDATE usage_records SET calculated_cost_nanos = ${c.calculated},
        auto_cost_nanos = ${c.auto}, priced = ${c.priced} WHERE id = ${c.id}`);
    }
    return recomputeSessions(tx, sessionIds, now);
  });
  return { recordsExamined: examined, recordsRepriced: changes.length, sessionsUpdated };
}
