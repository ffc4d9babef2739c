import { insertAgents } from './agent-rows.js';
import { agentRowId, sessionRowId } from './ids.js';
import { rawBool, rawDate, rawStringOrNull } from './raw-values.js';
import { lockSessions } from './session-locks.js';
import { sql } from './sql.js';
import type { SqlRunner } from './sql-runner.js';
import type { HookMark } from './store.js';

/**
 * Applies an agent hook's lifecycle signal in one short transaction. A session the store has
 * not seen yet (the hook fires before the transcript has a line) is created with start = end =
 * the hook's instant, so it shows as active at once; the transcript's records widen it later.
 * A start (or resume) clears a previous hook end: the same session can be resumed.
 */
export async function markSessionByHook(db: SqlRunner, mark: HookMark, now: () => Date): Promise<void> {
  const agentId = agentRowId(mark.host, mark.agentName);
  const id = sessionRowId(mark.agentType, mark.externalId);
  await db.transaction(async (tx) => {
    const at = now();
    await lockSessions(tx, [id]);
    // Writes first: on SQLite the transaction then holds the write lock before any read.
    await insertAgents(tx, [{ id: agentId, type: mark.agentType, name: mark.agentName, host: mark.host }], at);
    await tx.execute(sql`INSERT INTO sessions (id, agent_id, external_id, agent_type, host, started_at, ended_at,
        project_path, ended_by_hook, created_at, updated_at)
      VALUES (${id}, ${agentId}, ${mark.externalId}, ${mark.agentType}, ${mark.host}, ${mark.at}, ${mark.at},
        ${mark.projectPath}, ${mark.ended}, ${at}, ${at})
      ON CONFLICT (id) DO NOTHING`);
    const [stored] = await tx.query(sql`SELECT ended_at, ended_by_hook, project_path FROM sessions WHERE id = ${id}`);
    if (stored === undefined) return;
    const storedEnd = rawDate(stored.ended_at);
    const storedProject = rawStringOrNull(stored.project_path);
    const endedAt = storedEnd.getTime() >= mark.at.getTime() ? storedEnd : mark.at;
    const projectPath = storedProject ?? mark.projectPath;
    if (endedAt === storedEnd && rawBool(stored.ended_by_hook) === mark.ended && projectPath === storedProject) return;
    await tx.execute(sql`UPDATE sessions SET ended_at = ${endedAt}, ended_by_hook = ${mark.ended}, project_path = ${projectPath},
      updated_at = ${at} WHERE id = ${id}`);
  });
}
