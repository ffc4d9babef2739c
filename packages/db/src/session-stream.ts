import type { StoredSession } from '@rimuru/core';
import { escapeLike } from './session-filter-sql.js';
import { SESSION_COLUMNS, rawToStoredSession } from './session-select.js';
import { inListSql, joinSql, sql, type Sql } from './sql.js';
import type { SqlRunner } from './sql-runner.js';
import type { SessionStreamFilter } from './store.js';
import { DEFAULT_STREAM_PAGE_SIZE } from './usage-stream.js';

function filterConds(filter: SessionStreamFilter, dialect: SqlRunner['dialect']): Sql[] {
  const conds: Sql[] = [];
  // Any activity inside the range: ended at or after `since`, started before `until`.
  if (filter.since !== undefined) conds.push(sql`s.ended_at >= ${filter.since}`);
  if (filter.until !== undefined) conds.push(sql`s.started_at < ${filter.until}`);
  if (filter.agentTypes !== undefined) conds.push(inListSql(sql`s.agent_type`, filter.agentTypes));
  if (filter.agentNames !== undefined) conds.push(inListSql(sql`a.name`, filter.agentNames));
  if (filter.hosts !== undefined) conds.push(inListSql(sql`s.host`, filter.hosts));
  if (filter.project !== undefined) {
    // Case-insensitive on both dialects, as the session filters (SQLite's LIKE already is).
    const pattern = `%${escapeLike(filter.project)}%`;
    conds.push(
      dialect === 'postgres'
        ? sql`s.project_path ILIKE ${pattern} ESCAPE '\\'`
        : sql`s.project_path LIKE ${pattern} ESCAPE '\\'`,
    );
  }
  return conds;
}

/**
 * Sessions oldest first (by start, then id), page by page with keyset pagination on
 * (started_at, id), so an export of any size holds one page in memory.
 */
export async function* streamSessions(
  db: SqlRunner,
  filter: SessionStreamFilter,
  pageSize = DEFAULT_STREAM_PAGE_SIZE,
): AsyncGenerator<StoredSession> {
  const base = filterConds(filter, db.dialect);
  let after: { startedAt: Date; id: string } | null = null;
  for (;;) {
    const conds: Sql[] =
      after === null
        ? base
        : // The plain lower bound lets both databases seek the started_at index; the OR alone
          // would make SQLite scan from the first session on every page.
          [
            ...base,
            sql`s.started_at >= ${after.startedAt}`,
            sql`(s.started_at > ${after.startedAt} OR s.id > ${after.id})`,
          ];
    const rows: StoredSession[] = (
      await db.query(sql`SELECT ${SESSION_COLUMNS} FROM sessions s JOIN agents a ON a.id = s.agent_id
        ${conds.length === 0 ? sql`` : sql`WHERE ${joinSql(conds, ' AND ')}`}
        ORDER BY s.started_at ASC, s.id ASC
        LIMIT ${pageSize}`)
    ).map(rawToStoredSession);
    for (const row of rows) yield row;
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1]!;
    after = { startedAt: last.startedAt, id: last.id };
  }
}
