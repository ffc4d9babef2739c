import type { StoredSession } from '@rimuru/core';
import { SESSION_COLUMNS, rawToStoredSession } from './session-select.js';
import { escapeLike, sessionFilterSql } from './session-filter-sql.js';
import { sql } from './sql.js';
import type { SqlRunner } from './sql-runner.js';
import type { SessionFilter } from './store.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(text: string): boolean {
  return UUID.test(text);
}

/** Newest first: last activity, then start, then id for a stable order. */
const NEWEST_FIRST = sql`ORDER BY s.ended_at DESC, s.started_at DESC, s.id ASC`;

/** No LIMIT in SQL means "all"; SQLite needs one when OFFSET is given. */
const NO_LIMIT = 2 ** 31 - 1;

const FROM_SESSIONS = sql`FROM sessions s JOIN agents a ON a.id = s.agent_id`;

/** Filters, orders and pages in SQL (see sessionFilterSql): only the page's rows leave the database. */
export async function listSessions(db: SqlRunner, filter: SessionFilter): Promise<StoredSession[]> {
  const rows = await db.query(sql`
    SELECT ${SESSION_COLUMNS} ${FROM_SESSIONS}
    ${sessionFilterSql(filter, db.dialect)}
    ${NEWEST_FIRST}
    LIMIT ${filter.limit ?? NO_LIMIT} OFFSET ${filter.offset ?? 0}`);
  return rows.map(rawToStoredSession);
}

export async function countSessions(db: SqlRunner, filter: SessionFilter): Promise<number> {
  // Agents only for an agent-name filter: a count of sessions alone can be an index-only scan.
  const from = filter.agentNames === undefined ? sql`FROM sessions s` : FROM_SESSIONS;
  const [row] = await db.query<{ n: unknown }>(sql`
    SELECT COUNT(*) AS n ${from} ${sessionFilterSql(filter, db.dialect)}`);
  return Number(row?.n ?? 0);
}

function likePrefix(prefix: string): string {
  return `${escapeLike(prefix)}%`;
}

/**
 * Exact id, exact external id (possibly one per agent type), or else every session whose id
 * or external id starts with the text. The LIKE narrows on the server; the final
 * `startsWith` keeps the match exact and case-sensitive on both dialects (SQLite's LIKE
 * ignores ASCII case).
 */
export async function findSessions(db: SqlRunner, idOrPrefix: string, limit = 20): Promise<StoredSession[]> {
  const text = idOrPrefix.trim();
  if (text === '') return [];
  const exactId = isUuid(text) ? sql`CAST(s.id AS TEXT) = ${text.toLowerCase()} OR ` : sql``;
  const exact = await db.query(sql`
    SELECT ${SESSION_COLUMNS} ${FROM_SESSIONS}
    WHERE ${exactId}s.external_id = ${text}
    ${NEWEST_FIRST} LIMIT ${limit}`);
  if (exact.length > 0) return exact.map(rawToStoredSession);

  const idPrefix = text.toLowerCase();
  const candidates = await db.query(sql`
    SELECT ${SESSION_COLUMNS} ${FROM_SESSIONS}
    WHERE CAST(s.id AS TEXT) LIKE ${likePrefix(idPrefix)} ESCAPE '\\' OR s.external_id LIKE ${likePrefix(text)} ESCAPE '\\'
    ${NEWEST_FIRST}
    LIMIT ${limit * 4 + 4}`);
  return candidates
    .map(rawToStoredSession)
    .filter((s) => s.id.startsWith(idPrefix) || s.externalId.startsWith(text))
    .slice(0, limit);
}
