import type { DbClient } from './db-client.js';
import { agentRowId, sessionRowId } from './ids.js';
import type { HookMark, StoreDialect } from './store.js';

/** Waiting for another process's write (SQLite busy timeout) counts against maxWait. */
const HOOK_TRANSACTION_OPTIONS = { maxWait: 60_000, timeout: 60_000 } as const;

/**
 * Applies an agent hook's lifecycle signal in one short transaction. A session the store has
 * not seen yet (the hook fires before the transcript has a line) is created with start = end =
 * the hook's instant, so it shows as active at once; the transcript's records widen it later.
 * A start (or resume) clears a previous hook end: the same session can be resumed.
 */
export async function markSessionByHook(db: DbClient, dialect: StoreDialect, mark: HookMark, now: () => Date): Promise<void> {
  const agentId = agentRowId(mark.host, mark.agentName);
  const id = sessionRowId(mark.agentType, mark.externalId);
  await db.$transaction(async (tx) => {
    const at = now();
    if (dialect === 'postgres') await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${id}, 0))`;
    // Writes first: on SQLite the transaction then holds the write lock before any read.
    await tx.$executeRaw`INSERT INTO agents (id, type, name, host, created_at)
      VALUES (${agentId}, ${mark.agentType}, ${mark.agentName}, ${mark.host}, ${at}) ON CONFLICT DO NOTHING`;
    await tx.$executeRaw`INSERT INTO sessions (id, agent_id, external_id, agent_type, host, started_at, ended_at,
        project_path, ended_by_hook, created_at, updated_at)
      VALUES (${id}, ${agentId}, ${mark.externalId}, ${mark.agentType}, ${mark.host}, ${mark.at}, ${mark.at},
        ${mark.projectPath}, ${mark.ended}, ${at}, ${at})
      ON CONFLICT (id) DO NOTHING`;
    const stored = await tx.session.findUnique({ where: { id }, select: { endedAt: true, endedByHook: true, projectPath: true } });
    if (stored === null) return;
    const endedAt = stored.endedAt.getTime() >= mark.at.getTime() ? stored.endedAt : mark.at;
    const projectPath = stored.projectPath ?? mark.projectPath;
    if (endedAt === stored.endedAt && stored.endedByHook === mark.ended && projectPath === stored.projectPath) return;
    await tx.session.update({ where: { id }, data: { endedAt, endedByHook: mark.ended, projectPath, updatedAt: at } });
  }, HOOK_TRANSACTION_OPTIONS);
}
