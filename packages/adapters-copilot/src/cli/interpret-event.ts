import { basename, dirname } from 'node:path';
import type { AdapterDiagnostic, UsageEvent } from '@rimuru/core';
import { parseIsoTimestamp, type Instant } from '@rimuru/adapter-kit';
import { isRecord } from '@rimuru/adapter-kit';
import { warning } from '../diagnostic.js';
import type { CliReadState } from './cli-state.js';
import { shutdownUsage } from './shutdown-usage.js';

export interface EventSink {
  activity(at: Instant): void;
  usage(event: UsageEvent): void;
  diagnostic(diagnostic: AdapterDiagnostic): void;
}

/**
 * The session a file belongs to when its first event does not name it: the CLI names the
 * folder (`session-state/<sessionId>/events.jsonl`) or the flat file (`<sessionId>.jsonl`)
 * after the session.
 */
export function sessionIdFromPath(path: string): string {
  const name = basename(path);
  if (name === 'events.jsonl') return basename(dirname(path));
  return name.endsWith('.jsonl') ? name.slice(0, -'.jsonl'.length) : name;
}

function nonEmptyString(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** `data.context.cwd` of `session.start` / `session.resume`: where the CLI ran. */
function contextCwd(data: unknown): string | null {
  if (!isRecord(data)) return null;
  const context = data['context'];
  return isRecord(context) ? nonEmptyString(context['cwd']) : null;
}

/**
 * One parsed line of a CLI event log (`{type, data, id, timestamp, parentId}`). Every event
 * with a valid timestamp is activity, whatever its type (new types appear often); the
 * session id is fixed by the file's first event; usage comes only from `session.shutdown`.
 * Per-message `outputTokens` and ephemeral `assistant.usage` events are not usage: the
 * shutdown totals cover them, and a run without a shutdown yet has no known usage.
 */
export function interpretEvent(
  record: unknown,
  line: number | null,
  path: string,
  state: CliReadState,
  sink: EventSink,
): void {
  if (!isRecord(record)) {
    sink.diagnostic(warning(line, 'invalid-record', 'event is not a JSON object'));
    return;
  }
  const type = record['type'];
  if (typeof type !== 'string' || type === '') {
    sink.diagnostic(warning(line, 'invalid-record', 'event has no type'));
    return;
  }
  const data = record['data'];

  const startId = type === 'session.start' && isRecord(data) ? nonEmptyString(data['sessionId']) : null;
  if (state.sessionId === null) {
    state.sessionId = startId ?? sessionIdFromPath(path);
  } else if (startId !== null && startId !== state.sessionId) {
    sink.diagnostic(
      warning(
        line,
        'session-id-mismatch',
        `session.start names ${startId}, but the file belongs to ${state.sessionId}`,
      ),
    );
  }
  if (state.projectPath === null && (type === 'session.start' || type === 'session.resume')) {
    state.projectPath = contextCwd(data);
  }

  const at = parseIsoTimestamp(record['timestamp']);
  if (at === null) {
    sink.diagnostic(warning(line, 'invalid-record', `${type} event has no valid ISO-8601 timestamp`));
    return;
  }
  sink.activity(at);
  if (type !== 'session.shutdown') return;

  const eventId = nonEmptyString(record['id']);
  const result = shutdownUsage(data, {
    sessionId: state.sessionId,
    segmentKey: eventId ?? at.iso,
    occurredAt: at.iso,
    line,
  });
  for (const diagnostic of result.diagnostics) sink.diagnostic(diagnostic);
  for (const usage of result.usage) sink.usage(usage);
  if (result.tokensKnown) state.tokensKnown = true;
}
