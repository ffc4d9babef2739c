import { markSessionByHook } from '../hook-session.js';
import { sessionCounts } from '../session-counts.js';
import { countSearchedSessions, pageSessions } from '../session-page-queries.js';
import { countSessions, findSessions, listSessions } from '../session-queries.js';
import { streamSessions } from '../session-stream.js';
import type { SqlRunner } from '../sql-runner.js';
import type {
  HookMark,
  SessionFilter,
  SessionPageQuery,
  SessionRepository,
  SessionSearchQuery,
  SessionStreamFilter,
} from '../store.js';

/** The `sessions` table. */
export class SqlSessionRepository implements SessionRepository {
  constructor(
    private readonly sql: SqlRunner,
    private readonly now: () => Date,
  ) {}

  list(filter: SessionFilter) {
    return listSessions(this.sql, filter);
  }

  count(filter: SessionFilter) {
    return countSessions(this.sql, filter);
  }

  counts(filter: SessionFilter, activeSince: Date) {
    return sessionCounts(this.sql, filter, activeSince);
  }

  page(query: SessionPageQuery) {
    return pageSessions(this.sql, query);
  }

  countSearched(query: SessionSearchQuery) {
    return countSearchedSessions(this.sql, query);
  }

  find(idOrPrefix: string, limit?: number) {
    return findSessions(this.sql, idOrPrefix, limit);
  }

  stream(filter: SessionStreamFilter, options: { pageSize?: number } = {}) {
    return streamSessions(this.sql, filter, options.pageSize);
  }

  markByHook(mark: HookMark) {
    return markSessionByHook(this.sql, mark, this.now);
  }
}
