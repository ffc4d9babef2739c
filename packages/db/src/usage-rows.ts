import { RECORD_TOKEN_COLUMNS, tokensFrom } from './token-columns.js';
import type { TokenCounts } from '@rimuru/core';
import { rawBigInt, rawBigIntOrNull, rawBool, rawDate, rawStringOrNull } from './raw-values.js';
import { sql, type Sql } from './sql.js';
import type { RawRow } from './sql-runner.js';
import type { StoreDialect, StoredUsageRecord, StreamedUsageRecord } from './store.js';

/*
 * The usage_records row mapper: what every read of usage records (show, export, explain,
 * repricing) selects and how a driver row becomes a core record.
 */

/** Columns of usage_records `u` a priced record needs. */
export const USAGE_FACT_COLUMNS = sql`u.model, u.occurred_at, u.speed, u.input_tokens, u.output_tokens, u.cache_read_tokens,
  u.cache_write_5m_tokens, u.cache_write_1h_tokens, u.reasoning_tokens, u.calculated_cost_nanos, u.recorded_cost_nanos,
  u.auto_cost_nanos, u.priced, u.request_count, u.premium_request_micros, u.nano_aiu`;

/**
 * What a streamed record shows of usage_records `u`, packed into one JSON array per row: libsql
 * hands each column to JavaScript through a native call of its own, so 20 columns cost several
 * times what one text does, and JSON.parse of that text is cheap. Money goes as text (exact
 * bigint); the instant and id stay plain columns for the keyset. The session's facts come from
 * SessionFacts (one lookup per session, not a join per record).
 */
export function streamedUsageColumns(dialect: StoreDialect): Sql {
  const values = sql`u.agent_type, u.dedupe_key, u.session_id, u.rank, u.replay_key, u.is_replay_copy, u.model, u.speed,
    u.input_tokens, u.output_tokens, u.cache_read_tokens, u.cache_write_5m_tokens, u.cache_write_1h_tokens, u.reasoning_tokens,
    CAST(u.calculated_cost_nanos AS TEXT), CAST(u.recorded_cost_nanos AS TEXT), CAST(u.auto_cost_nanos AS TEXT), u.priced,
    u.source_path, u.source_line, u.request_count, CAST(u.premium_request_micros AS TEXT), CAST(u.nano_aiu AS TEXT)`;
  const packed = dialect === 'postgres' ? sql`CAST(json_build_array(${values}) AS TEXT)` : sql`json_array(${values})`;
  return sql`u.id, u.occurred_at, u.session_id, ${packed} AS packed`;
}

/** usage_records.request_count: NULL is a sum of an unknown number of requests. */
function requestCountOf(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

function speedOf(value: unknown): 'standard' | 'fast' | null {
  return value === 'fast' || value === 'standard' ? value : null;
}

/** Token columns fit a double: per-record counts are far below 2^53. */
function tokensOf(r: RawRow): TokenCounts {
  return tokensFrom(r, RECORD_TOKEN_COLUMNS, Number);
}

/** A row selected with USAGE_FACT_COLUMNS. */
export function rawToStoredUsage(r: RawRow): StoredUsageRecord {
  return {
    model: rawStringOrNull(r.model),
    occurredAt: rawDate(r.occurred_at),
    speed: speedOf(r.speed),
    tokens: tokensOf(r),
    calculatedCostNanos: rawBigInt(r.calculated_cost_nanos),
    recordedCostNanos: rawBigIntOrNull(r.recorded_cost_nanos),
    priced: rawBool(r.priced),
    requestCount: requestCountOf(r.request_count),
    premiumRequestMicros: rawBigIntOrNull(r.premium_request_micros),
    nanoAiu: rawBigIntOrNull(r.nano_aiu),
  };
}

type Packed = [
  agentType: string,
  dedupeKey: string,
  sessionId: string,
  rank: number,
  replayKey: string | null,
  isReplayCopy: boolean | number,
  model: string | null,
  speed: string | null,
  input: number,
  output: number,
  cacheRead: number,
  cacheWrite5m: number,
  cacheWrite1h: number,
  reasoning: number,
  calculated: string,
  recorded: string | null,
  auto: string,
  priced: boolean | number,
  sourcePath: string | null,
  sourceLine: number | null,
  requestCount: number | null,
  premiumRequestMicros: string | null,
  nanoAiu: string | null,
];

/** What a streamed record shows of its session. */
export interface SessionFacts {
  externalId: string;
  projectPath: string | null;
  host: string;
}

/** A row selected with streamedUsageColumns. */
export function rawToStreamedUsage(r: RawRow, session: SessionFacts): StreamedUsageRecord {
  const v = JSON.parse(String(r.packed)) as Packed;
  return {
    occurredAt: rawDate(r.occurred_at),
    agentType: v[0],
    sessionId: v[2],
    model: v[6],
    projectPath: session.projectPath,
    tokens: { input: v[8], output: v[9], cacheRead: v[10], cacheWrite5m: v[11], cacheWrite1h: v[12], reasoning: v[13] },
    calculatedCostNanos: BigInt(v[14]),
    recordedCostNanos: v[15] === null ? null : BigInt(v[15]),
    autoCostNanos: BigInt(v[16]),
    priced: rawBool(v[17]),
    id: String(r.id),
    dedupeKey: v[1],
    rank: v[3],
    replayKey: v[4],
    isReplayCopy: rawBool(v[5]),
    sessionExternalId: session.externalId,
    host: session.host,
    speed: speedOf(v[7]),
    sourcePath: v[18],
    sourceLine: v[19],
    requestCount: requestCountOf(v[20]),
    premiumRequestMicros: v[21] === null ? null : BigInt(v[21]),
    nanoAiu: v[22] === null ? null : BigInt(v[22]),
  };
}
