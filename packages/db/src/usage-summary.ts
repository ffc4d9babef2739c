import type { AgentType } from '@rimuru/core';
import { escapeLike } from './session-filter-sql.js';
import { emptySql, inListSql, joinSql, rawSql, sql, type Sql } from './sql.js';
import type { RawRow, SqlRunner } from './sql-runner.js';
import { rangeTiers, type Span } from './summary-tiers.js';

/** What the summaries can answer: every usage filter but the session's project (they keep no session). */
export interface SummaryQuery {
  from?: Date;
  to?: Date;
  agentTypes?: readonly AgentType[];
  hosts?: readonly string[];
  agentNames?: readonly string[];
  /** Substring of the record's model name, any case. */
  model?: string;
}

/** The summaries answer on PostgreSQL (schema 7) for every filter but a project. */
export function summaryAnswers(db: SqlRunner, q: object & { project?: string }): boolean {
  return db.dialect === 'postgres' && (q.project === undefined || q.project === '');
}

const GROUP = { agentType: sql`a.type`, model: sql`x.model` } as const;

function spanSql(column: Sql, span: Span): Sql {
  const conds: Sql[] = [];
  if (span.from !== undefined) conds.push(sql`${column} >= ${span.from}`);
  if (span.to !== undefined) conds.push(sql`${column} < ${span.to}`);
  return conds.length === 0 ? sql`TRUE` : sql`(${joinSql(conds, ' AND ')})`;
}

function anySpan(column: Sql, spans: readonly Span[]): Sql {
  return sql`(${joinSql(
    spans.map((s) => spanSql(column, s)),
    ' OR ',
  )})`;
}

/** Filters on agents `a` (host, type, name) and the model column `model` of a part. */
function filterConds(q: SummaryQuery, model: Sql): Sql[] {
  const conds: Sql[] = [];
  if (q.agentTypes !== undefined) conds.push(inListSql(sql`a.type`, q.agentTypes));
  if (q.hosts !== undefined) conds.push(inListSql(sql`a.host`, q.hosts));
  if (q.agentNames !== undefined) conds.push(inListSql(sql`a.name`, q.agentNames));
  if (q.model !== undefined && q.model !== '')
    conds.push(sql`${model} ILIKE ${`%${escapeLike(q.model)}%`} ESCAPE '\\'`);
  return conds;
}

const SUMMARY_COLUMNS =
  rawSql(`t.model, t.priced, t.n, t.input_tokens, t.output_tokens, t.cache_read_tokens, t.cache_write_5m_tokens,
  t.cache_write_1h_tokens, t.reasoning_tokens, t.calculated_cost_nanos, t.recorded_n, t.recorded_cost_nanos, t.auto_cost_nanos,
  t.premium_n, t.premium_request_micros, t.aiu_n, t.nano_aiu, t.agent_id`);

/** usage_records `u` in the summaries' shape (each record a row of n = 1). */
const RECORD_COLUMNS = sql`u.model, u.priced, 1, u.input_tokens, u.output_tokens, u.cache_read_tokens, u.cache_write_5m_tokens,
  u.cache_write_1h_tokens, u.reasoning_tokens, u.calculated_cost_nanos, CASE WHEN u.recorded_cost_nanos IS NULL THEN 0 ELSE 1 END,
  COALESCE(u.recorded_cost_nanos, 0), u.auto_cost_nanos, CASE WHEN u.premium_request_micros IS NULL THEN 0 ELSE 1 END,
  COALESCE(u.premium_request_micros, 0), CASE WHEN u.nano_aiu IS NULL THEN 0 ELSE 1 END, COALESCE(u.nano_aiu, 0), s.agent_id`;

/**
 * Usage sums over [from, to) on PostgreSQL, grouped by agent type or model (or not at all), in
 * the row shape of USAGE_SUMS + PLAN_UNIT_SUMS (`grp`, `priced`, `n`, `input`, …): the whole
 * UTC days of the range from usage_daily, its other whole hours from usage_hourly, and only the
 * partial hours at its ends from usage_records (rangeTiers). A year of a 50-machine team is
 * ~40 k daily rows instead of 25 M records; a 30-day range reads ~3 k daily rows, ≤ 46 hourly
 * buckets and ≤ 2 hours of records. Exact: the triggers of schema 7 keep the summaries equal
 * to the records' sums.
 */
export async function summaryGroups(
  db: SqlRunner,
  q: SummaryQuery,
  groupBy: 'agentType' | 'model' | null,
): Promise<RawRow[]> {
  const tiers = rangeTiers(q.from, q.to);
  const parts: Sql[] = [];
  const summaryPart = (table: string, where: Sql) => {
    const conds = [where, ...filterConds(q, sql`t.model`)];
    parts.push(
      sql`SELECT ${SUMMARY_COLUMNS} FROM ${rawSql(table)} t JOIN agents a ON a.id = t.agent_id WHERE ${joinSql(conds, ' AND ')}`,
    );
  };
  if (tiers.days !== null) summaryPart('usage_daily', spanSql(sql`t.bucket`, tiers.days));
  if (tiers.hours.length > 0) summaryPart('usage_hourly', anySpan(sql`t.bucket`, tiers.hours));
  if (tiers.records.length > 0) {
    // The records of the partial hours first (OFFSET 0 keeps them a subquery of their own): a
    // host filter must not lead the planner through every record of that host's sessions.
    const conds = filterConds(q, sql`u.model`);
    parts.push(sql`SELECT ${RECORD_COLUMNS}
      FROM (SELECT * FROM usage_records WHERE ${anySpan(sql`occurred_at`, tiers.records)} OFFSET 0) u
      JOIN sessions s ON s.id = u.session_id JOIN agents a ON a.id = s.agent_id
      ${conds.length === 0 ? emptySql : sql`WHERE ${joinSql(conds, ' AND ')}`}`);
  }
  const group = groupBy === null ? emptySql : sql`${GROUP[groupBy]} AS grp,`;
  const groupKeys = groupBy === null ? sql`x.priced` : sql`${GROUP[groupBy]}, x.priced`;
  const columns =
    rawSql(`model, priced, n, input_tokens, output_tokens, cache_read_tokens, cache_write_5m_tokens, cache_write_1h_tokens,
    reasoning_tokens, calculated_cost_nanos, recorded_n, recorded_cost_nanos, auto_cost_nanos, premium_n, premium_request_micros,
    aiu_n, nano_aiu, agent_id`);
  return db.query(sql`SELECT ${group} x.priced, CAST(SUM(x.n) AS BIGINT) AS n,
      CAST(SUM(x.input_tokens) AS BIGINT) AS input, CAST(SUM(x.output_tokens) AS BIGINT) AS output,
      CAST(SUM(x.cache_read_tokens) AS BIGINT) AS cache_read, CAST(SUM(x.cache_write_5m_tokens) AS BIGINT) AS cache_write_5m,
      CAST(SUM(x.cache_write_1h_tokens) AS BIGINT) AS cache_write_1h, CAST(SUM(x.reasoning_tokens) AS BIGINT) AS reasoning,
      CAST(SUM(x.calculated_cost_nanos) AS BIGINT) AS calculated,
      CASE WHEN SUM(x.recorded_n) > 0 THEN CAST(SUM(x.recorded_cost_nanos) AS BIGINT) END AS recorded,
      CAST(SUM(x.auto_cost_nanos) AS BIGINT) AS auto,
      CASE WHEN SUM(x.premium_n) > 0 THEN CAST(SUM(x.premium_request_micros) AS BIGINT) END AS premium_request_micros,
      CASE WHEN SUM(x.aiu_n) > 0 THEN CAST(SUM(x.nano_aiu) AS BIGINT) END AS nano_aiu
    FROM (${joinSql(parts, ' UNION ALL ')}) AS x(${columns})
    ${groupBy === 'agentType' ? sql`JOIN agents a ON a.id = x.agent_id` : emptySql}
    GROUP BY ${groupKeys} HAVING SUM(x.n) > 0`);
}
