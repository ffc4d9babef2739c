import { joinSql, sql } from './sql.js';
import type { SqlRunner } from './sql-runner.js';

export interface AgentRow {
  id: string;
  type: string;
  name: string;
  host: string;
}

/** Creates the agents not stored yet (an agent row never changes once written). */
export async function insertAgents(tx: SqlRunner, agents: readonly AgentRow[], now: Date): Promise<void> {
  if (agents.length === 0) return;
  await tx.execute(sql`INSERT INTO agents (id, type, name, host, created_at)
    VALUES ${joinSql(agents.map((a) => sql`(${a.id}, ${a.type}, ${a.name}, ${a.host}, ${now})`))}
    ON CONFLICT DO NOTHING`);
}
