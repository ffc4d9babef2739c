import { isRecord, lineWarning, type Instant } from '@rimuru/adapter-kit';
import type { AdapterDiagnostic, UsageEvent } from '@rimuru/core';
import { turnUsageRows } from './turn-usage.js';
import { updateInstant } from './update-time.js';

export interface UpdateSink {
  at(instant: Instant): void;
  usage(event: UsageEvent): void;
  diagnostic(event: AdapterDiagnostic): void;
}

export interface UpdateContext {
  sessionId: string;
  /** `summary.json` `current_model_id`: the model of a usage without `modelUsage`. */
  fallbackModel: string | null;
}

const nonEmpty = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/**
 * One `updates.jsonl` line: an ACP notification `{timestamp, method, params:{sessionId,
 * update:{sessionUpdate, …}, _meta:{eventId, agentTimestampMs}}}`. Every kind is activity;
 * only `turn_completed` with `usage` is billable, one event per model of the turn. The key is
 * the turn's `prompt_id` (else `_meta.eventId`, else the line) and the model: a turn written
 * again (a replay, or a fork's copy of its parent's log) is the same turn, and the later copy
 * (larger line, as rank) replaces the earlier one.
 */
export function interpretUpdate(value: unknown, line: number, ctx: UpdateContext, sink: UpdateSink): void {
  if (!isRecord(value)) {
    sink.diagnostic(lineWarning(line, 'invalid-record', 'not a JSON object'));
    return;
  }
  const params = value['params'];
  const update = isRecord(params) ? params['update'] : undefined;
  if (!isRecord(update) || typeof update['sessionUpdate'] !== 'string') {
    sink.diagnostic(lineWarning(line, 'invalid-record', 'not a session update (no params.update.sessionUpdate)'));
    return;
  }
  const at = updateInstant(value);
  if (at !== null) sink.at(at);
  if (update['sessionUpdate'] !== 'turn_completed' || update['usage'] === undefined || update['usage'] === null) return;
  const rows = turnUsageRows(update['usage']);
  if (typeof rows === 'string') {
    sink.diagnostic(lineWarning(line, 'invalid-record', `turn_completed ${rows}`));
    return;
  }
  if (rows.length === 0) return;
  if (at === null) {
    sink.diagnostic(lineWarning(line, 'invalid-record', 'turn_completed usage without a readable time; skipped'));
    return;
  }
  const meta = isRecord(params) ? params['_meta'] : undefined;
  const turn =
    nonEmpty(update['prompt_id']) ??
    (isRecord(meta) ? nonEmpty(meta['eventId']) : null) ??
    `${ctx.sessionId}:line-${line}`;
  for (const row of rows) {
    const model = row.model ?? ctx.fallbackModel;
    sink.usage({
      type: 'usage',
      sessionExternalId: ctx.sessionId,
      dedupeKey: `${turn}:${model ?? '-'}`,
      rank: line,
      replayKey: null,
      isReplayCopy: false,
      occurredAt: at.iso,
      model,
      tokens: row.tokens,
      recordedCostUsd: row.costUsd,
      speed: null,
      line,
      // A turn sums its model calls (`modelCalls`; an unknown number where Grok did not say).
      requestCount: row.modelCalls,
    });
  }
}
