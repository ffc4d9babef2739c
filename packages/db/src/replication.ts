import { RECORD_TOKEN_COLUMNS, tokensFrom } from './token-columns.js';
import { rawBigInt, rawBigIntOrNull, rawBool, rawDate, rawInt, rawStringOrNull } from './raw-values.js';
import { recomputeSessions } from './rollup-writer.js';
import { mergeSession, parseModelList, sameMergeable, type MergeableSession } from './session-merge.js';
import { chunk, emptySql, inListSql, sql } from './sql.js';
import type { SqlRunner } from './sql-runner.js';
import type {
  ReplicatedAgent,
  ReplicatedSession,
  ReplicatedUsage,
  ReplicationBatch,
  ReplicationCursor,
} from './store.js';
import { USAGE_FACT_COLUMNS } from './usage-rows.js';
import { insertAgents } from './agent-rows.js';
import { lockSessions } from './session-locks.js';
import { insertReplicatedSessions, updateMergedSessions, type MergedSessionWrite } from './replication-writes.js';
import { dropReplayCopies, planUsage, writeSourcedUsage, type UsageRow } from './usage-upsert.js';

const LOOKUP_CHUNK = 500;

/**
 * Sessions changed after the cursor, in (updated_at, id) order, with every usage record they
 * own and their agents. Ingest stamps updated_at while holding SQLite's write lock, so a
 * later commit never carries an older stamp and the keyset cursor misses nothing.
 */
export async function changesSince(
  db: SqlRunner,
  cursor: ReplicationCursor | null,
  limit: number,
): Promise<ReplicationBatch> {
  const after = cursor === null ? null : new Date(cursor.updatedAt);
  const keyset =
    after === null || cursor === null
      ? emptySql
      : sql`WHERE s.updated_at >= ${after} AND (s.updated_at > ${after} OR s.id > ${cursor.id})`;
  const rows =
    await db.query(sql`SELECT s.id, s.agent_id, s.agent_type, s.external_id, s.host, s.started_at, s.ended_at,
      s.project_path, s.parent_external_id, s.title, s.tokens_known, s.activity_models, s.activity_request_count,
      s.ended_by_hook, s.updated_at
    FROM sessions s ${keyset} ORDER BY s.updated_at, s.id LIMIT ${limit}`);
  const sessions: ReplicatedSession[] = rows.map((s) => ({
    id: String(s.id),
    agentId: String(s.agent_id),
    agentType: String(s.agent_type),
    externalId: String(s.external_id),
    host: String(s.host),
    startedAt: rawDate(s.started_at),
    endedAt: rawDate(s.ended_at),
    projectPath: rawStringOrNull(s.project_path),
    parentExternalId: rawStringOrNull(s.parent_external_id),
    title: rawStringOrNull(s.title),
    tokensKnown: rawBool(s.tokens_known),
    activityModels: parseModelList(String(s.activity_models)),
    activityRequestCount: rawInt(s.activity_request_count),
    endedByHook: rawBool(s.ended_by_hook),
    updatedAt: rawDate(s.updated_at),
  }));
  const usage: ReplicatedUsage[] = [];
  for (const ids of chunk(
    sessions.map((s) => s.id),
    LOOKUP_CHUNK,
  )) {
    const records =
      await db.query(sql`SELECT u.id, u.agent_type, u.dedupe_key, u.session_id, u.rank, u.replay_key, u.is_replay_copy,
        ${USAGE_FACT_COLUMNS}, u.source_path, u.source_line
      FROM usage_records u WHERE ${inListSql(sql`u.session_id`, ids)} ORDER BY u.id`);
    for (const r of records) {
      usage.push({
        agentType: String(r.agent_type),
        dedupeKey: String(r.dedupe_key),
        sessionId: String(r.session_id),
        rank: Number(r.rank),
        replayKey: rawStringOrNull(r.replay_key),
        isReplayCopy: rawBool(r.is_replay_copy),
        occurredAt: rawDate(r.occurred_at),
        model: rawStringOrNull(r.model),
        tokens: tokensFrom(r, RECORD_TOKEN_COLUMNS, rawBigInt),
        speed: rawStringOrNull(r.speed),
        calculatedCostNanos: rawBigInt(r.calculated_cost_nanos),
        recordedCostNanos: rawBigIntOrNull(r.recorded_cost_nanos),
        autoCostNanos: rawBigInt(r.auto_cost_nanos),
        priced: rawBool(r.priced),
        sourcePath: rawStringOrNull(r.source_path),
        sourceLine: r.source_line === null || r.source_line === undefined ? null : rawInt(r.source_line),
        requestCount: r.request_count === null || r.request_count === undefined ? null : rawInt(r.request_count),
        premiumRequestMicros: rawBigIntOrNull(r.premium_request_micros),
        nanoAiu: rawBigIntOrNull(r.nano_aiu),
      });
    }
  }
  const agentIds = [...new Set(sessions.map((s) => s.agentId))];
  const agents: ReplicatedAgent[] = [];
  for (const ids of chunk(agentIds, LOOKUP_CHUNK)) {
    for (const a of await db.query(sql`SELECT id, type, name, host FROM agents WHERE ${inListSql(sql`id`, ids)}`)) {
      agents.push({ id: String(a.id), type: String(a.type), name: String(a.name), host: String(a.host) });
    }
  }
  const last = sessions.at(-1);
  return {
    agents,
    sessions,
    usage,
    next: last === undefined ? null : { updatedAt: last.updatedAt.toISOString(), id: last.id },
  };
}

/** A replicated record in the shape the ingest path plans and writes (tokens fit in a double). */
function toUsageRow(u: ReplicatedUsage, externalIds: Map<string, string>): UsageRow {
  const t = u.tokens;
  return {
    sessionId: u.sessionId,
    occurredAt: u.occurredAt,
    usage: {
      calculatedCostNanos: u.calculatedCostNanos,
      recordedCostNanos: u.recordedCostNanos,
      priced: u.priced,
      event: {
        type: 'usage',
        sessionExternalId: externalIds.get(u.sessionId) ?? u.sessionId,
        dedupeKey: u.dedupeKey,
        rank: u.rank,
        replayKey: u.replayKey,
        isReplayCopy: u.isReplayCopy,
        occurredAt: u.occurredAt.toISOString(),
        model: u.model,
        recordedCostUsd: null,
        speed: u.speed === 'fast' || u.speed === 'standard' ? u.speed : null,
        line: u.sourceLine,
        requestCount: u.requestCount,
        // Millionths and nano-AIU back to the agent's numbers (exact below 2^53).
        premiumRequests: u.premiumRequestMicros === null ? null : Number(u.premiumRequestMicros) / 1e6,
        nanoAiu: u.nanoAiu === null ? null : Number(u.nanoAiu),
        tokens: {
          input: Number(t.input),
          output: Number(t.output),
          cacheRead: Number(t.cacheRead),
          cacheWrite5m: Number(t.cacheWrite5m),
          cacheWrite1h: Number(t.cacheWrite1h),
          reasoning: Number(t.reasoning),
        },
      },
    },
  };
}

/** Creates unknown sessions and merges the rest (earliest start, latest end, first non-null). */
async function upsertSessions(tx: SqlRunner, sessions: readonly ReplicatedSession[], now: Date): Promise<Set<string>> {
  const touched = new Set<string>();
  const stored = new Map<string, MergeableSession & { endedByHook: boolean }>();
  for (const ids of chunk(
    sessions.map((s) => s.id),
    LOOKUP_CHUNK,
  )) {
    const rows =
      await tx.query(sql`SELECT id, started_at, ended_at, project_path, parent_external_id, title, tokens_known,
        ended_by_hook, activity_models, activity_request_count
      FROM sessions WHERE ${inListSql(sql`id`, ids)}`);
    for (const r of rows) {
      stored.set(String(r.id), {
        startedAt: rawDate(r.started_at),
        endedAt: rawDate(r.ended_at),
        projectPath: rawStringOrNull(r.project_path),
        parentExternalId: rawStringOrNull(r.parent_external_id),
        title: rawStringOrNull(r.title),
        tokensKnown: rawBool(r.tokens_known),
        endedByHook: rawBool(r.ended_by_hook),
        activityModels: parseModelList(String(r.activity_models)),
        activityRequestCount: rawInt(r.activity_request_count),
      });
    }
  }
  const created: ReplicatedSession[] = [];
  const updates: MergedSessionWrite[] = [];
  for (const s of sessions) {
    touched.add(s.id);
    const existing = stored.get(s.id);
    if (existing === undefined) {
      created.push(s);
      continue;
    }
    const merged = mergeSession(existing, {
      externalId: s.externalId,
      firstAt: s.startedAt,
      lastAt: s.endedAt,
      projectPath: s.projectPath,
      parentExternalId: s.parentExternalId,
      title: s.title,
      tokensKnown: s.tokensKnown,
      activityModels: s.activityModels,
      activityRequestCount: s.activityRequestCount,
    });
    if (sameMergeable(existing, merged) && existing.endedByHook === s.endedByHook) continue;
    // The pushing store saw the session change last: its hook end (set or cleared) is the news.
    updates.push({ id: s.id, merged, endedByHook: s.endedByHook });
  }
  await insertReplicatedSessions(tx, created, now);
  await updateMergedSessions(tx, updates, now);
  return touched;
}

/**
 * Applies a replicated batch in one transaction: agents (insert once), sessions (create or
 * merge), usage records through the same dedupe and replay rules as ingest, then roll-ups of
 * every session touched. Re-applying a batch changes nothing.
 */
export async function applyReplication(db: SqlRunner, batch: ReplicationBatch, clock: () => Date): Promise<void> {
  if (batch.sessions.length === 0) return;
  await db.transaction(async (run) => {
    const now = clock();
    // Same per-session lock as ingest: two machines pushing one session serialise on it.
    await lockSessions(
      run,
      batch.sessions.map((s) => s.id),
    );
    await insertAgents(run, batch.agents, now);
    const touched = await upsertSessions(run, batch.sessions, now);
    const externalIds = new Map(batch.sessions.map((s) => [s.id, s.externalId]));
    for (const agentType of new Set(batch.usage.map((u) => u.agentType))) {
      const records = batch.usage.filter((u) => u.agentType === agentType);
      const plan = await planUsage(
        run,
        agentType,
        records.map((u) => toUsageRow(u, externalIds)),
      );
      for (const id of plan.touchedSessionIds) touched.add(id);
      const sourceOf = new Map(records.map((u) => [`${u.sessionId}\u0000${u.dedupeKey}`, u.sourcePath ?? '']));
      const rows = plan.toWrite.map((row) => ({
        ...row,
        sourcePath: sourceOf.get(`${row.sessionId}\u0000${row.usage.event.dedupeKey}`) ?? '',
      }));
      await writeSourcedUsage(run, agentType, rows);
      const replayKeys = records.map((u) => u.replayKey).filter((k): k is string => k !== null);
      const replays = await dropReplayCopies(run, agentType, replayKeys);
      for (const id of replays.sessionIds) touched.add(id);
    }
    await recomputeSessions(run, touched, now);
  });
}
