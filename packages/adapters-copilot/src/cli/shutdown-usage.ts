import { totalTokens, type AdapterDiagnostic, type UsageEvent } from '@rimuru/core';
import { isRecord, warning } from '../diagnostic.js';
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
 * A `session.shutdown` closes one process run of a session and carries that run's usage per
 * model in `data.modelMetrics` (not cumulative over resumes: a resumed session has one
 * shutdown per run, and the runs add up). One usage event per (run, model), keyed by the
 * shutdown so re-reads replace rather than add. `tokenDetails`, premium requests and
 * AI credits are not read: `usage` is the consistent source, and plan units are not dollars.
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
        warning(ctx.line, 'missing-usage', `session.shutdown modelMetrics["${model}"] has no usage; its tokens are unknown`),
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
    });
  }
  return result;
}
