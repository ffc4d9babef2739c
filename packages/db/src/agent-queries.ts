import { rawDateOrNull, rawInt } from './raw-values.js';
import { sql } from './sql.js';
import type { SqlRunner } from './sql-runner.js';
import type { AgentRow } from './store.js';

/**
 * Every agent row with its session count and last activity, by type, name, host: one grouped
 * query (sessions are counted through their agent_id index, never loaded).
 */
export async function listAgents(db: SqlRunner): Promise<AgentRow[]> {
  const rows = await db.query(sql`SELECT a.id, a.type, a.name, a.host, COALESCE(s.n, 0) AS session_count, s.last_at
    FROM agents a
    LEFT JOIN (SELECT agent_id, COUNT(*) AS n, MAX(ended_at) AS last_at FROM sessions GROUP BY agent_id) s ON s.agent_id = a.id
    ORDER BY a.type, a.name, a.host`);
  return rows.map((r) => ({
    id: String(r.id),
    type: String(r.type),
    name: String(r.name),
    host: String(r.host),
    sessionCount: rawInt(r.session_count),
    lastActivityAt: rawDateOrNull(r.last_at),
  }));
}
