import type { DbClient, DbTx } from './db-client.js';
import { recomputeSessions } from './rollup-writer.js';
import { mergeSession, parseModelList, sameMergeable } from './session-merge.js';
import { chunk, joinSql, sql } from './sql.js';
import type {
  ReplicatedSession,
  ReplicatedUsage,
  ReplicationBatch,
  ReplicationCursor,
  StoreDialect,
} from './store.js';
import { dropReplayCopies, planUsage, writeUsage, type UsageRow } from './usage-upsert.js';
import { prismaTxRunner, TRANSACTION_OPTIONS } from './prisma-runner.js';

const LOOKUP_CHUNK = 500;

/**
 * Sessions changed after the cursor, in (updated_at, id) order, with every usage record they
 * own and their agents. Ingest stamps updated_at while holding SQLite's write lock, so a
 * later commit never carries an older stamp and the keyset cursor misses nothing.
 */
export async function changesSince(db: DbClient, cursor: ReplicationCursor | null, limit: number): Promise<ReplicationBatch> {
  const after = cursor === null ? null : new Date(cursor.updatedAt);
  const rows = await db.session.findMany({
    where:
      after === null || cursor === null
        ? {}
        : { OR: [{ updatedAt: { gt: after } }, { updatedAt: after, id: { gt: cursor.id } }] },
    orderBy: [{ updatedAt: 'asc' }, { id: 'asc' }],
    take: limit,
  });
  const sessions: ReplicatedSession[] = rows.map((s) => ({
    id: s.id, agentId: s.agentId, agentType: s.agentType, externalId: s.externalId, host: s.host,
    startedAt: s.startedAt, endedAt: s.endedAt, projectPath: s.projectPath, parentExternalId: s.parentExternalId,
    title: s.title, tokensKnown: s.tokensKnown, activityModels: parseModelList(s.activityModels),
    activityRequestCount: s.activityRequestCount, endedByHook: s.endedByHook, updatedAt: s.updatedAt,
  }));
  const usage: ReplicatedUsage[] = [];
  for (const ids of chunk(sessions.map((s) => s.id), LOOKUP_CHUNK)) {
    const records = await db.usageRecord.findMany({ where: { sessionId: { in: ids } }, orderBy: { id: 'asc' } });
    for (const r of records) {
      usage.push({
        agentType: r.agentType, dedupeKey: r.dedupeKey, sessionId: r.sessionId, rank: r.rank, replayKey: r.replayKey,
        isReplayCopy: r.isReplayCopy, occurredAt: r.occurredAt, model: r.model,
        tokens: {
          input: r.inputTokens, output: r.outputTokens, cacheRead: r.cacheReadTokens,
          cacheWrite5m: r.cacheWrite5mTokens, cacheWrite1h: r.cacheWrite1hTokens, reasoning: r.reasoningTokens,
        },
        speed: r.speed, calculatedCostNanos: r.calculatedCostNanos, recordedCostNanos: r.recordedCostNanos,
        autoCostNanos: r.autoCostNanos, priced: r.priced, sourcePath: r.sourcePath, sourceLine: r.sourceLine,
      });
    }
  }
  const agentIds = [...new Set(sessions.map((s) => s.agentId))];
  const agents = agentIds.length === 0 ? [] : await db.agent.findMany({ where: { id: { in: agentIds } }, select: { id: true, type: true, name: true, host: true } });
  const last = sessions.at(-1);
  return { agents, sessions, usage, next: last === undefined ? null : { updatedAt: last.updatedAt.toISOString(), id: last.id } };
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
        type: 'usage', sessionExternalId: externalIds.get(u.sessionId) ?? u.sessionId, dedupeKey: u.dedupeKey,
        rank: u.rank, replayKey: u.replayKey, isReplayCopy: u.isReplayCopy, occurredAt: u.occurredAt.toISOString(),
        model: u.model, recordedCostUsd: null, speed: u.speed === 'fast' || u.speed === 'standard' ? u.speed : null,
        line: u.sourceLine,
        tokens: {
          input: Number(t.input), output: Number(t.output), cacheRead: Number(t.cacheRead),
          cacheWrite5m: Number(t.cacheWrite5m), cacheWrite1h: Number(t.cacheWrite1h), reasoning: Number(t.reasoning),
        },
      },
    },
  };
}

/** Creates unknown sessions and merges the rest (earliest start, latest end, first non-null). */
async function upsertSessions(tx: DbTx, sessions: readonly ReplicatedSession[], now: Date): Promise<Set<string>> {
  const touched = new Set<string>();
  const stored = new Map(
    (
      await tx.session.findMany({
        where: { id: { in: sessions.map((s) => s.id) } },
        select: {
          id: true, startedAt: true, endedAt: true, projectPath: true, parentExternalId: true, title: true, tokensKnown: true,
          endedByHook: true, activityModels: true, activityRequestCount: true,
        },
      })
    ).map((s) => [s.id, { ...s, activityModels: parseModelList(s.activityModels) }]),
  );
  for (const s of sessions) {
    touched.add(s.id);
    const existing = stored.get(s.id);
    if (existing === undefined) {
      await tx.session.create({
        data: {
          id: s.id, agentId: s.agentId, externalId: s.externalId, agentType: s.agentType, host: s.host,
          startedAt: s.startedAt, endedAt: s.endedAt, projectPath: s.projectPath, parentExternalId: s.parentExternalId,
          title: s.title, tokensKnown: s.tokensKnown, endedByHook: s.endedByHook,
          activityModels: JSON.stringify(s.activityModels), activityRequestCount: s.activityRequestCount,
          costSource: s.tokensKnown ? 'calculated' : 'unknown', createdAt: now, updatedAt: now,
        },
      });
      continue;
    }
    const merged = mergeSession(existing, {
      externalId: s.externalId, firstAt: s.startedAt, lastAt: s.endedAt, projectPath: s.projectPath,
      parentExternalId: s.parentExternalId, title: s.title, tokensKnown: s.tokensKnown,
      activityModels: s.activityModels, activityRequestCount: s.activityRequestCount,
    });
    if (sameMergeable(existing, merged) && existing.endedByHook === s.endedByHook) continue;
    // The pushing store saw the session change last: its hook end (set or cleared) is the news.
    await tx.session.update({ where: { id: s.id }, data: {
        ...merged, activityModels: JSON.stringify(merged.activityModels), endedByHook: s.endedByHook, updatedAt: now,
      },
    });
  }
  return touched;
}

/**
 * Applies a replicated batch in one transaction: agents (insert once), sessions (create or
 * merge), usage records through the same dedupe and replay rules as ingest, then roll-ups of
 * every session touched. Re-applying a batch changes nothing.
 */
export async function applyReplication(db: DbClient, dialect: StoreDialect, batch: ReplicationBatch, clock: () => Date): Promise<void> {
  if (batch.sessions.length === 0) return;
  await db.$transaction(async (tx) => {
    const run = prismaTxRunner(tx, dialect);
    const now = clock();
    if (dialect === 'postgres') {
      // Same per-session lock as ingest: two machines pushing one session serialise on it.
      for (const id of [...new Set(batch.sessions.map((s) => s.id))].sort()) {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${id}, 0))`;
      }
    }
    if (batch.agents.length > 0) {
      await run.execute(sql`INSERT INTO agents (id, type, name, host, created_at)
        VALUES ${joinSql(batch.agents.map((a) => sql`(${a.id}, ${a.type}, ${a.name}, ${a.host}, ${now})`))}
        ON CONFLICT DO NOTHING`);
    }
    const touched = await upsertSessions(tx, batch.sessions, now);
    const externalIds = new Map(batch.sessions.map((s) => [s.id, s.externalId]));
    for (const agentType of new Set(batch.usage.map((u) => u.agentType))) {
      const records = batch.usage.filter((u) => u.agentType === agentType);
      const plan = await planUsage(run, agentType, records.map((u) => toUsageRow(u, externalIds)));
      for (const id of plan.touchedSessionIds) touched.add(id);
      const sourceOf = new Map(records.map((u) => [`${u.sessionId}\u0000${u.dedupeKey}`, u.sourcePath ?? '']));
      const bySource = new Map<string, UsageRow[]>();
      for (const row of plan.toWrite) {
        const source = sourceOf.get(`${row.sessionId}\u0000${row.usage.event.dedupeKey}`) ?? '';
        const list = bySource.get(source) ?? [];
        list.push(row);
        bySource.set(source, list);
      }
      for (const [source, rows] of bySource) await writeUsage(run, agentType, source, rows);
      const replayKeys = records.map((u) => u.replayKey).filter((k): k is string => k !== null);
      const replays = await dropReplayCopies(run, agentType, replayKeys);
      for (const id of replays.sessionIds) touched.add(id);
    }
    await recomputeSessions(run, touched, now);
  }, TRANSACTION_OPTIONS);
}
