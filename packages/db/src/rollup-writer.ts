import { SUMMED_TOKEN_COLUMNS, tokensFrom } from './token-columns.js';
import { groupMap, type IngestMemory } from './ingest-memory.js';
import type { SqlRunner } from './sql-runner.js';
import { rawBigInt, rawBigIntOrNull, rawBool, rawDate, rawDateOrNull, rawInt, rawStringOrNull } from './raw-values.js';
import {
  costSourceOf,
  nanosToUsd6,
  rollUpSession,
  SYNTHETIC_MODEL,
  type SessionRollup,
  type UsageGroup,
} from '@rimuru/core';
import { mergeSession, parseModelList, sameMergeable, unionModels, type SessionFacts } from './session-merge.js';
import { unnestColumns, unnestSql } from './pg-unnest.js';
import { chunk, joinSql, sql } from './sql.js';

/*
 * Raw SQL throughout (one text for both dialects): Prisma's model queries cost a query-compiler
 * pass each, which dominated the ingest profile. CAST(… AS BIGINT) keeps sums exact bigint on
 * PostgreSQL (SUM(bigint) is numeric there) and is a no-op on SQLite.
 */

const CHUNK = 200;

/** Sums of usage records per (session, model, priced), typed: exact bigint on both dialects. */
async function usageGroupsBySession(tx: SqlRunner, sessionIds: readonly string[]): Promise<Map<string, UsageGroup[]>> {
  const bySession = new Map<string, UsageGroup[]>();
  for (const ids of chunk(sessionIds, CHUNK)) {
    const groups = await tx.query<Record<string, unknown>>(sql`
      SELECT session_id, model, priced, COUNT(*) AS n,
        CAST(SUM(input_tokens) AS BIGINT) AS input, CAST(SUM(output_tokens) AS BIGINT) AS output,
        CAST(SUM(cache_read_tokens) AS BIGINT) AS cache_read, CAST(SUM(cache_write_5m_tokens) AS BIGINT) AS cache_write_5m,
        CAST(SUM(cache_write_1h_tokens) AS BIGINT) AS cache_write_1h, CAST(SUM(reasoning_tokens) AS BIGINT) AS reasoning,
        CAST(SUM(calculated_cost_nanos) AS BIGINT) AS calculated, CAST(SUM(recorded_cost_nanos) AS BIGINT) AS recorded,
        CAST(SUM(auto_cost_nanos) AS BIGINT) AS auto, MIN(occurred_at) AS first_at, MAX(occurred_at) AS last_at
      FROM usage_records WHERE session_id IN (${joinSql(ids)})
      GROUP BY session_id, model, priced`);
    for (const g of groups) {
      const sessionId = String(g.session_id);
      const list = bySession.get(sessionId) ?? [];
      list.push({
        model: rawStringOrNull(g.model),
        priced: rawBool(g.priced),
        count: rawInt(g.n),
        ...tokensFrom(g, SUMMED_TOKEN_COLUMNS, rawBigInt),
        calculatedCostNanos: rawBigInt(g.calculated),
        recordedCostNanos: rawBigIntOrNull(g.recorded),
        autoCostNanos: rawBigInt(g.auto),
        firstAt: rawDateOrNull(g.first_at),
        lastAt: rawDateOrNull(g.last_at),
      });
      bySession.set(sessionId, list);
    }
  }
  return bySession;
}

interface StoredFacts {
  startedAt: Date;
  endedAt: Date;
  tokensKnown: boolean;
  activityModels: string;
  activityRequestCount: number;
}

/**
 * Models: those of usage records plus those tokenless activity named (Copilot Chat), sorted.
 * The main model is the usage model with most tokens, else the first model the activity named.
 */
function displayModels(rollup: SessionRollup, stored: StoredFacts): { models: string[]; modelName: string | null } {
  const activity = parseModelList(stored.activityModels).filter((m) => m !== SYNTHETIC_MODEL);
  return {
    models: unionModels(rollup.models, activity).sort(),
    modelName: rollup.modelName ?? activity[0] ?? null,
  };
}

function sessionData(rollup: SessionRollup, stored: StoredFacts) {
  const tokensKnown = stored.tokensKnown || rollup.requestCount > 0;
  const tokens = (value: bigint) => (tokensKnown ? value : null);
  const startedAt =
    rollup.firstAt !== null && rollup.firstAt.getTime() < stored.startedAt.getTime()
      ? rollup.firstAt
      : stored.startedAt;
  const endedAt =
    rollup.lastAt !== null && rollup.lastAt.getTime() > stored.endedAt.getTime() ? rollup.lastAt : stored.endedAt;
  const shown = displayModels(rollup, stored);
  return {
    startedAt,
    endedAt,
    tokensKnown,
    totalInputTokens: tokens(rollup.input),
    totalOutputTokens: tokens(rollup.output),
    cacheReadTokens: tokens(rollup.cacheRead),
    cacheWrite5mTokens: tokens(rollup.cacheWrite5m),
    cacheWrite1hTokens: tokens(rollup.cacheWrite1h),
    reasoningTokens: tokens(rollup.reasoning),
    models: JSON.stringify(shown.models),
    modelName: shown.modelName,
    // Usage records are the exact count; an agent's own count stands in only when there are none.
    requestCount: rollup.requestCount > 0 ? rollup.requestCount : stored.activityRequestCount,
    usageCount: rollup.requestCount,
    unpricedRequestCount: rollup.unpricedRequestCount,
    calculatedCostNanos: rollup.calculatedCostNanos,
    recordedCostNanos: rollup.recordedCostNanos,
    autoCostNanos: rollup.autoCostNanos,
    costUsd: nanosToUsd6(rollup.autoCostNanos),
    costSource: costSourceOf(rollup, tokensKnown),
  };
}

type SessionData = ReturnType<typeof sessionData>;

/** A stored session as the roll-up compares it: SessionData's keys plus the mergeable facts. */
export interface StoredSessionRow extends Omit<SessionData, 'costUsd'> {
  id: string;
  costUsd: string;
  projectPath: string | null;
  parentExternalId: string | null;
  title: string | null;
  activityModels: string;
  activityRequestCount: number;
}

function toStoredRow(r: Record<string, unknown>): StoredSessionRow {
  return {
    id: String(r.id),
    startedAt: rawDate(r.started_at),
    endedAt: rawDate(r.ended_at),
    tokensKnown: rawBool(r.tokens_known),
    totalInputTokens: rawBigIntOrNull(r.total_input_tokens),
    totalOutputTokens: rawBigIntOrNull(r.total_output_tokens),
    cacheReadTokens: rawBigIntOrNull(r.cache_read_tokens),
    cacheWrite5mTokens: rawBigIntOrNull(r.cache_write_5m_tokens),
    cacheWrite1hTokens: rawBigIntOrNull(r.cache_write_1h_tokens),
    reasoningTokens: rawBigIntOrNull(r.reasoning_tokens),
    models: String(r.models),
    modelName: rawStringOrNull(r.model_name),
    requestCount: rawInt(r.request_count),
    usageCount: rawInt(r.usage_count),
    unpricedRequestCount: rawInt(r.unpriced_request_count),
    calculatedCostNanos: rawBigInt(r.calculated_cost_nanos),
    recordedCostNanos: rawBigIntOrNull(r.recorded_cost_nanos),
    autoCostNanos: rawBigInt(r.auto_cost_nanos),
    costUsd: String(r.cost_usd),
    costSource: String(r.cost_source) as SessionData['costSource'],
    projectPath: rawStringOrNull(r.project_path),
    parentExternalId: rawStringOrNull(r.parent_external_id),
    title: rawStringOrNull(r.title),
    activityModels: String(r.activity_models),
    activityRequestCount: rawInt(r.activity_request_count),
  };
}

async function storedSessions(tx: SqlRunner, ids: readonly string[]): Promise<StoredSessionRow[]> {
  const out: StoredSessionRow[] = [];
  for (const part of chunk(ids, CHUNK)) {
    const rows = await tx.query<Record<string, unknown>>(sql`
      SELECT id, started_at, ended_at, project_path, parent_external_id, title, tokens_known, activity_models,
        activity_request_count, total_input_tokens, total_output_tokens, cache_read_tokens, cache_write_5m_tokens,
        cache_write_1h_tokens, reasoning_tokens, models, model_name, request_count, usage_count, unpriced_request_count,
        calculated_cost_nanos, recorded_cost_nanos, auto_cost_nanos, cost_usd, cost_source
      FROM sessions WHERE id IN (${joinSql([...part])})`);
    for (const row of rows) out.push(toStoredRow(row));
  }
  return out;
}

function comparable(value: unknown): unknown {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'bigint') return String(value);
  return value;
}

function changed(next: SessionData, stored: StoredSessionRow): boolean {
  return (Object.keys(next) as (keyof SessionData)[]).some((key) => {
    // Decimal text (PostgreSQL) or REAL (SQLite): compare the amounts.
    if (key === 'costUsd') return Number(stored.costUsd) !== Number(next.costUsd);
    return comparable(next[key]) !== comparable(stored[key]);
  });
}

type MergedFacts = Pick<
  StoredSessionRow,
  'projectPath' | 'parentExternalId' | 'title' | 'activityModels' | 'activityRequestCount'
>;

const ROLLUP_COLUMNS = unnestColumns(
  'id uuid',
  'started_at timestamptz',
  'ended_at timestamptz',
  'project_path text',
  'parent_external_id text',
  'title text',
  'activity_models text',
  'activity_request_count int4',
  'tokens_known bool',
  'total_input_tokens int8',
  'total_output_tokens int8',
  'cache_read_tokens int8',
  'cache_write_5m_tokens int8',
  'cache_write_1h_tokens int8',
  'reasoning_tokens int8',
  'models text',
  'model_name text',
  'request_count int4',
  'usage_count int4',
  'unpriced_request_count int4',
  'calculated_cost_nanos int8',
  'recorded_cost_nanos int8',
  'auto_cost_nanos int8',
  'cost_usd numeric',
  'cost_source text',
);

interface SessionWrite {
  id: string;
  data: SessionData;
  facts: MergedFacts;
}

/** Writes roll-ups: one UPDATE per session on the embedded store, one per batch on PostgreSQL (a round trip each otherwise). */
async function writeSessions(tx: SqlRunner, writes: readonly SessionWrite[], now: Date): Promise<void> {
  if (writes.length === 0) return;
  if (tx.dialect !== 'postgres') {
    for (const w of writes) await writeSession(tx, w.id, w.data, w.facts, now);
    return;
  }
  const rows = writes.map(({ id, data: d, facts: f }) => [
    id,
    d.startedAt,
    d.endedAt,
    f.projectPath,
    f.parentExternalId,
    f.title,
    f.activityModels,
    f.activityRequestCount,
    d.tokensKnown,
    d.totalInputTokens,
    d.totalOutputTokens,
    d.cacheReadTokens,
    d.cacheWrite5mTokens,
    d.cacheWrite1hTokens,
    d.reasoningTokens,
    d.models,
    d.modelName,
    d.requestCount,
    d.usageCount,
    d.unpricedRequestCount,
    d.calculatedCostNanos,
    d.recordedCostNanos,
    d.autoCostNanos,
    d.costUsd,
    d.costSource,
  ]);
  await tx.execute(sql`UPDATE sessions SET started_at = v.started_at, ended_at = v.ended_at,
      project_path = v.project_path, parent_external_id = v.parent_external_id, title = v.title,
      activity_models = v.activity_models, activity_request_count = v.activity_request_count,
      tokens_known = v.tokens_known, total_input_tokens = v.total_input_tokens,
      total_output_tokens = v.total_output_tokens, cache_read_tokens = v.cache_read_tokens,
      cache_write_5m_tokens = v.cache_write_5m_tokens, cache_write_1h_tokens = v.cache_write_1h_tokens,
      reasoning_tokens = v.reasoning_tokens, models = v.models, model_name = v.model_name,
      request_count = v.request_count, usage_count = v.usage_count, unpriced_request_count = v.unpriced_request_count,
      calculated_cost_nanos = v.calculated_cost_nanos, recorded_cost_nanos = v.recorded_cost_nanos,
      auto_cost_nanos = v.auto_cost_nanos, cost_usd = v.cost_usd, cost_source = v.cost_source,
      updated_at = ${now}
    FROM ${unnestSql(ROLLUP_COLUMNS, rows)} WHERE sessions.id = v.id`);
}

async function writeSession(
  tx: SqlRunner,
  id: string,
  data: SessionData,
  facts: MergedFacts,
  now: Date,
): Promise<void> {
  await tx.execute(sql`UPDATE sessions SET started_at = ${data.startedAt}, ended_at = ${data.endedAt},
      project_path = ${facts.projectPath}, parent_external_id = ${facts.parentExternalId}, title = ${facts.title},
      activity_models = ${facts.activityModels}, activity_request_count = ${facts.activityRequestCount},
      tokens_known = ${data.tokensKnown}, total_input_tokens = ${data.totalInputTokens},
      total_output_tokens = ${data.totalOutputTokens}, cache_read_tokens = ${data.cacheReadTokens},
      cache_write_5m_tokens = ${data.cacheWrite5mTokens}, cache_write_1h_tokens = ${data.cacheWrite1hTokens},
      reasoning_tokens = ${data.reasoningTokens}, models = ${data.models}, model_name = ${data.modelName},
      request_count = ${data.requestCount}, usage_count = ${data.usageCount}, unpriced_request_count = ${data.unpricedRequestCount},
      calculated_cost_nanos = ${data.calculatedCostNanos}, recorded_cost_nanos = ${data.recordedCostNanos},
      auto_cost_nanos = ${data.autoCostNanos}, cost_usd = ${data.costUsd}, cost_source = ${data.costSource},
      updated_at = ${now}
    WHERE id = ${id}`);
}

export interface RollUpRequest {
  /** What a batch says per session id: merged into the stored facts (never replaced by less). */
  facts?: ReadonlyMap<string, SessionFacts>;
  /** Sessions the batch just created: always rolled up. */
  created?: ReadonlySet<string>;
  /** Sessions whose usage records changed: always rolled up. */
  usageChanged: Iterable<string>;
}

/**
 * Merges a batch's facts into stored sessions and recomputes the roll-ups of every session
 * whose facts or records changed, widening start/end to cover every usage instant; one
 * UPDATE per session whose stored row differs. `is_active` is left as stored. Returns the
 * sessions considered touched (created, merged to something new, or with changed records)
 * and how many rows were written; re-ingesting a batch leaves the store (and updated_at) alone.
 *
 * With `memory`, sessions it knows are not read back: their rows are as it last saw them
 * written and their sums follow the records written since (see ingest-memory.ts), which is
 * exactly what reading them would give. The rest are read, then remembered.
 */
export async function rollUpSessions(
  tx: SqlRunner,
  request: RollUpRequest,
  now: Date,
  memory: IngestMemory | null = null,
): Promise<{ touched: Set<string>; updated: number }> {
  const facts = request.facts ?? new Map<string, SessionFacts>();
  const usageChanged = new Set(request.usageChanged);
  const created = request.created ?? new Set<string>();
  const ids = [...new Set([...facts.keys(), ...usageChanged])];
  const rows: StoredSessionRow[] = [];
  const unknown: string[] = [];
  for (const id of ids) {
    const cached = memory?.session(id);
    if (cached === undefined) unknown.push(id);
    else rows.push(cached.row);
  }
  for (const row of await storedSessions(tx, unknown)) {
    rows.push(row);
    memory?.setSession(row.id, { row, groups: null });
  }
  const touched = new Set<string>();
  const plans: { row: StoredSessionRow; merged: MergedFacts & StoredFacts; factsChanged: boolean }[] = [];
  for (const row of rows) {
    const f = facts.get(row.id);
    const current = { ...row, activityModels: parseModelList(row.activityModels) };
    const merged = f === undefined ? current : mergeSession(current, f);
    const factsChanged = !sameMergeable(current, merged);
    if (!factsChanged && !created.has(row.id) && !usageChanged.has(row.id)) continue;
    touched.add(row.id);
    plans.push({ row, factsChanged, merged: { ...merged, activityModels: JSON.stringify(merged.activityModels) } });
  }
  const known = (id: string) => memory?.session(id)?.groups ?? null;
  const groups = await usageGroupsBySession(
    tx,
    plans.map((p) => p.row.id).filter((id) => known(id) === null),
  );
  let updated = 0;
  const writes: SessionWrite[] = [];
  for (const { row, merged, factsChanged } of plans) {
    const cachedGroups = known(row.id);
    const sessionGroups = cachedGroups === null ? (groups.get(row.id) ?? []) : [...cachedGroups.values()];
    const next = sessionData(rollUpSession(sessionGroups), merged);
    const write = factsChanged || changed(next, row);
    if (write) {
      writes.push({ id: row.id, data: next, facts: merged });
      updated++;
    }
    memory?.setSession(row.id, {
      row: write ? writtenRow(row.id, next, merged) : row,
      groups: cachedGroups ?? groupMap(sessionGroups),
    });
  }
  await writeSessions(tx, writes, now);
  return { touched, updated };
}

/** The stored row after writeSession, as storedSessions would read it back. */
function writtenRow(id: string, data: SessionData, facts: MergedFacts): StoredSessionRow {
  return {
    ...data,
    id,
    projectPath: facts.projectPath,
    parentExternalId: facts.parentExternalId,
    title: facts.title,
    activityModels: facts.activityModels,
    activityRequestCount: facts.activityRequestCount,
  };
}

/** Recomputes the roll-ups of the given sessions from their usage records (see rollUpSessions). */
export async function recomputeSessions(tx: SqlRunner, sessionIds: Iterable<string>, now: Date): Promise<number> {
  return (await rollUpSessions(tx, { usageChanged: sessionIds }, now)).updated;
}
