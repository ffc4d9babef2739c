import type { AgentType } from '@rimuru/core';
import type { SqlRunner } from './sql-runner.js';
import { sessionRowId } from './ids.js';
import type { SessionFacts } from './session-merge.js';
import { chunk, joinSql, sql } from './sql.js';

/** 16 parameters a row: far below SQLite's 32766-parameter limit. */
const ROWS_PER_STATEMENT = 500;

export interface NewSessionContext {
  agentType: AgentType;
  host: string;
  agentId: string;
  now: Date;
}

/**
 * Creates the sessions of `facts` that do not exist yet, several per statement, and returns
 * their ids. Existing ones are left alone (ON CONFLICT DO NOTHING): the roll-up merges the
 * batch's facts into them. Roll-up columns keep their defaults until the roll-up writes them.
 */
export async function insertNewSessions(tx: SqlRunner, ctx: NewSessionContext, facts: Iterable<SessionFacts>): Promise<Set<string>> {
  const created = new Set<string>();
  for (const part of chunk([...facts], ROWS_PER_STATEMENT)) {
    const values = part.map(
      (f) => sql`(${sessionRowId(ctx.agentType, f.externalId)}, ${ctx.agentId}, ${f.externalId}, ${ctx.agentType}, ${ctx.host},
        ${f.firstAt}, ${f.lastAt}, ${f.projectPath}, ${f.parentExternalId}, ${f.title}, ${f.tokensKnown},
        ${JSON.stringify(f.activityModels)}, ${f.activityRequestCount}, ${f.tokensKnown ? 'calculated' : 'unknown'},
        ${ctx.now}, ${ctx.now})`,
    );
    const rows = await tx.query<{ id: unknown }>(sql`INSERT INTO sessions (id, agent_id, external_id, agent_type, host,
        started_at, ended_at, project_path, parent_external_id, title, tokens_known, activity_models,
        activity_request_count, cost_source, created_at, updated_at)
      VALUES ${joinSql(values)}
      ON CONFLICT DO NOTHING
      RETURNING id`);
    for (const row of rows) created.add(String(row.id));
  }
  return created;
}
