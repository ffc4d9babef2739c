import { beats, type AgentType, type CopyOrder } from '@rimuru/core';
import type { SqlRunner } from './sql-runner.js';
import { rawDate, rawInt } from './raw-values.js';
import { chunk, joinSql, sql } from './sql.js';
import type { PricedUsage } from './store.js';

/** A usage record ready to write. */
export interface UsageRow {
  usage: PricedUsage;
  sessionId: string;
  occurredAt: Date;
}

export interface UsagePlan {
  /** Rows that insert or replace (the rest lose to a stored copy or a batch sibling). */
  toWrite: UsageRow[];
  inserted: number;
  replaced: number;
  ignored: number;
  /** Incoming replay copies skipped because their original is known. */
  replaysSkipped: number;
  /** Sessions whose records changed: new owners and owners a record moved away from. */
  touchedSessionIds: Set<string>;
}

/** 21 parameters a row: 400 rows stay far below SQLite's 32766-parameter limit. */
const ROWS_PER_STATEMENT = 400;
const LOOKUP_CHUNK = 500;

const orderOf = (row: UsageRow): CopyOrder => ({ rank: row.usage.event.rank, occurredAt: row.occurredAt, sessionId: row.sessionId });

/** Among copies with one dedupe key in a batch, the winner by `beats`. */
export function dedupeBatch(rows: readonly UsageRow[]): { kept: UsageRow[]; dropped: number } {
  const byKey = new Map<string, UsageRow>();
  for (const row of rows) {
    const current = byKey.get(row.usage.event.dedupeKey);
    if (current === undefined || beats(orderOf(row), orderOf(current))) byKey.set(row.usage.event.dedupeKey, row);
  }
  return { kept: [...byKey.values()], dropped: rows.length - byKey.size };
}

function valuesOf(agentType: AgentType, sourcePath: string, row: UsageRow) {
  const { event, calculatedCostNanos, recordedCostNanos, priced } = row.usage;
  const t = event.tokens;
  return sql`(${agentType}, ${event.dedupeKey}, ${row.sessionId}, ${event.rank}, ${event.replayKey}, ${event.isReplayCopy},
    ${row.occurredAt}, ${event.model}, ${BigInt(t.input)}, ${BigInt(t.output)}, ${BigInt(t.cacheRead)},
    ${BigInt(t.cacheWrite5m)}, ${BigInt(t.cacheWrite1h)}, ${BigInt(t.reasoning)}, ${event.speed},
    ${calculatedCostNanos}, ${recordedCostNanos}, ${recordedCostNanos ?? calculatedCostNanos}, ${priced},
    ${sourcePath}, ${event.line})`;
}

/**
 * The replay rule applied to incoming copies before anything is written: a replay copy whose
 * replay key already has an original (another dedupe key, not a replay) in the batch or the
 * store is never stored, so it cannot create a session of its own. Stored copies that meet
 * their original later are removed by dropReplayCopies.
 */
async function skipKnownReplays(
  tx: SqlRunner,
  agentType: AgentType,
  rows: UsageRow[],
): Promise<{ kept: UsageRow[]; skipped: number }> {
  const originals = new Map<string, Set<string>>();
  const note = (replayKey: string, dedupeKey: string) => originals.set(replayKey, (originals.get(replayKey) ?? new Set()).add(dedupeKey));
  for (const { usage } of rows) if (!usage.event.isReplayCopy && usage.event.replayKey !== null) note(usage.event.replayKey, usage.event.dedupeKey);
  const replayKeys = [...new Set(rows.filter((r) => r.usage.event.isReplayCopy && r.usage.event.replayKey !== null).map((r) => r.usage.event.replayKey as string))];
  for (const keys of chunk(replayKeys, LOOKUP_CHUNK)) {
    const found = await tx.query<{ replay_key: string | null; dedupe_key: string }>(sql`SELECT replay_key, dedupe_key
      FROM usage_records WHERE agent_type = ${agentType} AND is_replay_copy = ${false} AND replay_key IN (${joinSql(keys)})`);
    for (const f of found) if (f.replay_key !== null) note(f.replay_key, f.dedupe_key);
  }
  const hasOriginal = (r: UsageRow) => {
    const { replayKey, dedupeKey, isReplayCopy } = r.usage.event;
    if (!isReplayCopy || replayKey === null) return false;
    return [...(originals.get(replayKey) ?? [])].some((key) => key !== dedupeKey);
  };
  const kept = rows.filter((r) => !hasOriginal(r));
  return { kept, skipped: rows.length - kept.length };
}

/**
 * Classifies a batch's usage records against the stored ones: new keys insert, a stored copy
 * is replaced only by a larger rank (possibly moving the record to another session, so both
 * sessions are touched), anything else is ignored and not written at all.
 */
export async function planUsage(tx: SqlRunner, agentType: AgentType, rows: readonly UsageRow[]): Promise<UsagePlan> {
  const deduped = dedupeBatch(rows);
  const { kept, skipped } = await skipKnownReplays(tx, agentType, deduped.kept);
  const result: UsagePlan = {
    toWrite: [], inserted: 0, replaced: 0, ignored: deduped.dropped, replaysSkipped: skipped, touchedSessionIds: new Set(),
  };
  const stored = new Map<string, CopyOrder>();
  for (const keys of chunk(kept.map((r) => r.usage.event.dedupeKey), LOOKUP_CHUNK)) {
    // Raw SQL: Prisma's findMany costs a query-compiler pass per batch (see rollup-writer.ts).
    const found = await tx.query<Record<string, unknown>>(sql`SELECT dedupe_key, rank, session_id, occurred_at
      FROM usage_records WHERE agent_type = ${agentType} AND dedupe_key IN (${joinSql(keys)})`);
    for (const f of found) {
      stored.set(String(f.dedupe_key), { rank: rawInt(f.rank), sessionId: String(f.session_id), occurredAt: rawDate(f.occurred_at) });
    }
  }
  for (const row of kept) {
    const previous = stored.get(row.usage.event.dedupeKey);
    if (previous === undefined) {
      result.inserted++;
    } else if (beats(orderOf(row), previous)) {
      result.replaced++;
      result.touchedSessionIds.add(previous.sessionId);
    } else {
      result.ignored++;
      continue;
    }
    result.touchedSessionIds.add(row.sessionId);
    result.toWrite.push(row);
  }
  return result;
}

/**
 * Writes planned rows with multi-row upserts. The statement itself enforces the order of
 * `beats` (ON CONFLICT … WHERE), so a concurrent writer can never make a losing copy win.
 */
export async function writeUsage(tx: SqlRunner, agentType: AgentType, sourcePath: string, rows: readonly UsageRow[]): Promise<void> {
  for (const part of chunk(rows, ROWS_PER_STATEMENT)) {
    await tx.execute(sql`INSERT INTO usage_records (agent_type, dedupe_key, session_id, rank, replay_key, is_replay_copy,
        occurred_at, model, input_tokens, output_tokens, cache_read_tokens, cache_write_5m_tokens,
        cache_write_1h_tokens, reasoning_tokens, speed, calculated_cost_nanos, recorded_cost_nanos,
        auto_cost_nanos, priced, source_path, source_line)
      VALUES ${joinSql(part.map((row) => valuesOf(agentType, sourcePath, row)))}
      ON CONFLICT (agent_type, dedupe_key) DO UPDATE SET
        session_id = excluded.session_id, rank = excluded.rank, replay_key = excluded.replay_key,
        is_replay_copy = excluded.is_replay_copy, occurred_at = excluded.occurred_at, model = excluded.model,
        input_tokens = excluded.input_tokens, output_tokens = excluded.output_tokens,
        cache_read_tokens = excluded.cache_read_tokens, cache_write_5m_tokens = excluded.cache_write_5m_tokens,
        cache_write_1h_tokens = excluded.cache_write_1h_tokens, reasoning_tokens = excluded.reasoning_tokens,
        speed = excluded.speed, calculated_cost_nanos = excluded.calculated_cost_nanos,
        recorded_cost_nanos = excluded.recorded_cost_nanos, auto_cost_nanos = excluded.auto_cost_nanos,
        priced = excluded.priced, source_path = excluded.source_path, source_line = excluded.source_line
      WHERE excluded.rank > usage_records.rank
        OR (excluded.rank = usage_records.rank AND (excluded.occurred_at < usage_records.occurred_at
          OR (excluded.occurred_at = usage_records.occurred_at AND excluded.session_id < usage_records.session_id)))`);
  }
}

/**
 * The replay rule: a copy flagged as a replay is dropped once a non-replay record with the
 * same replay key (and another dedupe key) exists, whichever arrived first. Returns the
 * sessions that lost records.
 */
export async function dropReplayCopies(
  tx: SqlRunner,
  agentType: AgentType,
  replayKeys: readonly string[],
): Promise<{ dropped: number; sessionIds: Set<string> }> {
  const sessionIds = new Set<string>();
  let dropped = 0;
  for (const keys of chunk([...new Set(replayKeys)], LOOKUP_CHUNK)) {
    const rows = await tx.query<{ session_id: string }>(sql`DELETE FROM usage_records
      WHERE agent_type = ${agentType} AND is_replay_copy = ${true} AND replay_key IN (${joinSql(keys)})
        AND EXISTS (SELECT 1 FROM usage_records o
          WHERE o.agent_type = usage_records.agent_type AND o.replay_key = usage_records.replay_key
            AND o.is_replay_copy = ${false} AND o.dedupe_key <> usage_records.dedupe_key)
      RETURNING session_id`);
    dropped += rows.length;
    for (const row of rows) sessionIds.add(String(row.session_id));
  }
  return { dropped, sessionIds };
}
