import {
  beats,
  isDroppedReplay,
  noteReplayOriginal,
  premiumRequestMicros,
  type AgentType,
  type CopyOrder,
  type ReplayOriginals,
} from '@rimuru/core';
import type { AgentKeys } from './ingest-memory.js';
import type { SqlRunner } from './sql-runner.js';
import { rawDate, rawInt } from './raw-values.js';
import { dropReplayCopiesPg } from './pg-replay-drop.js';
import { upsertUsageUnnest } from './pg-usage-upsert.js';
import { chunk, joinSql, sql, Sql } from './sql.js';
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
  /** For each row of toWrite: the session that owned the stored copy it replaces, null when it is new. */
  replacing: (string | null)[];
  inserted: number;
  replaced: number;
  ignored: number;
  /** Incoming replay copies skipped because their original is known. */
  replaysSkipped: number;
  /** Sessions whose records changed: new owners and owners a record moved away from. */
  touchedSessionIds: Set<string>;
}

/**
 * Rows per upsert statement (24 parameters a row). On SQLite, replaying the 48 320 records of a
 * 269 MiB first import in 16 000-row transactions cost 911 ms of CPU at 32 rows a statement,
 * 1 265 ms at 400 and 1 519 ms at 128 (min of 10 interleaved runs; perf puts the difference
 * in malloc and page faults of the driver's per-statement parameter buffers). PostgreSQL pays a
 * round trip per statement instead, so it keeps large ones.
 */
const ROWS_PER_STATEMENT = { sqlite: 32, postgres: 400 } as const;
const LOOKUP_CHUNK = 500;

const orderOf = (row: UsageRow): CopyOrder => ({
  rank: row.usage.event.rank,
  occurredAt: row.occurredAt,
  sessionId: row.sessionId,
});

/** Among copies with one dedupe key in a batch, the winner by `beats`. */
function dedupeBatch(rows: readonly UsageRow[]): { kept: UsageRow[]; dropped: number } {
  const byKey = new Map<string, UsageRow>();
  for (const row of rows) {
    const current = byKey.get(row.usage.event.dedupeKey);
    if (current === undefined || beats(orderOf(row), orderOf(current))) byKey.set(row.usage.event.dedupeKey, row);
  }
  return { kept: [...byKey.values()], dropped: rows.length - byKey.size };
}

/**
 * Core's replay rule applied to incoming copies before anything is written: a replay copy whose
 * replay key already has an original (another dedupe key, not a replay) in the batch or the
 * store is never stored, so it cannot create a session of its own. Stored copies that meet
 * their original later are removed by dropReplayCopies.
 */
async function skipKnownReplays(
  tx: SqlRunner,
  agentType: AgentType,
  rows: UsageRow[],
  keys: AgentKeys | null,
): Promise<{ kept: UsageRow[]; skipped: number }> {
  const originals: ReplayOriginals = new Map();
  for (const { usage } of rows) noteReplayOriginal(originals, usage.event);
  const replayKeys = [
    ...new Set(
      rows
        .filter((r) => r.usage.event.isReplayCopy && r.usage.event.replayKey !== null)
        .map((r) => r.usage.event.replayKey as string),
    ),
  ];
  // Where the store held none of this agent's records before this import, only keys it wrote can be there.
  const stored = keys === null ? replayKeys : replayKeys.filter((k) => keys.originals.mayHold(k));
  for (const part of chunk(stored, LOOKUP_CHUNK)) {
    const found = await tx.query<{ replay_key: string | null; dedupe_key: string }>(sql`SELECT replay_key, dedupe_key
      FROM usage_records WHERE agent_type = ${agentType} AND is_replay_copy = ${false} AND replay_key IN (${joinSql(part)})`);
    for (const f of found)
      noteReplayOriginal(originals, { replayKey: f.replay_key, dedupeKey: f.dedupe_key, isReplayCopy: false });
  }
  const hasOriginal = (r: UsageRow) => isDroppedReplay(r.usage.event, originals);
  const kept = rows.filter((r) => !hasOriginal(r));
  return { kept, skipped: rows.length - kept.length };
}

/**
 * Classifies a batch's usage records against the stored ones: new keys insert, a stored copy
 * is replaced only by a larger rank (possibly moving the record to another session, so both
 * sessions are touched), anything else is ignored and not written at all. With `keys` (the
 * store held none of this agent type's records when the import began), only keys the import
 * may have written are looked up: any other one cannot be stored.
 */
export async function planUsage(
  tx: SqlRunner,
  agentType: AgentType,
  rows: readonly UsageRow[],
  keys: AgentKeys | null = null,
): Promise<UsagePlan> {
  const deduped = dedupeBatch(rows);
  const { kept, skipped } = await skipKnownReplays(tx, agentType, deduped.kept, keys);
  const result: UsagePlan = {
    toWrite: [],
    replacing: [],
    inserted: 0,
    replaced: 0,
    ignored: deduped.dropped,
    replaysSkipped: skipped,
    touchedSessionIds: new Set(),
  };
  const stored = new Map<string, CopyOrder>();
  const candidates = kept.map((r) => r.usage.event.dedupeKey);
  const lookups = keys === null ? candidates : candidates.filter((k) => keys.dedupe.mayHold(k));
  // PostgreSQL takes the keys as one array parameter: one statement per batch, nothing to parse per key.
  const postgres = tx.dialect === 'postgres';
  for (const part of chunk(lookups, postgres ? 20_000 : LOOKUP_CHUNK)) {
    const match = postgres ? sql`dedupe_key = ANY(${part}::text[])` : sql`dedupe_key IN (${joinSql(part)})`;
    const found = await tx.query<Record<string, unknown>>(sql`SELECT dedupe_key, rank, session_id, occurred_at
      FROM usage_records WHERE agent_type = ${agentType} AND ${match}`);
    for (const f of found) {
      stored.set(String(f.dedupe_key), {
        rank: rawInt(f.rank),
        sessionId: String(f.session_id),
        occurredAt: rawDate(f.occurred_at),
      });
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
    result.replacing.push(previous === undefined ? null : previous.sessionId);
  }
  return result;
}

const USAGE_COLUMNS = `agent_type, dedupe_key, session_id, rank, replay_key, is_replay_copy,
    occurred_at, model, input_tokens, output_tokens, cache_read_tokens, cache_write_5m_tokens,
    cache_write_1h_tokens, reasoning_tokens, speed, calculated_cost_nanos, recorded_cost_nanos,
    auto_cost_nanos, priced, source_path, source_line, request_count, premium_request_micros, nano_aiu`;

const VALUES_PER_ROW = 24;

const UPSERT_TAIL = `
  ON CONFLICT (agent_type, dedupe_key) DO UPDATE SET
    session_id = excluded.session_id, rank = excluded.rank, replay_key = excluded.replay_key,
    is_replay_copy = excluded.is_replay_copy, occurred_at = excluded.occurred_at, model = excluded.model,
    input_tokens = excluded.input_tokens, output_tokens = excluded.output_tokens,
    cache_read_tokens = excluded.cache_read_tokens, cache_write_5m_tokens = excluded.cache_write_5m_tokens,
    cache_write_1h_tokens = excluded.cache_write_1h_tokens, reasoning_tokens = excluded.reasoning_tokens,
    speed = excluded.speed, calculated_cost_nanos = excluded.calculated_cost_nanos,
    recorded_cost_nanos = excluded.recorded_cost_nanos, auto_cost_nanos = excluded.auto_cost_nanos,
    priced = excluded.priced, source_path = excluded.source_path, source_line = excluded.source_line,
    request_count = excluded.request_count, premium_request_micros = excluded.premium_request_micros,
    nano_aiu = excluded.nano_aiu
  WHERE excluded.rank > usage_records.rank
    OR (excluded.rank = usage_records.rank AND (excluded.occurred_at < usage_records.occurred_at
      OR (excluded.occurred_at = usage_records.occurred_at AND excluded.session_id < usage_records.session_id)))`;

/**
 * A statement whose texts were built once, with its values as given: the tag's getters would
 * rebuild several kilobytes of text per call, and its constructor would copy every value.
 * It has the tag's shape, so the runners take it as one.
 */
class PrebuiltSql {
  constructor(
    readonly strings: string[],
    readonly values: unknown[],
    private readonly texts: { sql: string; text: string },
  ) {}

  get sql(): string {
    return this.texts.sql;
  }

  get text(): string {
    return this.texts.text;
  }

  get statement(): string {
    return new Sql(this.strings, this.values).statement;
  }

  inspect(): { sql: string; statement: string; text: string; values: unknown[] } {
    return { sql: this.sql, statement: this.statement, text: this.text, values: this.values };
  }
}

interface UpsertShape {
  strings: string[];
  texts: { sql: string; text: string };
}

const upsertShapes = new Map<number, UpsertShape>();

/** The upsert of `rows` rows: the same text for every statement of that size (prepared once by the runner). */
function upsertShape(rows: number): UpsertShape {
  let shape = upsertShapes.get(rows);
  if (shape === undefined) {
    const values = rows * VALUES_PER_ROW;
    const strings = new Array<string>(values + 1).fill(', ');
    for (let r = 0; r < rows; r += 1)
      strings[r * VALUES_PER_ROW] = r === 0 ? `INSERT INTO usage_records (${USAGE_COLUMNS})\n  VALUES (` : '), (';
    strings[values] = `)${UPSERT_TAIL}`;
    const probe = new Sql(strings, new Array(values).fill(null));
    shape = { strings, texts: { sql: probe.sql, text: probe.text } };
    upsertShapes.set(rows, shape);
  }
  return shape;
}

/**
 * Statement sizes for `count` rows, in order: full statements, then the rest in powers of two,
 * so that a whole import uses a handful of statement texts instead of one per batch size.
 */
function statementSizes(count: number, full: number): number[] {
  const sizes: number[] = [];
  let left = count;
  for (; left >= full; left -= full) sizes.push(full);
  for (let size = 2 ** Math.floor(Math.log2(full - 1)); size >= 1; size /= 2) {
    if (left >= size) {
      sizes.push(size);
      left -= size;
    }
  }
  return sizes;
}

/** One row's values in USAGE_COLUMNS order, put into `values` from index `v`; returns the next index. */
function putUsageValues(values: unknown[], v: number, agentType: AgentType, sourcePath: string, row: UsageRow): number {
  const { event, calculatedCostNanos, recordedCostNanos, priced } = row.usage;
  const t = event.tokens;
  values[v++] = agentType;
  values[v++] = event.dedupeKey;
  values[v++] = row.sessionId;
  values[v++] = event.rank;
  values[v++] = event.replayKey;
  values[v++] = event.isReplayCopy;
  values[v++] = row.occurredAt;
  values[v++] = event.model;
  values[v++] = BigInt(t.input);
  values[v++] = BigInt(t.output);
  values[v++] = BigInt(t.cacheRead);
  values[v++] = BigInt(t.cacheWrite5m);
  values[v++] = BigInt(t.cacheWrite1h);
  values[v++] = BigInt(t.reasoning);
  values[v++] = event.speed;
  values[v++] = calculatedCostNanos;
  values[v++] = recordedCostNanos;
  values[v++] = recordedCostNanos ?? calculatedCostNanos;
  values[v++] = priced;
  values[v++] = sourcePath;
  values[v++] = event.line;
  // Absent = one request (most agents); null = a sum of an unknown number.
  values[v++] = event.requestCount === undefined ? 1 : event.requestCount;
  values[v++] =
    event.premiumRequests === undefined || event.premiumRequests === null
      ? null
      : premiumRequestMicros(event.premiumRequests);
  values[v++] = event.nanoAiu === undefined || event.nanoAiu === null ? null : BigInt(Math.round(event.nanoAiu));
  return v;
}

/** A planned row with the file its copy was read from (a replicated batch mixes many files). */
export interface SourcedUsageRow extends UsageRow {
  sourcePath: string;
}

/**
 * Writes planned rows with multi-row upserts. The statement itself enforces the order of
 * `beats` (ON CONFLICT … WHERE), so a concurrent writer can never make a losing copy win.
 */
export async function writeUsage(
  tx: SqlRunner,
  agentType: AgentType,
  sourcePath: string,
  rows: readonly UsageRow[],
): Promise<void> {
  await writeSourcedUsage(
    tx,
    agentType,
    rows.map((row) => ({ ...row, sourcePath })),
  );
}

/** writeUsage for rows of many source files: on PostgreSQL one unnest upsert (pg-usage-upsert.ts). */
export async function writeSourcedUsage(
  tx: SqlRunner,
  agentType: AgentType,
  rows: readonly SourcedUsageRow[],
): Promise<void> {
  if (tx.dialect === 'postgres') {
    const values = new Array<unknown>(rows.length * VALUES_PER_ROW);
    let v = 0;
    for (const row of rows) v = putUsageValues(values, v, agentType, row.sourcePath, row);
    await upsertUsageUnnest(tx, USAGE_COLUMNS, VALUES_PER_ROW, values, UPSERT_TAIL);
    return;
  }
  let at = 0;
  for (const size of statementSizes(rows.length, ROWS_PER_STATEMENT[tx.dialect])) {
    const shape = upsertShape(size);
    const values = new Array<unknown>(size * VALUES_PER_ROW);
    let v = 0;
    for (let r = at; r < at + size; r += 1) v = putUsageValues(values, v, agentType, rows[r]!.sourcePath, rows[r]!);
    at += size;
    await tx.execute(new PrebuiltSql(shape.strings, values, shape.texts));
  }
}

/**
 * Core's replay rule (`isDroppedReplay`) for stored copies, in SQL: a copy flagged as a replay
 * is deleted once a non-replay record with the same replay key and another dedupe key exists.
 * Returns the sessions that lost records.
 */
export async function dropReplayCopies(
  tx: SqlRunner,
  agentType: AgentType,
  replayKeys: readonly string[],
  keys: AgentKeys | null = null,
): Promise<{ dropped: number; sessionIds: Set<string> }> {
  const sessionIds = new Set<string>();
  let dropped = 0;
  // With `keys`, a copy can only be stored where the import wrote one.
  const candidates = [...new Set(replayKeys)].filter((k) => keys === null || keys.copies.mayHold(k));
  if (tx.dialect === 'postgres') return dropReplayCopiesPg(tx, agentType, candidates);
  for (const part of chunk(candidates, LOOKUP_CHUNK)) {
    const rows = await tx.query<{ session_id: string }>(sql`DELETE FROM usage_records
      WHERE agent_type = ${agentType} AND is_replay_copy = ${true} AND replay_key IN (${joinSql(part)})
        AND EXISTS (SELECT 1 FROM usage_records o
          WHERE o.agent_type = usage_records.agent_type AND o.replay_key = usage_records.replay_key
            AND o.is_replay_copy = ${false} AND o.dedupe_key <> usage_records.dedupe_key)
      RETURNING session_id`);
    dropped += rows.length;
    for (const row of rows) sessionIds.add(String(row.session_id));
  }
  return { dropped, sessionIds };
}
