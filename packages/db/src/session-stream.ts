import type { StoredSession } from '@rimuru/core';
import type { DbClient } from './db-client.js';
import type { Prisma } from './generated/postgres/client.js';
import { SESSION_INCLUDE, toStoredSession, type SessionRow } from './session-row.js';
import type { SessionStreamFilter } from './store.js';
import { DEFAULT_STREAM_PAGE_SIZE } from './usage-stream.js';

function filterWhere(filter: SessionStreamFilter): Prisma.SessionWhereInput {
  return {
    // Any activity inside the range: ended at or after `since`, started before `until`.
    ...(filter.since !== undefined ? { endedAt: { gte: filter.since } } : {}),
    ...(filter.until !== undefined ? { startedAt: { lt: filter.until } } : {}),
    ...(filter.agentTypes !== undefined ? { agentType: { in: filter.agentTypes } } : {}),
    ...(filter.agentNames !== undefined ? { agent: { name: { in: filter.agentNames } } } : {}),
    ...(filter.hosts !== undefined ? { host: { in: filter.hosts } } : {}),
    ...(filter.project !== undefined ? { projectPath: { contains: filter.project } } : {}),
  };
}

/**
 * Sessions oldest first (by start, then id), page by page with keyset pagination on
 * (started_at, id), so an export of any size holds one page in memory.
 */
export async function* streamSessions(
  db: DbClient,
  filter: SessionStreamFilter,
  pageSize = DEFAULT_STREAM_PAGE_SIZE,
): AsyncGenerator<StoredSession> {
  const base = filterWhere(filter);
  let after: { startedAt: Date; id: string } | null = null;
  for (;;) {
    const keyset: Prisma.SessionWhereInput | null =
      after === null ? null : { OR: [{ startedAt: { gt: after.startedAt } }, { startedAt: after.startedAt, id: { gt: after.id } }] };
    const rows: SessionRow[] = await db.session.findMany({
      where: keyset === null ? base : { AND: [base, keyset] },
      orderBy: [{ startedAt: 'asc' }, { id: 'asc' }],
      take: pageSize,
      include: SESSION_INCLUDE,
    });
    for (const row of rows) yield toStoredSession(row);
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1]!;
    after = { startedAt: last.startedAt, id: last.id };
  }
}
