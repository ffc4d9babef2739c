import { insertAgents } from './agent-rows.js';
import { agentRowId } from './ids.js';
import { ingestMemoryOf, type IngestMemory, type WriteCountingRunner } from './ingest-memory.js';
import { parseInstant } from './instant.js';
import { sessionIdOf } from './session-id-memo.js';
import { rollUpSessions } from './rollup-writer.js';
import { lockSessions } from './session-locks.js';
import { addUsageInstant, foldActivity } from './session-merge.js';
import { insertNewSessions } from './session-insert.js';
import type { IngestBatch, IngestResult } from './store.js';
import { dropReplayCopies, planUsage, writeUsage, type UsageRow } from './usage-upsert.js';
import { sql } from './sql.js';
import type { SqlRunner } from './sql-runner.js';

async function upsertAgent(tx: SqlRunner, batch: IngestBatch, now: Date, memory: IngestMemory | null): Promise<string> {
  const id = agentRowId(batch.host, batch.agentName);
  // Known to exist: skipped (only on SQLite, whose BEGIN IMMEDIATE already holds the write lock).
  if (memory?.hasAgent(id)) return id;
  // A write first: on PostgreSQL the transaction then holds its row lock before any read.
  await insertAgents(tx, [{ id, type: batch.agentType, name: batch.agentName, host: batch.host }], now);
  memory?.addAgent(id);
  return id;
}

async function upsertCheckpoint(tx: SqlRunner, batch: IngestBatch, now: Date): Promise<void> {
  const c = batch.checkpoint;
  const fields = {
    device: c.device,
    inode: c.inode,
    size: BigInt(c.size),
    mtimeMs: c.mtimeMs,
    headHash: c.headHash,
    headLength: c.headLength,
    byteOffset: BigInt(c.offset),
    state: c.state === null ? null : JSON.stringify(c.state),
  };
  // Raw SQL: a Prisma upsert costs a query-compiler pass per batch.
  await tx.execute(sql`INSERT INTO source_files (agent_type, path, device, inode, size, mtime_ms, head_hash, head_length,
      byte_offset, state, diagnostic_count, updated_at)
    VALUES (${batch.agentType}, ${c.path}, ${fields.device}, ${fields.inode}, ${fields.size}, ${fields.mtimeMs},
      ${fields.headHash}, ${fields.headLength}, ${fields.byteOffset}, ${fields.state},
      ${c.diagnosticCount + batch.diagnosticCount}, ${now})
    ON CONFLICT (agent_type, path) DO UPDATE SET device = excluded.device, inode = excluded.inode, size = excluded.size,
      mtime_ms = excluded.mtime_ms, head_hash = excluded.head_hash, head_length = excluded.head_length,
      byte_offset = excluded.byte_offset, state = excluded.state, updated_at = excluded.updated_at,
      diagnostic_count = source_files.diagnostic_count + ${batch.diagnosticCount}`);
}

/** Every session a batch writes to, for PostgreSQL's per-session locks. */
function sessionIdsOf(batch: IngestBatch): string[] {
  return [
    ...batch.activity.map((a) => sessionIdOf(batch.agentType, a.sessionExternalId)),
    ...batch.usage.map((u) => sessionIdOf(batch.agentType, u.event.sessionExternalId)),
  ];
}

/**
 * Checkpointed stretches of sources, in order, in ONE transaction: for each, agent, sessions
 * (merged, never replaced by less), usage records (dedupe by rank, replay rule), roll-ups of
 * every session touched, and the source's checkpoint. A crash leaves the store as it was
 * before. Several small stretches in one transaction write each touched index page once
 * instead of once per stretch, which is what makes a first import of thousands of files fast.
 */
export async function ingestBatches(
  db: SqlRunner,
  batches: readonly IngestBatch[],
  clock: Date | (() => Date),
): Promise<IngestResult[]> {
  if (batches.length === 0) return [];
  const memory = ingestMemoryOf(db);
  return db.transaction(async (tx) => {
    // Read the clock once the write lock is held: on SQLite, updated_at then follows commit
    // order, which is what a team push's (updated_at, id) cursor relies on.
    const now = typeof clock === 'function' ? clock() : clock;
    // Before anything is read: the memory is only trusted if nothing else wrote since it last committed.
    if (memory !== null) memory.open(db as WriteCountingRunner);
    // All locks first, in one sorted pass: taking them batch by batch could deadlock with a
    // concurrent writer that meets the same sessions in another order.
    await lockSessions(tx, batches.flatMap(sessionIdsOf));
    const results: IngestResult[] = [];
    for (const batch of batches) results.push(await ingestOne(tx, batch, now, memory));
    if (memory !== null) memory.closing(db as WriteCountingRunner);
    return results;
  });
}

/** One checkpointed stretch of one source, atomically (see ingestBatches). */
export async function ingestBatch(
  db: SqlRunner,
  batch: IngestBatch,
  clock: Date | (() => Date),
): Promise<IngestResult> {
  const [result] = await ingestBatches(db, [batch], clock);
  return result!;
}

async function ingestOne(
  tx: SqlRunner,
  batch: IngestBatch,
  now: Date,
  memory: IngestMemory | null,
): Promise<IngestResult> {
  const agentId = await upsertAgent(tx, batch, now, memory);
  const rows: UsageRow[] = batch.usage.map((usage) => ({
    usage,
    sessionId: sessionIdOf(batch.agentType, usage.event.sessionExternalId),
    occurredAt: parseInstant(usage.event.occurredAt, 'usage'),
  }));
  const keys = memory === null ? null : await memory.keysOf(tx, batch.agentType);
  const plan = await planUsage(tx, batch.agentType, rows, keys);

  const facts = foldActivity(batch.activity);
  for (const row of plan.toWrite) addUsageInstant(facts, row.usage.event.sessionExternalId, row.occurredAt);
  // Sessions exist before their records (foreign key); the roll-up below merges the facts into old ones.
  const created = await insertNewSessions(
    tx,
    { agentType: batch.agentType, host: batch.host, agentId, now },
    facts.values(),
    memory,
  );

  await writeUsage(tx, batch.agentType, batch.checkpoint.path, plan.toWrite);
  memory?.noteWritten(keys, plan.toWrite, plan.replacing);
  const replayKeys = rows.map((r) => r.usage.event.replayKey).filter((k): k is string => k !== null);
  const replays = await dropReplayCopies(tx, batch.agentType, replayKeys, keys);
  for (const id of replays.sessionIds) memory?.forgetGroups(id);

  const factsById = new Map([...facts.values()].map((f) => [sessionIdOf(batch.agentType, f.externalId), f] as const));
  const { touched } = await rollUpSessions(
    tx,
    { facts: factsById, created, usageChanged: [...plan.touchedSessionIds, ...replays.sessionIds] },
    now,
    memory,
  );
  await upsertCheckpoint(tx, batch, now);
  return {
    usageInserted: plan.inserted,
    usageReplaced: plan.replaced,
    usageIgnored: plan.ignored,
    replaysDropped: replays.dropped + plan.replaysSkipped,
    sessionsTouched: touched.size,
  };
}
