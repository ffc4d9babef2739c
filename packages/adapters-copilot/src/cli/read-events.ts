import { DEFAULT_READ_LIMITS, InstantSpan, readJsonLines, type ReadLimits } from '@rimuru/adapter-kit';
import type { AdapterEvent, ReadPosition, SessionActivity } from '@rimuru/core';
import { encodeCliState, initialCliState, type CliReadState } from './cli-state.js';
import { interpretEvent, sessionIdFromPath, type EventSink } from './interpret-event.js';

export type CliReadLimits = ReadLimits;

export const DEFAULT_CLI_READ_LIMITS: Readonly<CliReadLimits> = DEFAULT_READ_LIMITS;

/** The stretch's activity, under the session the first event named (else the file's name). */
function stretchActivity(span: InstantSpan, state: CliReadState, path: string): SessionActivity | null {
  const taken = span.take();
  if (taken === null) return null;
  return {
    type: 'activity',
    sessionExternalId: state.sessionId ?? sessionIdFromPath(path),
    firstAt: taken.first.iso,
    lastAt: taken.last.iso,
    projectPath: state.projectPath,
    parentExternalId: null,
    tokensKnown: state.tokensKnown,
    title: null,
  };
}

/**
 * Reads a Copilot CLI event log (`events.jsonl`) from `from.offset`: activity, usage from
 * each `session.shutdown`, diagnostics, and a checkpoint after every stretch and at the end.
 * Only complete lines are consumed, so a line the CLI is still writing is read next time.
 */
export function readCliEvents(
  path: string,
  from: ReadPosition,
  limits: CliReadLimits = DEFAULT_CLI_READ_LIMITS,
): AsyncGenerator<AdapterEvent> {
  const state = initialCliState(from);
  return readJsonLines(path, { offset: from.offset, linesBefore: state.line }, limits, (emit) => {
    const span = new InstantSpan();
    const sink: EventSink = { activity: (at) => span.add(at), usage: emit, diagnostic: emit };
    return {
      record: (value, line) => interpretEvent(value, line, path, state, sink),
      checkpoint: (lines) => {
        const activity = stretchActivity(span, state, path);
        if (activity !== null) emit(activity);
        state.line = lines;
        return encodeCliState(state);
      },
    };
  });
}
