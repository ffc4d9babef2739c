import type { DbClient } from './db-client.js';
import { openMaintenanceClient } from './maintenance-client.js';
import type { StoreTarget } from './store-target.js';

export interface DeleteResult {
  sessions: number;
  usageRecords: number;
}

async function deleteWhere(db: DbClient, sessionIds: string[]): Promise<DeleteResult> {
  if (sessionIds.length === 0) return { sessions: 0, usageRecords: 0 };
  return db.$transaction(
    async (tx) => {
      let usageRecords = 0;
      let sessions = 0;
      // Chunks keep each statement under the bound-parameter limits of both dialects.
      for (let i = 0; i < sessionIds.length; i += 500) {
        const chunk = sessionIds.slice(i, i + 500);
        usageRecords += (await tx.usageRecord.deleteMany({ where: { sessionId: { in: chunk } } })).count;
        sessions += (await tx.session.deleteMany({ where: { id: { in: chunk } } })).count;
      }
      return { sessions, usageRecords };
    },
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
}

/**
 * Deletes sessions (by row id) and their usage records, in one transaction. Only ever on the
 * user's explicit request: sync never deletes. Checkpoints stay, so the next sync does not
 * re-import what was already read; a source the agent rewrites later is read again in full.
 */
export async function deleteSessions(target: StoreTarget, sessionIds: string[]): Promise<DeleteResult> {
  const opened = await openMaintenanceClient(target);
  try {
    return await deleteWhere(opened.db, sessionIds);
  } finally {
    await opened.close();
  }
}

/** Sessions whose last activity is before `before`: what `db prune` would delete. */
export async function countSessionsBefore(target: StoreTarget, before: Date): Promise<number> {
  const opened = await openMaintenanceClient(target);
  try {
    return await opened.db.session.count({ where: { endedAt: { lt: before } } });
  } finally {
    await opened.close();
  }
}

/** `rimuru db prune --before D`: deletes sessions whose last activity is before D. */
export async function pruneSessionsBefore(target: StoreTarget, before: Date): Promise<DeleteResult> {
  const opened = await openMaintenanceClient(target);
  try {
    const rows = await opened.db.session.findMany({ where: { endedAt: { lt: before } }, select: { id: true } });
    return await deleteWhere(opened.db, rows.map((r) => r.id));
  } finally {
    await opened.close();
  }
}
