import type { AgentType } from '@rimuru/core';
import type { SqlRunner } from './sql-runner.js';
import { sessionIdOf } from './session-id-memo.js';
import type { IngestMemory } from './ingest-memory.js';
import type { StoredSessionRow } from './rollup-writer.js';
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

/** A just-inserted session as storedSessions reads it: the facts, and every roll-up column at its default. */
function insertedRow(id: string, f: SessionFacts): StoredSessionRow {
  return {
    id,
    startedAt: f.firstAt,
    endedAt: f.lastAt,
    tokensKnown: f.tokensKnown,
    totalInputTokens: null,
    totalOutputTokens: null,
    cacheReadTokens: null,
    cacheWrite5mTokens: null,
    cacheWrite1hTokens: null,
    reasoningTokens: null,
    models: '[]',
    modelName: null,
    requestCount: 0,
    usageCount: 0,
    unpricedRequestCount: 0,
    calculatedCostNanos: 0n,
    recordedCostNanos: null,
    autoCostNanos: 0n,
    costUsd: '0',
    costSource: f.tokensKnown ? 'calculated' : 'unknown',
    projectPath: f.projectPath,
    parentExternalId: f.parentExternalId,
    title: f.title,
    activityModels: JSON.stringify(f.activityModels),
    activityRequestCount: f.activityRequestCount,
  };
}

/**
 * Creates the sessions of `facts` that do not exist yet, several per statement, and returns
 * their ids. Existing ones are left alone (ON CONFLICT DO NOTHING): the roll-up merges the
 * batch's facts into them. Roll-up columns keep their defaults until the roll-up writes them.
 * Sessions `memory` knows exist are not sent at all; the ones created join it, with no records.
 */
export async function insertNewSessions(
  tx: SqlRunner,
  ctx: NewSessionContext,
  facts: Iterable<SessionFacts>,
  memory: IngestMemory | null = null,
): Promise<Set<string>> {
  const created = new Set<string>();
  const wanted = [...facts]
    .map((f) => ({ id: sessionIdOf(ctx.agentType, f.externalId), f }))
    .filter(({ id }) => memory?.session(id) === undefined);
  for (const part of chunk(wanted, ROWS_PER_STATEMENT)) {
    const values = part.map(
      ({ id, f }) => sql`(${id}, ${ctx.agentId}, ${f.externalId}, ${ctx.agentType}, ${ctx.host},
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
    if (memory !== null)
      for (const { id, f } of part)
        if (created.has(id)) memory.setSession(id, { row: insertedRow(id, f), groups: new Map() });
  }
  return created;
}
