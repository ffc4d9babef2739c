import { SESSION_TOKEN_COLUMNS, tokensFrom } from './token-columns.js';
import type { StoredSession, TokenCounts } from '@rimuru/core';
import { rawBigInt, rawBigIntOrNull, rawBool, rawDate, rawInt, rawStringOrNull } from './raw-values.js';
import { sql } from './sql.js';
import type { RawRow } from './sql-runner.js';

/** What every session read selects (sessions `s` joined to agents `a`): the row plus its agent's name. */
export const SESSION_COLUMNS = sql`s.id, s.external_id, s.agent_type, a.name AS agent_name, s.host, s.started_at, s.ended_at,
  s.project_path, s.model_name, s.models, s.tokens_known, s.total_input_tokens, s.total_output_tokens,
  s.cache_read_tokens, s.cache_write_5m_tokens, s.cache_write_1h_tokens, s.reasoning_tokens, s.request_count,
  s.unpriced_request_count, s.calculated_cost_nanos, s.recorded_cost_nanos, s.auto_cost_nanos, s.ended_by_hook,
  s.parent_external_id, s.title, s.updated_at`;

function parseModels(text: unknown): string[] {
  try {
    const value: unknown = JSON.parse(String(text));
    return Array.isArray(value) ? value.filter((m): m is string => typeof m === 'string') : [];
  } catch {
    return [];
  }
}

function tokensOf(row: RawRow): TokenCounts | null {
  if (!rawBool(row.tokens_known)) return null;
  return tokensFrom(row, SESSION_TOKEN_COLUMNS, (cell) => Number(rawBigIntOrNull(cell) ?? 0n));
}

/** A row selected with SESSION_COLUMNS, as either driver returns it. */
export function rawToStoredSession(row: RawRow): StoredSession {
  return {
    id: String(row.id),
    externalId: String(row.external_id),
    agentType: String(row.agent_type),
    agentName: String(row.agent_name),
    host: String(row.host),
    startedAt: rawDate(row.started_at),
    endedAt: rawDate(row.ended_at),
    projectPath: rawStringOrNull(row.project_path),
    model: rawStringOrNull(row.model_name),
    models: parseModels(row.models),
    tokens: tokensOf(row),
    requestCount: rawInt(row.request_count),
    unpricedRequestCount: rawInt(row.unpriced_request_count),
    calculatedCostNanos: rawBigInt(row.calculated_cost_nanos),
    recordedCostNanos: rawBigIntOrNull(row.recorded_cost_nanos),
    autoCostNanos: rawBigInt(row.auto_cost_nanos),
    endedByHook: rawBool(row.ended_by_hook),
    parentExternalId: rawStringOrNull(row.parent_external_id),
    title: rawStringOrNull(row.title),
    updatedAt: rawDate(row.updated_at),
  };
}
