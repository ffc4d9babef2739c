import type { DbClient, DbTx } from './db-client.js';
import { agentRowId, sessionRowId } from './ids.js';
import { parseInstant } from './instant.js';
import { recomputeSessions } from './rollup-writer.js';
import { addUsageInstant, foldActivity, mergeSession, parseModelList, sameMergeable, type SessionFacts } from './session-merge.js';
import { chunk } from './sql.js';
import type { IngestBatch, IngestResult, StoreDialect } from './store.js';
import { dropReplayCopies, planUsage, writeUsage, type UsageRow } from './usage-upsert.js';

/** Large first imports write thousands of rows in one transaction; Prisma's 5 s default is too short. */
const TRANSACTION_OPTIONS = { maxWait: 60_000, timeout: 600_000 } as const;

/**
 * PostgreSQL runs transactions concurrently (SQLite's BEGIN IMMEDIATE already serialises
 * writers): two syncs of one session — a watcher and a CLI, or two machines — would both
 * create it, or roll it up from each other's uncommitted records. A transaction-scoped
 * advisory lock per session, taken in sorted order (no deadlocks), serialises them.
 */
async function lockSessions(tx: DbTx, sessionIds: Iterable<string>): Promise<void> {
  for (const id of [...new Set(sessionIds)].sort()) {
    // executeRaw: the function returns `void`, which a typed query result cannot carry.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${id}, 0))`;
  }
}

async function upsertAgent(tx: DbTx, batch: IngestBatch, now: Date): Promise<string> {
  const id = agentRowId(batch.host, batch.agentName);
  // A write first: on SQLite the transaction then holds the write lock before any read.
  await tx.$executeRaw`INSERT INTO agents (id, type, name, host, created_at)
    VALUES (${id}, ${batch.agentType}, ${batch.agentName}, ${batch.host}, ${now}) ON CONFLICT DO NOTHING`;
  return id;
}

/** Creates missing sessions and merges what the batch says into existing ones. */
async function upsertSessions(
  tx: DbTx,
  batch: IngestBatch,
  agentId: string,
  facts: Map<string, SessionFacts>,
  now: Date,
): Promise<Set<string>> {
  const touched = new Set<string>();
  const all = [...facts.values()];
  for (const part of chunk(all, 200)) {
    const ids = part.map((f) => sessionRowId(batch.agentType, f.externalId));
    const stored = new Map(
      (
        await tx.session.findMany({
          where: { id: { in: ids } },
          select: {
            id: true, startedAt: true, endedAt: true, projectPath: true, parentExternalId: true, title: true, tokensKnown: true,
            activityModels: true, activityRequestCount: true,
          },
        })
      ).map((s) => [s.id, s]),
    );
    for (const f of part) {
      const id = sessionRowId(batch.agentType, f.externalId);
      const existing = stored.get(id);
      if (existing === undefined) {
        await tx.session.create({
          data: {
            id, agentId, externalId: f.externalId, agentType: batch.agentType, host: batch.host,
            startedAt: f.firstAt, endedAt: f.lastAt, projectPath: f.projectPath,
            parentExternalId: f.parentExternalId, title: f.title, tokensKnown: f.tokensKnown,
            activityModels: JSON.stringify(f.activityModels), activityRequestCount: f.activityRequestCount,
            costSource: f.tokensKnown ? 'calculated' : 'unknown', createdAt: now, updatedAt: now,
          },
        });
        touched.add(id);
        continue;
      }
      const current = { ...existing, activityModels: parseModelList(existing.activityModels) };
      const merged = mergeSession(current, f);
      if (sameMergeable(current, merged)) continue;
      await tx.session.update({
        where: { id },
        data: { ...merged, activityModels: JSON.stringify(merged.activityModels), updatedAt: now },
      });
      touched.add(id);
    }
  }
  return touched;
}

async function upsertCheckpoint(tx: DbTx, batch: IngestBatch, now: Date): Promise<void> {
  const c = batch.checkpoint;
  const fields = {
    device: c.device, inode: c.inode, size: BigInt(c.size), mtimeMs: c.mtimeMs, headHash: c.headHash,
    headLength: c.headLength, byteOffset: BigInt(c.offset), state: c.state === null ? null : JSON.stringify(c.state),
    updatedAt: now,
  };
  await tx.sourceFile.upsert({
    where: { agentType_path: { agentType: batch.agentType, path: c.path } },
    create: { agentType: batch.agentType, path: c.path, ...fields, diagnosticCount: c.diagnosticCount + batch.diagnosticCount },
    update: { ...fields, diagnosticCount: { increment: batch.diagnosticCount } },
  });
}

/**
 * One checkpointed stretch of one source, atomically: agent, sessions (merged, never
 * replaced by less), usage records (dedupe by rank, replay rule), roll-ups of every session
 * touched, and the source's checkpoint. A crash leaves the store as it was before.
 */
export async function ingestBatch(
  db: DbClient,
  dialect: StoreDialect,
  batch: IngestBatch,
  clock: Date | (() => Date),
): Promise<IngestResult> {
  return db.$transaction(async (tx) => {
    // Read the clock once the write lock is held: on SQLite, updated_at then follows commit
    // order, which is what a team push's (updated_at, id) cursor relies on.
    const now = typeof clock === 'function' ? clock() : clock;
    if (dialect === 'postgres') {
      await lockSessions(tx, [
        ...batch.activity.map((a) => sessionRowId(batch.agentType, a.sessionExternalId)),
        ...batch.usage.map((u) => sessionRowId(batch.agentType, u.event.sessionExternalId)),
      ]);
    }
    const agentId = await upsertAgent(tx, batch, now);
    const rows: UsageRow[] = batch.usage.map((usage) => ({
      usage,
      sessionId: sessionRowId(batch.agentType, usage.event.sessionExternalId),
      occurredAt: parseInstant(usage.event.occurredAt, 'usage'),
    }));
    const plan = await planUsage(tx, batch.agentType, rows);

    const facts = foldActivity(batch.activity);
    for (const row of plan.toWrite) addUsageInstant(facts, row.usage.event.sessionExternalId, row.occurredAt);
    const touched = await upsertSessions(tx, batch, agentId, facts, now);

    await writeUsage(tx, batch.agentType, batch.checkpoint.path, plan.toWrite);
    const replayKeys = rows.map((r) => r.usage.event.replayKey).filter((k): k is string => k !== null);
    const replays = await dropReplayCopies(tx, batch.agentType, replayKeys);

    for (const id of plan.touchedSessionIds) touched.add(id);
    for (const id of replays.sessionIds) touched.add(id);
    await recomputeSessions(tx, touched, now);
    await upsertCheckpoint(tx, batch, now);
    return {
      usageInserted: plan.inserted,
      usageReplaced: plan.replaced,
      usageIgnored: plan.ignored,
      replaysDropped: replays.dropped + plan.replaysSkipped,
      sessionsTouched: touched.size,
    };
  }, TRANSACTION_OPTIONS);
}
