import { isUuid } from './session-queries.js';
import { sql } from './sql.js';
import type { SqlRunner } from './sql-runner.js';
import type { StoredUsageRecord } from './store.js';
import { rawToStoredUsage, USAGE_FACT_COLUMNS } from './usage-rows.js';

/** One session's usage records, oldest first: what a cost breakdown prices (one scan of the session_id index). */
export async function sessionUsageRecords(db: SqlRunner, sessionId: string): Promise<StoredUsageRecord[]> {
  if (!isUuid(sessionId)) return [];
  const rows = await db.query(sql`SELECT ${USAGE_FACT_COLUMNS} FROM usage_records u
    WHERE u.session_id = ${sessionId.toLowerCase()} ORDER BY u.occurred_at, u.id`);
  return rows.map(rawToStoredUsage);
}
