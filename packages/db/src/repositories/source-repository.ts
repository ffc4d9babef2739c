import type { AgentType } from '@rimuru/core';
import { getCheckpoint, listCheckpoints } from '../checkpoints.js';
import { diagnosticCountsByAgent } from '../source-diagnostics.js';
import type { SqlRunner } from '../sql-runner.js';
import type { SourceRepository } from '../store.js';

/** The `source_files` table: checkpoints are written by ingest (see ingest.ts). */
export class SqlSourceRepository implements SourceRepository {
  constructor(private readonly sql: SqlRunner) {}

  checkpoint(agentType: AgentType, path: string) {
    return getCheckpoint(this.sql, agentType, path);
  }

  checkpoints(agentType?: AgentType) {
    return listCheckpoints(this.sql, agentType);
  }

  diagnosticCounts() {
    return diagnosticCountsByAgent(this.sql);
  }
}
