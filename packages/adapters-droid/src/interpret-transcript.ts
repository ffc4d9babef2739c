import { lineWarning, parseIsoTimestamp, type Instant } from '@rimuru/adapter-kit';
import type { AdapterDiagnostic } from '@rimuru/core';
import type { TranscriptState } from './transcript-state.js';

/** Where an interpreted transcript line goes. */
export interface TranscriptSink {
  at(instant: Instant): void;
  diagnostic(event: AdapterDiagnostic): void;
}

/**
 * Record types Droid writes besides `session_start` and `message` that carry no tokens
 * (`todo_state`: the todo list; `compaction_state`: a context summary). They still carry a
 * timestamp, which is activity.
 */
const TIMESTAMPED_NON_USAGE = new Set(['message', 'todo_state', 'compaction_state']);

const nonEmpty = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);

/**
 * One transcript line. The transcript holds no token counts (those are in the sibling
 * `.settings.json`): it gives the session's project (`session_start.cwd`), title and
 * activity times. A record of a type not listed above is a counted diagnostic.
 */
export function interpretTranscriptRecord(
  value: unknown,
  line: number | null,
  state: TranscriptState,
  sink: TranscriptSink,
): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    sink.diagnostic(lineWarning(line, 'invalid-record', 'not a JSON object'));
    return;
  }
  const record = value as Record<string, unknown>;
  const type = record['type'];
  if (type === 'session_start') {
    state.cwd ??= nonEmpty(record['cwd']);
    state.title ??= nonEmpty(record['title']) ?? nonEmpty(record['sessionTitle']);
    const at = parseIsoTimestamp(record['timestamp']);
    if (at !== null) sink.at(at);
    return;
  }
  if (typeof type === 'string' && TIMESTAMPED_NON_USAGE.has(type)) {
    const at = parseIsoTimestamp(record['timestamp']);
    if (at !== null) sink.at(at);
    else if (record['timestamp'] !== undefined)
      sink.diagnostic(lineWarning(line, 'invalid-record', `${type} with an unreadable timestamp`));
    return;
  }
  sink.diagnostic(lineWarning(line, 'invalid-record', `unknown record type ${JSON.stringify(type ?? null)}`));
}
