import { DEFAULT_READ_LIMITS, readJsonLines, InstantSpan, type ReadLimits } from '@rimuru/adapter-kit';
import type { AdapterEvent, Logger, ReadPosition, SessionActivity } from '@rimuru/core';
import { interpretRecord, type RecordSink } from './interpret-record.js';
import { decodeState, encodeState, initialState, type RolloutState } from './rollout-state.js';

export { DEFAULT_READ_LIMITS, type ReadLimits };

const START: ReadPosition = { offset: 0, state: null };

/** The stretch's activity, once the file's first record has decided the session. */
function stretchActivity(span: InstantSpan, state: RolloutState): SessionActivity | null {
  const taken = span.take();
  if (taken === null || state.sessionId === null) return null;
  return {
    type: 'activity',
    sessionExternalId: state.sessionId,
    firstAt: taken.first.iso,
    lastAt: taken.last.iso,
    projectPath: state.projectPath,
    parentExternalId: state.parentId,
    // Known as soon as a token_count with usage was read; the store keeps known once known.
    tokensKnown: state.tokensKnown,
    title: null,
  };
}

/**
 * Reads a Codex rollout from `from`, yielding usage, activity and diagnostics and a
 * checkpoint (offset + running state) after every stretch and at the end. A position whose
 * state cannot be continued is read again from the start: all events are keyed
 * deterministically, so the re-read only repeats what the store already has.
 */
export async function* readRollout(
  path: string,
  from: ReadPosition,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
  logger?: Logger,
): AsyncGenerator<AdapterEvent> {
  let position = from;
  let decoded = decodeState(from);
  if (decoded === null) {
    logger?.debug(`codex: checkpoint state of ${path} not resumable; reading from the start`);
    position = START;
    decoded = initialState();
  }
  const state = decoded;
  yield* readJsonLines(path, { offset: position.offset, linesBefore: state.line }, limits, (emit) => {
    const span = new InstantSpan();
    const sink: RecordSink = { activity: (at) => span.add(at), usage: emit, diagnostic: emit };
    return {
      record: (value, line) => interpretRecord(value, line, path, state, sink),
      checkpoint: (lines) => {
        const activity = stretchActivity(span, state);
        if (activity !== null) emit(activity);
        // Never null here: a rollout read always knows its line count (linesBefore is a number).
        state.line = lines ?? state.line;
        return encodeState(state);
      },
    };
  });
}
