import { lineWarning, parseIsoTimestamp, type EmitEvent, type Instant } from '@rimuru/adapter-kit';
import { totalTokens } from '@rimuru/core';
import type { ChatState } from './chat-state.js';
import { parseUsageMetadata } from './usage-metadata.js';

/** Record types Qwen Code writes (`ChatRecord.type`). */
const NON_USAGE_TYPES = new Set(['user', 'tool_result', 'system']);

function nonEmptyString(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

export interface RecordSink {
  emit: EmitEvent;
  instant(at: Instant): void;
  model(model: string): void;
}

/**
 * One line of a Qwen chat log. Only `assistant` records are billable, one API call each:
 * the dedupe key is `<sessionId>:<uuid>` (a streamed turn is written again under the same
 * uuid; the larger copy wins), and a rewound or abandoned branch still counts, since its
 * call was made. `system` records are events; a `ui_telemetry` one repeats the call's usage
 * and is ignored, as ccusage does.
 */
export function interpretRecord(
  value: unknown,
  line: number | null,
  stem: string,
  state: ChatState,
  sink: RecordSink,
): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    sink.emit(lineWarning(line, 'invalid-record', 'line is not a JSON object'));
    return;
  }
  const r = value as Record<string, unknown>;
  state.sessionId ??= nonEmptyString(r['sessionId']) ?? stem;
  if (state.projectPath === null && typeof r['cwd'] === 'string' && r['cwd'].startsWith('/'))
    state.projectPath = r['cwd'];
  else if (state.projectPath === null && typeof r['cwd'] === 'string' && /^[A-Za-z]:[\\/]/.test(r['cwd']))
    state.projectPath = r['cwd'];
  const at = parseIsoTimestamp(r['timestamp']);
  if (at !== null) sink.instant(at);
  const type = r['type'];
  if (typeof type === 'string' && NON_USAGE_TYPES.has(type)) return;
  if (type !== 'assistant') {
    sink.emit(
      lineWarning(line, 'unknown-record', `record of unknown type ${JSON.stringify(type) ?? 'undefined'}; ignored`),
    );
    return;
  }
  const model = nonEmptyString(r['model']);
  if (model !== null) sink.model(model);
  if (r['usageMetadata'] === undefined || r['usageMetadata'] === null) return;
  const parsed = parseUsageMetadata(r['usageMetadata']);
  if (!parsed.ok) {
    sink.emit(lineWarning(line, 'invalid-record', `${parsed.reason}; usage skipped`));
    return;
  }
  if (parsed.known) state.tokensKnown = true;
  if (parsed.tokens === null) return;
  if (at === null) {
    sink.emit(lineWarning(line, 'invalid-record', 'usage without a valid timestamp; skipped'));
    return;
  }
  const uuid = nonEmptyString(r['uuid']);
  const sessionId = state.sessionId;
  sink.emit({
    type: 'usage',
    sessionExternalId: sessionId,
    // Without a uuid (never seen in Qwen Code's writer) the call is known by its instant.
    dedupeKey: uuid === null ? `${sessionId}@${at.iso}` : `${sessionId}:${uuid}`,
    rank: totalTokens(parsed.tokens),
    replayKey: null,
    isReplayCopy: false,
    occurredAt: at.iso,
    model,
    tokens: parsed.tokens,
    recordedCostUsd: null,
    speed: null,
    line,
  });
}
