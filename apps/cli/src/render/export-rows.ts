import {
  nanosToUsd,
  selectCostNanos,
  toSessionJson,
  totalTokens,
  type CostMode,
  type SessionJson,
  type SessionJsonOptions,
  type StoredSession,
} from '@rimuru/core';
import type { StreamedUsageRecord } from '@rimuru/db';

/**
 * Stable columns of `rimuru export usage` (CSV header order; JSON keys). One row per counted
 * (deduplicated) record. Times ISO-8601 UTC; dollars with 6 decimals; `recordedCostUsd`
 * empty/null when the agent recorded none; `requestCount` 1 for one request, n for a sum of n,
 * empty/null for a sum of an unknown number (priced without per-request tiers).
 */
export const USAGE_EXPORT_COLUMNS = [
  'occurredAt',
  'agentType',
  'sessionId',
  'sessionExternalId',
  'host',
  'projectPath',
  'model',
  'inputTokens',
  'outputTokens',
  'cacheReadTokens',
  'cacheWrite5mTokens',
  'cacheWrite1hTokens',
  'reasoningTokens',
  'totalTokens',
  'costUsd',
  'calculatedCostUsd',
  'recordedCostUsd',
  'priced',
  'speed',
  'dedupeKey',
  'sourcePath',
  'sourceLine',
  'requestCount',
] as const;

export type UsageExportRow = Record<(typeof USAGE_EXPORT_COLUMNS)[number], string | number | boolean | null>;

export function usageExportRow(r: StreamedUsageRecord, costMode: CostMode): UsageExportRow {
  return {
    occurredAt: r.occurredAt.toISOString(),
    agentType: r.agentType,
    sessionId: r.sessionId,
    sessionExternalId: r.sessionExternalId,
    host: r.host,
    projectPath: r.projectPath,
    model: r.model,
    inputTokens: r.tokens.input,
    outputTokens: r.tokens.output,
    cacheReadTokens: r.tokens.cacheRead,
    cacheWrite5mTokens: r.tokens.cacheWrite5m,
    cacheWrite1hTokens: r.tokens.cacheWrite1h,
    reasoningTokens: r.tokens.reasoning,
    totalTokens: totalTokens(r.tokens),
    costUsd: nanosToUsd(selectCostNanos(r, costMode)),
    calculatedCostUsd: nanosToUsd(r.calculatedCostNanos),
    recordedCostUsd: r.recordedCostNanos === null ? null : nanosToUsd(r.recordedCostNanos),
    priced: r.priced,
    speed: r.speed,
    dedupeKey: r.dedupeKey,
    sourcePath: r.sourcePath,
    sourceLine: r.sourceLine,
    requestCount: r.requestCount,
  };
}

/** Stable columns of `rimuru export sessions`: the session JSON keys (design §4), plus host. */
export const SESSION_EXPORT_COLUMNS = [
  'id',
  'externalId',
  'agentType',
  'agentName',
  'host',
  'status',
  'startedAt',
  'endedAt',
  'durationMs',
  'inputTokens',
  'outputTokens',
  'cacheReadTokens',
  'cacheWriteTokens',
  'reasoningTokens',
  'totalTokens',
  'model',
  'models',
  'projectPath',
  'costUsd',
  'costSource',
  'requestCount',
] as const;

export type SessionExportRow = SessionJson & { host: string };

export function sessionExportRow(s: StoredSession, opts: SessionJsonOptions): SessionExportRow {
  return { ...toSessionJson(s, opts), host: s.host };
}

/** CSV cells are flat: the model list becomes `a;b`. */
export function sessionCsvRow(row: SessionExportRow): Record<string, unknown> {
  return { ...row, models: row.models.join(';') };
}
