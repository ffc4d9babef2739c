import { unnestColumns, unnestSql } from './pg-unnest.js';
import type { MergeableSession } from './session-merge.js';
import { sql } from './sql.js';
import type { SqlRunner } from './sql-runner.js';
import type { ReplicatedSession } from './store.js';

/*
 * The statements a replicated batch writes per session, as one statement per batch on
 * PostgreSQL (unnest, see pg-unnest.ts) and one per row on the embedded store, where a
 * statement costs no round trip.
 */

const NEW_SESSION = unnestColumns(
  'id uuid',
  'agent_id uuid',
  'external_id text',
  'agent_type text',
  'host text',
  'started_at timestamptz',
  'ended_at timestamptz',
  'project_path text',
  'parent_external_id text',
  'title text',
  'tokens_known bool',
  'ended_by_hook bool',
  'activity_models text',
  'activity_request_count int4',
  'cost_source text',
  'created_at timestamptz',
  'updated_at timestamptz',
);

/** Creates sessions the server did not know (their figures follow from the roll-up). */
export async function insertReplicatedSessions(
  tx: SqlRunner,
  sessions: readonly ReplicatedSession[],
  now: Date,
): Promise<void> {
  if (sessions.length === 0) return;
  const rows = sessions.map((s) => [
    s.id,
    s.agentId,
    s.externalId,
    s.agentType,
    s.host,
    s.startedAt,
    s.endedAt,
    s.projectPath,
    s.parentExternalId,
    s.title,
    s.tokensKnown,
    s.endedByHook,
    JSON.stringify(s.activityModels),
    s.activityRequestCount,
    s.tokensKnown ? 'calculated' : 'unknown',
    now,
    now,
  ]);
  if (tx.dialect === 'postgres') {
    await tx.execute(sql`INSERT INTO sessions (id, agent_id, external_id, agent_type, host, started_at, ended_at, project_path,
        parent_external_id, title, tokens_known, ended_by_hook, activity_models, activity_request_count, cost_source,
        created_at, updated_at)
      SELECT * FROM ${unnestSql(NEW_SESSION, rows)}`);
    return;
  }
  for (const r of rows) {
    await tx.execute(sql`INSERT INTO sessions (id, agent_id, external_id, agent_type, host, started_at, ended_at, project_path,
        parent_external_id, title, tokens_known, ended_by_hook, activity_models, activity_request_count, cost_source,
        created_at, updated_at)
      VALUES (${r[0]}, ${r[1]}, ${r[2]}, ${r[3]}, ${r[4]}, ${r[5]}, ${r[6]}, ${r[7]}, ${r[8]}, ${r[9]}, ${r[10]}, ${r[11]},
        ${r[12]}, ${r[13]}, ${r[14]}, ${r[15]}, ${r[16]})`);
  }
}

/** A stored session's facts after merging what a push says, and the hook end the pusher saw. */
export interface MergedSessionWrite {
  id: string;
  merged: MergeableSession;
  endedByHook: boolean;
}

const MERGED_SESSION = unnestColumns(
  'id uuid',
  'started_at timestamptz',
  'ended_at timestamptz',
  'project_path text',
  'parent_external_id text',
  'title text',
  'tokens_known bool',
  'activity_models text',
  'activity_request_count int4',
  'ended_by_hook bool',
);

/** Writes merged facts of known sessions. */
export async function updateMergedSessions(
  tx: SqlRunner,
  writes: readonly MergedSessionWrite[],
  now: Date,
): Promise<void> {
  if (writes.length === 0) return;
  if (tx.dialect === 'postgres') {
    const rows = writes.map(({ id, merged: m, endedByHook }) => [
      id,
      m.startedAt,
      m.endedAt,
      m.projectPath,
      m.parentExternalId,
      m.title,
      m.tokensKnown,
      JSON.stringify(m.activityModels),
      m.activityRequestCount,
      endedByHook,
    ]);
    await tx.execute(sql`UPDATE sessions SET started_at = v.started_at, ended_at = v.ended_at, project_path = v.project_path,
        parent_external_id = v.parent_external_id, title = v.title, tokens_known = v.tokens_known,
        activity_models = v.activity_models, activity_request_count = v.activity_request_count,
        ended_by_hook = v.ended_by_hook, updated_at = ${now}
      FROM ${unnestSql(MERGED_SESSION, rows)} WHERE sessions.id = v.id`);
    return;
  }
  for (const { id, merged, endedByHook } of writes) {
    await tx.execute(sql`UPDATE sessions SET started_at = ${merged.startedAt}, ended_at = ${merged.endedAt},
        project_path = ${merged.projectPath}, parent_external_id = ${merged.parentExternalId}, title = ${merged.title},
        tokens_known = ${merged.tokensKnown}, activity_models = ${JSON.stringify(merged.activityModels)},
        activity_request_count = ${merged.activityRequestCount}, ended_by_hook = ${endedByHook}, updated_at = ${now}
      WHERE id = ${id}`);
  }
}
