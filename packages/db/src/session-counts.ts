import type { SessionCounts } from '@rimuru/core';
import { activeSql, sessionFilterSql } from './session-filter-sql.js';
import { sql, type Sql } from './sql.js';
import type { SqlRunner } from './sql-runner.js';
import type { SessionFilter, StoreDialect } from './store.js';

/**
 * A session's duration in whole milliseconds, never negative. SQLite keeps instants as ISO
 * text: julianday's day fraction carries ~1e-4 ms of error at most, so rounding is exact.
 * PostgreSQL's EXTRACT(EPOCH …) is numeric, exact at timestamptz(3).
 */
function durationMs(dialect: StoreDialect): Sql {
  return dialect === 'postgres'
    ? sql`GREATEST(0, ROUND(EXTRACT(EPOCH FROM (s.ended_at - s.started_at)) * 1000))`
    : sql`MAX(0, CAST(ROUND((julianday(s.ended_at) - julianday(s.started_at)) * 86400000.0) AS INTEGER))`;
}

/**
 * COUNT/SUM over the filtered sessions (the same WHERE as listSessions). Active follows
 * sessionStatus: no hook-reported end and last activity at or after `activeSince`.
 */
export async function sessionCounts(
  db: SqlRunner,
  filter: SessionFilter,
  activeSince: Date,
): Promise<SessionCounts> {
  const dialect = db.dialect;
  const bigint = (expr: Sql) => (dialect === 'postgres' ? sql`CAST(${expr} AS BIGINT)` : expr);
  const [row] = await db.query<{ n: unknown; active: unknown; duration: unknown }>(sql`
    SELECT COUNT(*) AS n,
      ${bigint(sql`COALESCE(SUM(CASE WHEN ${activeSql(activeSince)} THEN 1 ELSE 0 END), 0)`)} AS active,
      ${bigint(sql`COALESCE(SUM(${durationMs(dialect)}), 0)`)} AS duration
    FROM sessions s JOIN agents a ON a.id = s.agent_id
    ${sessionFilterSql(filter, dialect)}`);
  return {
    sessions: Number(row?.n ?? 0),
    activeSessions: Number(row?.active ?? 0),
    totalDurationMs: Number(row?.duration ?? 0),
  };
}
