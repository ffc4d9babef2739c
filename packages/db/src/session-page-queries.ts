import type { StoredSession } from '@rimuru/core';
import { SESSION_COLUMNS, rawToStoredSession } from './session-select.js';
import { completedSql, escapeLike, sessionFilterSql } from './session-filter-sql.js';
import { joinSql, sql, type Sql } from './sql.js';
import type { SqlRunner } from './sql-runner.js';
import type { SessionPageQuery, SessionSearchQuery, SessionSort, StoreDialect } from './store.js';

/** Sum of the stored token roll-ups (total = input + output + cache read + cache write). */
const TOTAL_TOKENS = sql`(COALESCE(s.total_input_tokens, 0) + COALESCE(s.total_output_tokens, 0)
  + COALESCE(s.cache_read_tokens, 0) + COALESCE(s.cache_write_5m_tokens, 0) + COALESCE(s.cache_write_1h_tokens, 0))`;

/**
 * ORDER BY for each sort, biggest first, ties by start then id so pages never overlap.
 * Duration is computed from the stored instants: SQLite keeps them as ISO-8601 text (julianday
 * parses it, offset included), PostgreSQL as timestamptz (the difference is an interval).
 * Sessions without token data sort after every known figure for tokens and cost.
 */
function orderBySql(sort: SessionSort, dialect: StoreDialect, costColumn: Sql): Sql {
  const tail = sql`s.started_at DESC, s.id ASC`;
  switch (sort) {
    case 'started':
      return sql`ORDER BY ${tail}`;
    case 'duration':
      return dialect === 'postgres'
        ? sql`ORDER BY (s.ended_at - s.started_at) DESC, ${tail}`
        : sql`ORDER BY (julianday(s.ended_at) - julianday(s.started_at)) DESC, ${tail}`;
    case 'tokens':
      return sql`ORDER BY s.tokens_known DESC, ${TOTAL_TOKENS} DESC, ${tail}`;
    case 'cost':
      return sql`ORDER BY s.tokens_known DESC, ${costColumn} DESC, ${tail}`;
  }
}

function costColumnSql(mode: SessionPageQuery['costMode']): Sql {
  if (mode === 'calculate') return sql`s.calculated_cost_nanos`;
  if (mode === 'recorded') return sql`COALESCE(s.recorded_cost_nanos, -1)`;
  return sql`s.auto_cost_nanos`;
}

/**
 * Case-insensitive substring search over id, external id, project, models (the JSON list holds
 * every model), agent type and agent name. Always parameterised; LIKE wildcards escaped.
 */
function searchSql(search: string | undefined, dialect: StoreDialect): Sql | null {
  const text = search?.trim() ?? '';
  if (text === '') return null;
  const pattern = `%${escapeLike(text)}%`;
  const like = dialect === 'postgres' ? sql`ILIKE` : sql`LIKE`;
  const columns = [
    sql`CAST(s.id AS TEXT)`,
    sql`s.external_id`,
    sql`s.project_path`,
    sql`s.models`,
    sql`s.model_name`,
    sql`s.agent_type`,
    sql`a.name`,
  ];
  return sql`(${joinSql(
    columns.map((c) => sql`${c} ${like} ${pattern} ESCAPE '\\'`),
    ' OR ',
  )})`;
}

/** The filter's WHERE with the search and the completed-only condition ANDed in. */
function whereSql(query: SessionSearchQuery, dialect: StoreDialect): Sql {
  const filterWhere = sessionFilterSql({ ...query.filter, limit: undefined, offset: undefined }, dialect);
  const extra: Sql[] = [];
  const search = searchSql(query.search, dialect);
  if (search !== null) extra.push(search);
  if (query.completedBefore !== undefined) extra.push(completedSql(query.completedBefore));
  if (extra.length === 0) return filterWhere;
  const joined = joinSql(extra, ' AND ');
  return filterWhere.text.trim() === '' ? sql`WHERE ${joined}` : sql`${filterWhere} AND ${joined}`;
}

/** One page of sessions, sorted and searched in SQL: only `limit` rows leave the database. */
export async function pageSessions(db: SqlRunner, query: SessionPageQuery): Promise<StoredSession[]> {
  const limit = Math.max(0, Math.floor(query.limit));
  if (limit === 0) return [];
  const rows = await db.query(sql`
    SELECT ${SESSION_COLUMNS} FROM sessions s JOIN agents a ON a.id = s.agent_id
    ${whereSql(query, db.dialect)}
    ${orderBySql(query.sort, db.dialect, costColumnSql(query.costMode))}
    LIMIT ${limit} OFFSET ${Math.max(0, Math.floor(query.offset))}`);
  return rows.map(rawToStoredSession);
}

/** How many sessions match the filter and the search (the size of the paged list). */
export async function countSearchedSessions(db: SqlRunner, query: SessionSearchQuery): Promise<number> {
  const [row] = await db.query<{ n: unknown }>(sql`
    SELECT COUNT(*) AS n FROM sessions s JOIN agents a ON a.id = s.agent_id ${whereSql(query, db.dialect)}`);
  return Number(row?.n ?? 0);
}
