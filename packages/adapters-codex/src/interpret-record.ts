import { isRecord, nonBlankString, parseIsoTimestamp, type Instant } from '@rimuru/adapter-kit';
import { totalTokens, type AdapterDiagnostic, type TokenCounts, type UsageEvent } from '@rimuru/core';
import { type Fields } from './json-fields.js';
import type { RolloutState } from './rollout-state.js';
import { identityFromFirstRecord } from './session-identity.js';
import { encodeUsage, parseRawUsage, type RawUsage } from './token-usage.js';
import { accountTokenCount } from './usage-accounting.js';

/** Where a record's findings go; the reader turns them into events. */
export interface RecordSink {
  activity(at: Instant): void;
  usage(event: UsageEvent): void;
  diagnostic(diagnostic: AdapterDiagnostic): void;
}

function warn(line: number | null, code: string, message: string): AdapterDiagnostic {
  const where = line === null ? '' : `line ${line}: `;
  return { type: 'diagnostic', severity: 'warning', code, message: `${where}${message}`, line };
}

/** The instant's UTC second (`2026-02-23T11:40:29`): the grain at which a thread_spawn child replays its parent's counts. */
function utcSecond(at: Instant): string {
  return at.iso.slice(0, 19);
}

/**
 * Interprets one parsed rollout line against the file's running state (mutated in place).
 * The first record decides the session; every valid `timestamp` is activity; `turn_context`
 * sets the model; `event_msg`/`token_count` is the only source of usage.
 */
export function interpretRecord(
  record: unknown,
  line: number | null,
  path: string,
  state: RolloutState,
  sink: RecordSink,
): void {
  if (!isRecord(record)) {
    sink.diagnostic(warn(line, 'invalid-record', 'line is JSON but not an object'));
    return;
  }
  if (state.sessionId === null) decideSession(record, line, path, state, sink);

  let at: Instant | null = null;
  if (record['timestamp'] !== undefined) {
    at = parseIsoTimestamp(record['timestamp']);
    if (at === null)
      sink.diagnostic(warn(line, 'invalid-record', `invalid timestamp ${JSON.stringify(record['timestamp'])}`));
    else sink.activity(at);
  }

  const payload = record['payload'];
  if (!isRecord(payload)) return;
  if (record['type'] === 'turn_context') {
    const model = nonBlankString(payload['model']);
    if (model !== null) state.model = model;
    state.projectPath ??= nonBlankString(payload['cwd']);
  } else if (record['type'] === 'event_msg' && payload['type'] === 'token_count') {
    interpretTokenCount(payload, at, line, state, sink);
  }
}

function decideSession(record: Fields, line: number | null, path: string, state: RolloutState, sink: RecordSink): void {
  const identity = identityFromFirstRecord(record, path);
  state.sessionId = identity.sessionId;
  state.parentId = identity.parentId;
  state.projectPath = identity.projectPath;
  state.replay = identity.threadSpawn ? 'detect' : 'done';
  if (identity.problem !== null) sink.diagnostic(warn(line, 'invalid-record', identity.problem));
  // The session's own creation time can precede the line that records it by a minute (0.128).
  if (identity.startedAt !== undefined) {
    const started = parseIsoTimestamp(identity.startedAt);
    if (started !== null) sink.activity(started);
  }
}

/** ccusage also reads the model off the event itself (`model`, `model_name`, `metadata.model`). */
function modelOf(fields: Fields): string | null {
  const metadata = fields['metadata'];
  return (
    nonBlankString(fields['model']) ??
    nonBlankString(fields['model_name']) ??
    (isRecord(metadata) ? nonBlankString(metadata['model']) : null)
  );
}

function usageField(info: Fields, name: string, line: number | null, sink: RecordSink): RawUsage | null | 'invalid' {
  const value = info[name];
  if (value === undefined || value === null) return null;
  const parsed = parseRawUsage(value);
  if (parsed.ok) return parsed.usage;
  sink.diagnostic(warn(line, 'invalid-record', `token_count ${name}: ${parsed.reason}`));
  return 'invalid';
}

function interpretTokenCount(
  payload: Fields,
  at: Instant | null,
  line: number | null,
  state: RolloutState,
  sink: RecordSink,
): void {
  const info = payload['info'];
  // `info: null` is a rate-limit-only refresh, usually the first event of a session.
  if (info === null || info === undefined) return;
  if (!isRecord(info)) {
    sink.diagnostic(warn(line, 'invalid-record', 'token_count info is not an object'));
    return;
  }
  const total = usageField(info, 'total_token_usage', line, sink);
  const last = usageField(info, 'last_token_usage', line, sink);
  if (total === 'invalid' || last === 'invalid') return;
  if (total === null && last === null) {
    sink.diagnostic(
      warn(line, 'invalid-record', 'token_count info has neither total_token_usage nor last_token_usage'),
    );
    return;
  }
  state.tokensKnown = true;
  const eventModel = modelOf(payload) ?? modelOf(info);
  if (eventModel !== null) state.model = eventModel;

  const result = accountTokenCount(state.total, total, last);
  if (result === null) return;
  if (at === null) {
    // Keep the running total so later events are not double counted; this one is lost.
    state.total = result.total;
    if (result.kind === 'count')
      sink.diagnostic(warn(line, 'invalid-record', 'token_count without a valid timestamp; usage skipped'));
    return;
  }
  // A thread_spawn child first replays its parent's token counts in one burst sharing a
  // timestamp second (ccusage#950): they are the parent's usage, so only their total is kept
  // as the baseline the child's own events are measured from.
  if (state.replay === 'detect') {
    state.replay = 'skip';
    state.replaySecond = utcSecond(at);
  }
  if (state.replay === 'skip') {
    if (utcSecond(at) === state.replaySecond) {
      state.total = result.total;
      return;
    }
    state.replay = 'done';
  }
  state.total = result.total;
  if (result.kind !== 'count') return;
  emitUsage(result.delta, result.total, at, line, state, sink);
}

function emitUsage(
  delta: RawUsage,
  total: RawUsage,
  at: Instant,
  line: number | null,
  state: RolloutState,
  sink: RecordSink,
): void {
  const sessionId = state.sessionId;
  if (sessionId === null) return;
  // input_tokens includes the cached part and output includes reasoning; a writer that
  // breaks either would yield negative classes, which are clamped and reported instead.
  const cacheRead = Math.min(delta.cached, delta.input);
  const reasoning = Math.min(delta.reasoning, delta.output);
  if (cacheRead !== delta.cached || reasoning !== delta.reasoning) {
    sink.diagnostic(
      warn(
        line,
        'invalid-record',
        `token_count with cached > input or reasoning > output (${encodeUsage(delta).join('/')}); clamped`,
      ),
    );
  }
  const tokens: TokenCounts = {
    input: delta.input - cacheRead,
    output: delta.output,
    cacheRead,
    cacheWrite5m: 0,
    cacheWrite1h: 0,
    reasoning,
  };
  sink.usage({
    type: 'usage',
    sessionExternalId: sessionId,
    // The cumulative total after the event tells apart distinct requests written in the same
    // millisecond and is identical on every re-read of the file.
    dedupeKey: `${sessionId}:${at.iso}:${encodeUsage(total).join('/')}`,
    rank: totalTokens(tokens),
    replayKey: null,
    isReplayCopy: false,
    occurredAt: at.iso,
    model: state.model,
    tokens,
    recordedCostUsd: null,
    speed: null,
    line,
  });
}
