import type { StoredSession } from '@rimuru/core';
import type { DbClient } from './db-client.js';
import type { Prisma } from './generated/postgres/client.js';
import { SESSION_INCLUDE, toStoredSession } from './session-row.js';
import { escapeLike, sessionFilterSql } from './session-filter-sql.js';
import { chunk, sql } from './sql.js';
import type { SessionFilter, StoreDialect } from './store.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(text: string): boolean {
  return UUID.test(text);
}

/** Newest first: last activity, then start, then id for a stable order. */
const NEWEST_FIRST = [{ endedAt: 'desc' }, { startedAt: 'desc' }, { id: 'asc' }] as const satisfies Prisma.SessionOrderByWithRelationInput[];

/** No LIMIT in SQL means "all"; SQLite needs one when OFFSET is given. */
const NO_LIMIT = 2 ** 31 - 1;
const FETCH_CHUNK = 5_000;

/** Typed rows for ids, in the ids' order. */
async function sessionsByIds(db: DbClient, ids: readonly string[]): Promise<StoredSession[]> {
  const byId = new Map<string, StoredSession>();
  for (const part of chunk(ids, FETCH_CHUNK)) {
    const rows = await db.session.findMany({ where: { id: { in: part } }, include: SESSION_INCLUDE });
    for (const row of rows) byId.set(row.id, toStoredSession(row));
  }
  return ids.map((id) => byId.get(id)).filter((s): s is StoredSession => s !== undefined);
}

/** Filters and pages in SQL (see sessionFilterSql), then reads the page's rows typed. */
export async function listSessions(db: DbClient, dialect: StoreDialect, filter: SessionFilter): Promise<StoredSession[]> {
  const ids = await db.$queryRaw<{ id: string }[]>(sql`
    SELECT s.id FROM sessions s JOIN agents a ON a.id = s.agent_id
    ${sessionFilterSql(filter, dialect)}
    ORDER BY s.ended_at DESC, s.started_at DESC, s.id ASC
    LIMIT ${filter.limit ?? NO_LIMIT} OFFSET ${filter.offset ?? 0}`);
  return sessionsByIds(db, ids.map((r) => String(r.id)));
}

export async function countSessions(db: DbClient, dialect: StoreDialect, filter: SessionFilter): Promise<number> {
  const [row] = await db.$queryRaw<{ n: unknown }[]>(sql`
    SELECT COUNT(*) AS n FROM sessions s JOIN agents a ON a.id = s.agent_id ${sessionFilterSql(filter, dialect)}`);
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
export async function findSessions(db: DbClient, idOrPrefix: string, limit = 20): Promise<StoredSession[]> {
  const text = idOrPrefix.trim();
  if (text === '') return [];
  const exact = await db.session.findMany({
    where: { OR: [...(isUuid(text) ? [{ id: text.toLowerCase() }] : []), { externalId: text }] },
    include: SESSION_INCLUDE,
    orderBy: [...NEWEST_FIRST],
    take: limit,
  });
  if (exact.length > 0) return exact.map(toStoredSession);

  const idPrefix = text.toLowerCase();
  const candidates = await db.$queryRaw<{ id: string; external_id: string }[]>(sql`
    SELECT id, external_id FROM sessions
    WHERE CAST(id AS TEXT) LIKE ${likePrefix(idPrefix)} ESCAPE '\\' OR external_id LIKE ${likePrefix(text)} ESCAPE '\\'
    ORDER BY ended_at DESC, started_at DESC
    LIMIT ${limit * 4 + 4}`);
  const ids = candidates
    .filter((c) => String(c.id).startsWith(idPrefix) || c.external_id.startsWith(text))
    .map((c) => String(c.id))
    .slice(0, limit);
  if (ids.length === 0) return [];
  const rows = await db.session.findMany({ where: { id: { in: ids } }, include: SESSION_INCLUDE, orderBy: [...NEWEST_FIRST] });
  return rows.map(toStoredSession);
}
