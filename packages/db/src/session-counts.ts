import type { SessionCounts } from '@rimuru/core';
import { activeSql, sessionFilterSql } from './session-filter-sql.js';
import { emptySql, sql, type Sql } from './sql.js';
import type { SqlRunner } from './sql-runner.js';
import type { SessionFilter } from './store.js';

/**
 * A session's duration in whole milliseconds on SQLite, never negative. SQLite keeps instants
 * as ISO text: julianday's day fraction carries ~1e-4 ms of error at most, so rounding is exact.
 */
const SQLITE_DURATION_MS = sql`MAX(0, CAST(ROUND((julianday(s.ended_at) - julianday(s.started_at)) * 86400000.0) AS INTEGER))`;

/**
 * COUNT/SUM over the filtered sessions (the same WHERE as listSessions). Active follows
 * sessionStatus: no hook-reported end and last activity at or after `activeSince`.
 */
export async function sessionCounts(db: SqlRunner, filter: SessionFilter, activeSince: Date): Promise<SessionCounts> {
  const dialect = db.dialect;
  const bigint = (expr: Sql) => (dialect === 'postgres' ? sql`CAST(${expr} AS BIGINT)` : expr);
  // PostgreSQL sums the intervals and converts once: exact at millisecond instants, and a
  // numeric conversion per session cost `stats --range all` 2–4× more on a team server.
  const duration =
    dialect === 'postgres'
      ? sql`CAST(ROUND(EXTRACT(EPOCH FROM COALESCE(SUM(GREATEST(s.ended_at - s.started_at, INTERVAL '0')), INTERVAL '0')) * 1000) AS BIGINT)`
      : sql`COALESCE(SUM(${SQLITE_DURATION_MS}), 0)`;
  // Agents are joined only for an agent-name filter: the counts then read the sessions alone.
  const agents = filter.agentNames !== undefined ? sql`JOIN agents a ON a.id = s.agent_id` : emptySql;
  const [row] = await db.query<{ n: unknown; active: unknown; duration: unknown }>(sql`
    SELECT COUNT(*) AS n,
      ${bigint(sql`COALESCE(SUM(CASE WHEN ${activeSql(activeSince)} THEN 1 ELSE 0 END), 0)`)} AS active,
      ${duration} AS duration
    FROM sessions s ${agents}
    ${sessionFilterSql(filter, dialect)}`);
  return {
    sessions: Number(row?.n ?? 0),
    activeSessions: Number(row?.active ?? 0),
    totalDurationMs: Number(row?.duration ?? 0),
  };
}
