import { totalTokens, type AdapterDiagnostic, type UsageEvent } from '@rimuru/core';
import { isRecord } from '@rimuru/adapter-kit';
import { warning } from '../diagnostic.js';
import { parseModelUsage } from './usage-tokens.js';

export interface ShutdownContext {
  sessionId: string;
  /** The shutdown event's `id`, or its timestamp when it has none: names the process run. */
  segmentKey: string;
  occurredAt: string;
  line: number | null;
}

export interface ShutdownResult {
  usage: UsageEvent[];
  diagnostics: AdapterDiagnostic[];
  /** True when the run's token counts are known: at least one readable model row, or none used. */
  tokensKnown: boolean;
}

/**
 * How many requests a model row of `modelMetrics` sums: `requests.count` (current CLI) or a
 * bare `requests` number (older builds). Null when neither is a positive integer: the row is
 * then a sum of an unknown number of requests, which is still not one request.
 */
function runRequestCount(requests: unknown): number | null {
  const count = isRecord(requests) ? requests['count'] : requests;
  return typeof count === 'number' && Number.isSafeInteger(count) && count > 0 ? count : null;
}

const isAmount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/**
 * The plan units of a model row: `requests.cost` (premium requests, its multiplier applied, so
 * 0.33 for a run of one 0.33× request) and `totalNanoAiu` (AI credits in nano-AIU). Each only
 * where written as a non-negative number.
 */
function planUnits(row: Record<string, unknown>): { premiumRequests?: number; nanoAiu?: number } {
  const requests = row['requests'];
  const cost = isRecord(requests) ? requests['cost'] : undefined;
  const aiu = row['totalNanoAiu'];
  return { ...(isAmount(cost) ? { premiumRequests: cost } : {}), ...(isAmount(aiu) ? { nanoAiu: aiu } : {}) };
}

/**
 * A `session.shutdown` closes one process run of a session and carries that run's usage per
 * model in `data.modelMetrics` (not cumulative over resumes: a resumed session has one
 * shutdown per run, and the runs add up). One usage event per (run, model), keyed by the
 * shutdown so re-reads replace rather than add. `tokenDetails` is not read (`usage` is the
 * consistent source); premium requests and AI credits are plan units, kept beside the tokens,
 * never as dollars.
 */
export function shutdownUsage(data: unknown, ctx: ShutdownContext): ShutdownResult {
  const result: ShutdownResult = { usage: [], diagnostics: [], tokensKnown: false };
  const metrics = isRecord(data) ? data['modelMetrics'] : undefined;
  if (!isRecord(metrics)) {
    result.diagnostics.push(warning(ctx.line, 'invalid-record', 'session.shutdown without a modelMetrics object'));
    return result;
  }
  const models = Object.keys(metrics);
  // A run that used no model consumed no tokens: that is known, not unknown.
  if (models.length === 0) result.tokensKnown = true;
  for (const model of models) {
    const row = metrics[model];
    if (!isRecord(row) || row['usage'] === undefined) {
      result.diagnostics.push(
        warning(
          ctx.line,
          'missing-usage',
          `session.shutdown modelMetrics["${model}"] has no usage; its tokens are unknown`,
        ),
      );
      continue;
    }
    const parsed = parseModelUsage(model, row['usage']);
    if (!parsed.ok) {
      result.diagnostics.push(warning(ctx.line, 'invalid-record', `modelMetrics["${model}"]: ${parsed.reason}`));
      continue;
    }
    result.tokensKnown = true;
    if (parsed.inconsistent) {
      result.diagnostics.push(
        warning(
          ctx.line,
          'inconsistent-usage',
          `modelMetrics["${model}"]: cache read + cache write exceed inputTokens; non-cached input counted as 0`,
        ),
      );
    }
    const total = totalTokens(parsed.tokens);
    // All-zero rows bill nothing; storing them would only inflate request counts.
    if (total === 0) continue;
    result.usage.push({
      type: 'usage',
      sessionExternalId: ctx.sessionId,
      dedupeKey: `${ctx.sessionId}:${ctx.segmentKey}:${model}`,
      rank: total,
      replayKey: null,
      isReplayCopy: false,
      occurredAt: ctx.occurredAt,
      model,
      tokens: parsed.tokens,
      // Premium requests and AI credits are plan units, never recorded dollars.
      recordedCostUsd: null,
      speed: null,
      line: ctx.line,
      // The run's tokens summed over its requests: one request only when the run made one.
      requestCount: runRequestCount(row['requests']),
      // Plan units the CLI counted for the model in this run: premium requests, AI credits.
      ...planUnits(row),
    });
  }
  return result;
}
