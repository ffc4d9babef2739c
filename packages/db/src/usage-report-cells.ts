import type { PlanUnitSums, ReportGroupBy } from '@rimuru/core';
import { rawDate, rawInt, rawStringOrNull } from './raw-values.js';
import { escapeLike } from './session-filter-sql.js';
import { emptySql, inListSql, joinSql, sql, type Sql } from './sql.js';
import type { SqlRunner } from './sql-runner.js';
import type { ReportCells, ReportCellsQuery, UsageSlotFilter, UsageTotals } from './store.js';
import { addGroup, addPlanUnitSums, emptyTotals } from './usage-queries.js';

const QUARTER_MS = 15 * 60_000;

/** usage_quarters rows can answer: PostgreSQL, and a range whose ends fall on quarter-hours (every local day does). */
function answers(db: SqlRunner, f: UsageSlotFilter): boolean {
  const aligned = (at: Date | undefined) => at === undefined || at.getTime() % QUARTER_MS === 0;
  return db.dialect === 'postgres' && aligned(f.from) && aligned(f.to);
}

/**
 * FROM usage_quarters `t`, joined to agents `a` for an agent filter or grouping and to sessions
 * `s` for a project, with the filter's WHERE. Without a join, the span is two index probes.
 */
function quartersFrom(f: UsageSlotFilter, by: ReportGroupBy | null = null): Sql {
  const conds: Sql[] = [];
  if (f.from !== undefined) conds.push(sql`t.bucket >= ${f.from}`);
  if (f.to !== undefined) conds.push(sql`t.bucket < ${f.to}`);
  if (f.agentTypes !== undefined) conds.push(inListSql(sql`a.type`, f.agentTypes));
  if (f.hosts !== undefined) conds.push(inListSql(sql`a.host`, f.hosts));
  if (f.agentNames !== undefined) conds.push(inListSql(sql`a.name`, f.agentNames));
  const project = f.project !== undefined && f.project !== '';
  if (project) conds.push(sql`s.project_path ILIKE ${`%${escapeLike(f.project!)}%`} ESCAPE '\\'`);
  const agents = f.agentTypes !== undefined || f.hosts !== undefined || f.agentNames !== undefined || by === 'agent';
  const joins = sql`${agents ? sql`JOIN agents a ON a.id = t.agent_id` : emptySql}
    ${project || by === 'project' ? sql`JOIN sessions s ON s.id = t.session_id` : emptySql}`;
  return sql`FROM usage_quarters t ${joins} ${conds.length === 0 ? emptySql : sql`WHERE ${joinSql(conds, ' AND ')}`}`;
}

/**
 * The UTC quarter-hours of the first and last usage a report's filter matches, for core to
 * lay its periods over; null when this store does not answer reports itself (SQLite, or a
 * range that starts or ends inside a quarter-hour: the report then folds usage slots).
 */
export async function reportSpan(db: SqlRunner, f: UsageSlotFilter): Promise<{ first: Date; last: Date } | null> {
  if (!answers(db, f)) return null;
  const [row] = await db.query(sql`SELECT MIN(t.bucket) AS first, MAX(t.bucket) AS last ${quartersFrom(f)}`);
  if (row === undefined || row.first === null || row.first === undefined)
    return { first: f.from ?? new Date(0), last: f.from ?? new Date(0) };
  return { first: rawDate(row.first), last: new Date(rawDate(row.last).getTime() + QUARTER_MS) };
}

const GROUP: Record<ReportGroupBy, Sql> = {
  agent: sql`a.type`,
  model: sql`t.model`,
  project: sql`s.project_path`,
};

/**
 * A report reduced by the server: per period × group × model × priced the sums, per period ×
 * group and overall the distinct sessions and local days, with width_bucket over core's bounds
 * (no date arithmetic here). A 30-day daily report of a 50-machine team reads ~0.1 M
 * quarter-hour rows and returns a few hundred, instead of 2 M records folded client-side.
 * Null when reportSpan would be (see there).
 */
export async function reportCells(db: SqlRunner, q: ReportCellsQuery): Promise<ReportCells | null> {
  if (!answers(db, q)) return null;
  const group = q.groupBy === null ? sql`CAST(NULL AS TEXT)` : GROUP[q.groupBy];
  const period = sql`width_bucket(t.bucket, ${q.periodBounds.map((d) => d.toISOString())}::timestamptz[])`;
  const day = sql`width_bucket(t.bucket, ${q.dayBounds.map((d) => d.toISOString())}::timestamptz[])`;
  const from = quartersFrom(q, q.groupBy);
  // Two statements, run side by side: the sums hash-aggregate wide rows; the distinct counts
  // sort narrow ones (sorting the wide rows spilled to disk at the default work_mem).
  const [sums, counts] = await Promise.all([
    db.query(sql`SELECT ${period} AS p, ${group} AS grp, t.model, t.priced,
        CAST(SUM(t.n) AS BIGINT) AS n, CAST(SUM(t.input_tokens) AS BIGINT) AS input, CAST(SUM(t.output_tokens) AS BIGINT) AS output,
        CAST(SUM(t.cache_read_tokens) AS BIGINT) AS cache_read, CAST(SUM(t.cache_write_5m_tokens) AS BIGINT) AS cache_write_5m,
        CAST(SUM(t.cache_write_1h_tokens) AS BIGINT) AS cache_write_1h, CAST(SUM(t.reasoning_tokens) AS BIGINT) AS reasoning,
        CAST(SUM(t.calculated_cost_nanos) AS BIGINT) AS calculated,
        CASE WHEN SUM(t.recorded_n) > 0 THEN CAST(SUM(t.recorded_cost_nanos) AS BIGINT) END AS recorded,
        CAST(SUM(t.auto_cost_nanos) AS BIGINT) AS auto,
        CASE WHEN SUM(t.premium_n) > 0 THEN CAST(SUM(t.premium_request_micros) AS BIGINT) END AS premium_request_micros,
        CASE WHEN SUM(t.aiu_n) > 0 THEN CAST(SUM(t.nano_aiu) AS BIGINT) END AS nano_aiu
      ${from} GROUP BY 1, 2, 3, 4`),
    db.query(sql`SELECT GROUPING(p, grp) AS level, p, grp, COUNT(DISTINCT session_id) AS sessions, COUNT(DISTINCT d) AS days
      FROM (SELECT ${period} AS p, ${day} AS d, ${group} AS grp, t.session_id ${from}) q
      GROUP BY GROUPING SETS ((p, grp), ())`),
  ]);
  const out: ReportCells = { cells: [], counts: [], totals: { sessionCount: 0, activeDays: 0 } };
  for (const r of sums) {
    const totals: UsageTotals & PlanUnitSums = emptyTotals();
    addGroup(totals, r);
    addPlanUnitSums(totals, r);
    out.cells.push({
      ...totals,
      period: rawInt(r.p) - 1,
      group: rawStringOrNull(r.grp),
      model: rawStringOrNull(r.model),
    });
  }
  for (const r of counts) {
    if (rawInt(r.level) === 0) {
      out.counts.push({
        period: rawInt(r.p) - 1,
        group: rawStringOrNull(r.grp),
        sessionCount: rawInt(r.sessions),
        activeDays: rawInt(r.days),
      });
    } else out.totals = { sessionCount: rawInt(r.sessions), activeDays: rawInt(r.days) };
  }
  return out;
}
