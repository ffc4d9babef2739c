import type { UsageSlot } from '@rimuru/core';
import { rawDate, rawStringOrNull } from './raw-values.js';
import { escapeLike } from './session-filter-sql.js';
import { emptySql, inListSql, joinSql, sql, type Sql } from './sql.js';
import type { SqlRunner } from './sql-runner.js';
import type { StoreDialect, UsageSlotFilter } from './store.js';
import { addGroup, addPlanUnitSums, emptyTotals, PLAN_UNIT_SUMS, USAGE_SUMS } from './usage-queries.js';

/**
 * The UTC quarter-hour of a record, and whether the record sits exactly on its first instant
 * (core's slotKey: a 5-hour block's end instant still belongs to the block, the rest of that
 * quarter-hour does not). No time-zone arithmetic happens here: only fixed UTC slots.
 *
 * SQLite keeps instants as ISO text in one fixed shape (`2025-03-09T13:04:00.001+00:00`, how
 * both the runner and Prisma's adapter write them, which the range filters' text comparison
 * already relies on), so the slot is read off the text: strftime would parse every record
 * several times over and cost more than the whole grouping. Core re-checks every row's span.
 */
function slotColumns(dialect: StoreDialect): { quarter: Sql; edge: Sql } {
  if (dialect === 'postgres') {
    return {
      quarter: sql`floor(extract(epoch FROM u.occurred_at) / 900)`,
      edge: sql`(extract(epoch FROM u.occurred_at) % 900 = 0)`,
    };
  }
  return {
    quarter: sql`substr(u.occurred_at, 1, 14) || (substr(u.occurred_at, 15, 2) / 15)`,
    edge: sql`(substr(u.occurred_at, 15, 2) % 15 = 0 AND substr(u.occurred_at, 18, 6) = '00.000')`,
  };
}

/** WHERE over usage_records `u` joined to sessions `fs` and agents `fa` where a filter needs them. */
function filterSql(f: UsageSlotFilter, dialect: StoreDialect): { joins: Sql; where: Sql } {
  const conds: Sql[] = [];
  if (f.from !== undefined) conds.push(sql`u.occurred_at >= ${f.from}`);
  if (f.to !== undefined) conds.push(sql`u.occurred_at < ${f.to}`);
  if (f.agentTypes !== undefined) conds.push(inListSql(sql`u.agent_type`, f.agentTypes));
  if (f.hosts !== undefined) conds.push(inListSql(sql`fs.host`, f.hosts));
  if (f.agentNames !== undefined) conds.push(inListSql(sql`fa.name`, f.agentNames));
  // The project rule of every session filter (sessionFilterSql): a literal, case-insensitive substring.
  if (f.project !== undefined && f.project !== '') {
    const pattern = `%${escapeLike(f.project)}%`;
    conds.push(
      dialect === 'postgres'
        ? sql`fs.project_path ILIKE ${pattern} ESCAPE '\\'`
        : sql`fs.project_path LIKE ${pattern} ESCAPE '\\'`,
    );
  }
  const needsSession =
    f.hosts !== undefined || f.agentNames !== undefined || (f.project !== undefined && f.project !== '');
  const joins = sql`${needsSession ? sql`JOIN sessions fs ON fs.id = u.session_id` : emptySql}
    ${f.agentNames !== undefined ? sql`JOIN agents fa ON fa.id = fs.agent_id` : emptySql}`;
  return { joins, where: conds.length === 0 ? emptySql : sql`WHERE ${joinSql(conds, ' AND ')}` };
}

/**
 * Usage records reduced in the database to partial sums per UTC quarter-hour slot × session ×
 * agent type × model × priced (project comes with the session): the few rows core folds into
 * local days, weeks, months or billing blocks in any zone (design §2). Token and money sums are
 * BIGINT on both dialects (USAGE_SUMS), never REAL. Rows come in no particular order.
 */
export async function usageSlots(db: SqlRunner, filter: UsageSlotFilter): Promise<UsageSlot[]> {
  const { quarter, edge } = slotColumns(db.dialect);
  const { joins, where } = filterSql(filter, db.dialect);
  const rows = await db.query(sql`SELECT g.*, s.project_path FROM (
      SELECT u.session_id, u.agent_type, u.model, u.priced,
        MIN(u.occurred_at) AS first_at, MAX(u.occurred_at) AS last_at, ${USAGE_SUMS}, ${PLAN_UNIT_SUMS}
      FROM usage_records u ${joins} ${where}
      GROUP BY ${quarter}, ${edge}, u.session_id, u.agent_type, u.model, u.priced
    ) g JOIN sessions s ON s.id = g.session_id`);
  return rows.map((row) => {
    const slot: UsageSlot = {
      firstAt: rawDate(row.first_at),
      lastAt: rawDate(row.last_at),
      sessionId: String(row.session_id),
      agentType: String(row.agent_type),
      model: rawStringOrNull(row.model),
      projectPath: rawStringOrNull(row.project_path),
      ...emptyTotals(),
    };
    addGroup(slot, row);
    addPlanUnitSums(slot, row);
    return slot;
  });
}
