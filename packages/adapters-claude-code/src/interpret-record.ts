import { SYNTHETIC_MODEL, totalTokens, type AdapterDiagnostic, type UsageEvent } from '@rimuru/core';
import { isRecord, parseIsoTimestamp } from '@rimuru/adapter-kit';
import { parseUsageTokens } from './usage-tokens.js';

/** Where a record's findings go; the reader collects them into events. */
export interface RecordSink {
  activity(sessionId: string, atMs: number, atIso: string, cwd: string | null): void;
  usage(event: UsageEvent): void;
  diagnostic(diagnostic: AdapterDiagnostic): void;
}

/** Output tokens of one request stay far below this, so `total * RANK_SCALE + output` orders by total, then output. */
export const RANK_SCALE = 4_000_000;

type Fields = Record<string, unknown>;

function nonEmptyString(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

function warn(line: number | null, code: string, message: string): AdapterDiagnostic {
  const where = line === null ? '' : `line ${line}: `;
  return { type: 'diagnostic', severity: 'warning', code, message: `${where}${message}`, line };
}

/**
 * Interprets one parsed transcript line. Any line with a `sessionId` and a `timestamp` is
 * activity of that session, whatever its `type`. Usage comes only from top-level
 * `type:"assistant"` lines: `progress` lines nest copies of subagent messages (with usage)
 * that the subagent's own file already counts.
 */
export function interpretRecord(
  record: unknown,
  line: number | null,
  sink: RecordSink,
  pathSessionId: string | null = null,
): void {
  if (!isRecord(record)) {
    sink.diagnostic(warn(line, 'invalid-record', 'line is JSON but not an object'));
    return;
  }
  const rawTimestamp = record['timestamp'];
  // Hand-trimmed transcripts may drop `type`; a top-level `message.usage` still marks a reply.
  const isAssistant = record['type'] === 'assistant' || (record['type'] === undefined && hasUsage(record));
  // Lines without a sessionId belong to the session the file's location names.
  const sessionId =
    nonEmptyString(record['sessionId']) ?? (isAssistant || record['type'] === 'user' ? pathSessionId : null);

  if (sessionId === null || rawTimestamp === undefined || rawTimestamp === null) {
    // Summary, snapshot and similar lines carry no session or time: valid, nothing to learn.
    // An assistant line with real usage but no session/time would lose tokens: say so.
    if (isAssistant && hasNonZeroUsage(record)) {
      sink.diagnostic(warn(line, 'invalid-record', 'assistant usage without sessionId or timestamp'));
    }
    return;
  }
  const at = parseIsoTimestamp(rawTimestamp);
  if (at === null) {
    sink.diagnostic(warn(line, 'invalid-record', `invalid timestamp ${JSON.stringify(rawTimestamp)}`));
    return;
  }
  sink.activity(sessionId, at.ms, at.iso, nonEmptyString(record['cwd']));
  if (isAssistant) interpretAssistant(record, sessionId, at.iso, line, sink);
}

function hasUsage(record: Fields): boolean {
  const message = record['message'];
  return isRecord(message) && isRecord(message['usage']);
}

function hasNonZeroUsage(record: Fields): boolean {
  const message = record['message'];
  if (!isRecord(message)) return false;
  const parsed = parseUsageTokens(message['usage']);
  return parsed.ok && totalTokens(parsed.tokens) > 0;
}

function interpretAssistant(
  record: Fields,
  sessionId: string,
  occurredAt: string,
  line: number | null,
  sink: RecordSink,
): void {
  const message = record['message'];
  // A raw upstream error object in place of the message (Bedrock) has no usage: activity only.
  if (!isRecord(message) || message['usage'] === undefined) return;
  const model = nonEmptyString(message['model']);
  // Locally generated messages (API errors, "No response requested.") bill nothing.
  if (model === SYNTHETIC_MODEL) return;

  const parsed = parseUsageTokens(message['usage']);
  if (!parsed.ok) {
    sink.diagnostic(warn(line, 'invalid-record', parsed.reason));
    return;
  }
  const tokens = parsed.tokens;
  const total = totalTokens(tokens);
  if (record['isApiErrorMessage'] === true && total === 0) return;

  const messageId = nonEmptyString(message['id']);
  const requestId = nonEmptyString(record['requestId']);
  let dedupeKey: string;
  if (messageId !== null) {
    dedupeKey = requestId === null ? messageId : `${messageId}:${requestId}`;
  } else {
    // Hand-trimmed files may lack both ids: a key from what the line says keeps re-reads
    // idempotent, and an identical copy of the line is still counted once.
    const uuid = nonEmptyString(record['uuid']);
    dedupeKey =
      uuid !== null
        ? `uuid:${uuid}`
        : `line:${sessionId}:${occurredAt}:${tokens.input}:${tokens.output}:${tokens.cacheRead}:${tokens.cacheWrite5m}:${tokens.cacheWrite1h}`;
  }

  const usage = message['usage'] as Fields;
  const speed = usage['speed'] === 'fast' || usage['speed'] === 'standard' ? usage['speed'] : null;
  const cost = record['costUSD'];
  sink.usage({
    type: 'usage',
    sessionExternalId: sessionId,
    dedupeKey,
    rank: total * RANK_SCALE + tokens.output,
    replayKey: messageId,
    isReplayCopy: record['isSidechain'] === true,
    occurredAt,
    model,
    tokens,
    recordedCostUsd: typeof cost === 'number' && Number.isFinite(cost) && cost >= 0 ? cost : null,
    speed,
    line,
  });
}
