import { lineWarning, parseIsoTimestamp, type Instant } from '@rimuru/adapter-kit';
import { totalTokens, type AdapterDiagnostic, type UsageEvent } from '@rimuru/core';
import { parseMessageTokens } from './message-tokens.js';

/** Message types gemini-cli writes (`MessageRecord.type`). */
const KNOWN_TYPES = new Set(['user', 'gemini', 'info', 'error', 'warning']);

export interface MessageSink {
  usage(event: UsageEvent): void;
  diagnostic(event: AdapterDiagnostic): void;
  instant(at: Instant): void;
  /** A Gemini message carried a `tokens` object: the session's tokens are known. */
  tokensSeen(): void;
  model(model: string): void;
}

export interface MessageScope {
  sessionId: string;
  /** Where a message without a valid timestamp is dated (the session's startTime), if anywhere. */
  fallbackAt: Instant | null;
  line: number | null;
  /** Names the message in diagnostics of whole documents (`messages[3]`). */
  where: string;
}

function nonEmptyString(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/**
 * One chat message, from a JSON document or a log line. Every copy of a message (the log
 * rewrites it as it grows; a `$set` of all messages repeats it; a legacy `.json` and its
 * migrated `.jsonl` both hold it) gets the same dedupe key, `<sessionId>:<message id>`, and
 * rank = its total tokens, so it is counted once. Messages a `$rewindTo` later removed were
 * still sent and billed: they count too.
 */
export function interpretMessage(m: Record<string, unknown>, scope: MessageScope, sink: MessageSink): void {
  const warn = (message: string, code = 'invalid-record') =>
    sink.diagnostic(lineWarning(scope.line, code, `${scope.where}${message}`));
  const at = parseIsoTimestamp(m['timestamp']);
  if (at !== null) sink.instant(at);
  const type = m['type'];
  if (typeof type !== 'string' || !KNOWN_TYPES.has(type)) {
    warn(`message of unknown type ${JSON.stringify(type) ?? 'undefined'}; ignored`, 'unknown-record');
    return;
  }
  if (type !== 'gemini') return;
  const toolCalls = m['toolCalls'];
  if (Array.isArray(toolCalls)) {
    for (const call of toolCalls) {
      const callAt = parseIsoTimestamp((call as Record<string, unknown> | null)?.['timestamp']);
      if (callAt !== null) sink.instant(callAt);
    }
  }
  const model = nonEmptyString(m['model']);
  if (model !== null) sink.model(model);
  const rawTokens = m['tokens'];
  // gemini-cli writes a message before its usage arrives (`tokens: null`), then again with it.
  if (rawTokens === undefined || rawTokens === null) return;
  const parsed = parseMessageTokens(rawTokens);
  if (!parsed.ok) {
    warn(`${parsed.reason}; usage skipped`);
    return;
  }
  sink.tokensSeen();
  if (parsed.tokens === null) return;
  const id = nonEmptyString(m['id']);
  const occurred = at ?? scope.fallbackAt;
  if (id === null || occurred === null) {
    warn(`usage without ${id === null ? 'an id' : 'a valid timestamp'}; skipped`);
    return;
  }
  sink.usage({
    type: 'usage',
    sessionExternalId: scope.sessionId,
    dedupeKey: `${scope.sessionId}:${id}`,
    rank: totalTokens(parsed.tokens),
    replayKey: null,
    isReplayCopy: false,
    occurredAt: occurred.iso,
    model,
    tokens: parsed.tokens,
    recordedCostUsd: null,
    speed: null,
    line: scope.line,
  });
}
