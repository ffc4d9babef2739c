import { parseEpochMs, type Instant } from '@rimuru/adapter-kit';
import { readSqliteSnapshot } from '@rimuru/adapter-kit/sqlite';
import { totalTokens, type AdapterEvent, type UsageEvent } from '@rimuru/core';
import { errorMessage, sourceError, warning } from '../../diagnostic.js';
import { SpanSessions } from './span-sessions.js';
import { spanUsage } from './span-usage.js';
import { readTraceRows, type NumberCell, type SpanRow, type TraceRead } from './trace-rows.js';

interface SessionSpan {
  firstAt: Instant;
  lastAt: Instant;
  tokensKnown: boolean;
}

function instantOf(cell: NumberCell): Instant | null {
  return typeof cell === 'number' ? parseEpochMs(cell) : null;
}

/** The dedupe key of a request: its span, which the store keeps once (`span_id` is the key). */
function spanDedupeKey(span: SpanRow): string {
  return `otel:${span.traceId}:${span.spanId}`;
}

/**
 * Reads Copilot Chat's trace store (`globalStorage/github.copilot-chat/agent-traces.db`) whole
 * as a snapshot source. Each `chat` span (one LLM request) of a chat session gives one usage
 * event with exact tokens, under the chat session id the chat's JSON file uses, and each such
 * session one activity with `tokensKnown: true` (the engine ORs it with the chat file's
 * `false`). Spans of other operations are not requests; chat spans of the Copilot CLI and
 * Claude agents are counted by their own logs; requests outside any chat have no session.
 */
export async function* readTraceStore(path: string): AsyncGenerator<AdapterEvent> {
  let read: TraceRead;
  try {
    read = (await readSqliteSnapshot(path, readTraceRows)).value;
  } catch (error) {
    yield sourceError('unreadable-source', errorMessage(error));
    return;
  }
  if (read.schemaProblem !== null) yield warning(null, 'invalid-record', read.schemaProblem);
  for (const problem of read.problems) yield warning(problem.index, 'invalid-utf8', problem.message);

  const owners = new SpanSessions(read.rows);
  const sessions = new Map<string, SessionSpan>();
  const usage: UsageEvent[] = [];
  for (const span of read.rows) {
    if (span.operation !== 'chat') continue;
    const owner = owners.ownerOf(span);
    if (owner.kind !== 'session') continue;
    const start = instantOf(span.startMs);
    const end = instantOf(span.endMs) ?? start;
    if (end === null) {
      yield warning(span.index, 'invalid-record', `chat span ${span.spanId} has no valid epoch-ms start or end time`);
      continue;
    }
    const parsed = spanUsage(span);
    if (parsed.kind === 'invalid')
      yield warning(span.index, 'invalid-record', `chat span ${span.spanId}: ${parsed.reason}`);
    if (parsed.kind === 'usage' && parsed.inconsistent) {
      yield warning(
        span.index,
        'inconsistent-usage',
        `chat span ${span.spanId}: cached tokens exceed input tokens; input counted as 0`,
      );
    }
    const known = parsed.kind === 'usage';
    const first = start !== null && start.ms < end.ms ? start : end;
    const stored = sessions.get(owner.sessionId);
    if (stored === undefined) sessions.set(owner.sessionId, { firstAt: first, lastAt: end, tokensKnown: known });
    else {
      if (first.ms < stored.firstAt.ms) stored.firstAt = first;
      if (end.ms > stored.lastAt.ms) stored.lastAt = end;
      stored.tokensKnown ||= known;
    }
    if (parsed.kind !== 'usage' || totalTokens(parsed.tokens) === 0) continue;
    const aiu = span.nanoAiu;
    if (aiu !== null && (typeof aiu !== 'number' || aiu < 0)) {
      yield warning(
        span.index,
        'invalid-record',
        `chat span ${span.spanId}: ${typeof aiu === 'number' ? 'negative AI credits' : aiu.invalid}; AI credits left out`,
      );
    }
    usage.push({
      type: 'usage',
      sessionExternalId: owner.sessionId,
      dedupeKey: spanDedupeKey(span),
      rank: totalTokens(parsed.tokens),
      replayKey: null,
      isReplayCopy: false,
      occurredAt: end.iso,
      model: span.responseModel ?? span.requestModel,
      tokens: parsed.tokens,
      // copilot_chat.copilot_usage_nano_aiu is AI credits of the plan, not dollars: kept as such.
      recordedCostUsd: null,
      speed: null,
      line: span.index,
      ...(typeof aiu === 'number' && aiu >= 0 ? { nanoAiu: aiu } : {}),
    });
  }
  yield* usage;
  for (const [sessionId, s] of sessions) {
    yield {
      type: 'activity',
      sessionExternalId: sessionId,
      firstAt: s.firstAt.iso,
      lastAt: s.lastAt.iso,
      // The chat's workspace folder comes from its chat file; traces name no folder.
      projectPath: null,
      parentExternalId: null,
      tokensKnown: s.tokensKnown,
      title: null,
    };
  }
  yield { type: 'checkpoint', offset: 0, state: null };
}
