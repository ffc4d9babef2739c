import { openMaintenanceConnection } from './maintenance-client.js';
import { rawInt } from './raw-values.js';
import { chunk, inListSql, sql } from './sql.js';
import type { SqlRunner } from './sql-runner.js';
import type { StoreTarget } from './store-target.js';

export interface DeleteResult {
  sessions: number;
  usageRecords: number;
}

/** Ids per statement: well under the bound-parameter limits of both dialects. */
const CHUNK = 500;

async function deleteWhere(db: SqlRunner, sessionIds: readonly string[]): Promise<DeleteResult> {
  if (sessionIds.length === 0) return { sessions: 0, usageRecords: 0 };
  return db.transaction(async (tx) => {
    let usageRecords = 0;
    let sessions = 0;
    for (const part of chunk(sessionIds, CHUNK)) {
      usageRecords += await tx.execute(sql`DELETE FROM usage_records WHERE ${inListSql(sql`session_id`, part)}`);
      sessions += await tx.execute(sql`DELETE FROM sessions WHERE ${inListSql(sql`id`, part)}`);
    }
    return { sessions, usageRecords };
  });
}

async function withRunner<T>(target: StoreTarget, use: (db: SqlRunner) => Promise<T>): Promise<T> {
  const opened = await openMaintenanceConnection(target);
  try {
    return await use(opened.sql);
  } finally {
    await opened.close();
  }
}

/**
 * Deletes sessions (by row id) and their usage records, in one transaction. Only ever on the
 * user's explicit request: sync never deletes. Checkpoints stay, so the next sync does not
 * re-import what was already read; a source the agent rewrites later is read again in full.
 */
export function deleteSessions(target: StoreTarget, sessionIds: string[]): Promise<DeleteResult> {
  return withRunner(target, (db) =>
    deleteWhere(
      db,
      sessionIds.map((id) => id.toLowerCase()),
    ),
  );
}

/** Sessions whose last activity is before `before`: what `db prune` would delete. */
export function countSessionsBefore(target: StoreTarget, before: Date): Promise<number> {
  return withRunner(target, async (db) => {
    const [row] = await db.query(sql`SELECT COUNT(*) AS n FROM sessions WHERE ended_at < ${before}`);
    return rawInt(row?.n);
  });
}

/** `rimuru db prune --before D`: deletes sessions whose last activity is before D. */
export function pruneSessionsBefore(target: StoreTarget, before: Date): Promise<DeleteResult> {
  return withRunner(target, async (db) => {
    const rows = await db.query(sql`SELECT id FROM sessions WHERE ended_at < ${before}`);
    return deleteWhere(
      db,
      rows.map((r) => String(r.id)),
    );
  });
}
