import { listAgents } from '../agent-queries.js';
import type { SqlRunner } from '../sql-runner.js';
import type { AgentRepository } from '../store.js';

/** The `agents` table: rows are written by ingest, hooks and replication. */
export class SqlAgentRepository implements AgentRepository {
  constructor(private readonly sql: SqlRunner) {}

  list() {
    return listAgents(this.sql);
  }
}
