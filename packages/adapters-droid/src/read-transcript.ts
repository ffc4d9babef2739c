import { DEFAULT_READ_LIMITS, InstantSpan, readJsonLines, type ReadLimits } from '@rimuru/adapter-kit';
import type { AdapterEvent, ReadPosition } from '@rimuru/core';
import { sessionIdOfPath } from './discover.js';
import { interpretTranscriptRecord } from './interpret-transcript.js';
import { decodeTranscriptState, encodeTranscriptState, initialTranscriptState } from './transcript-state.js';

/**
 * Reads a Droid transcript (`<uuid>.jsonl`) from `from.offset`: one tokenless activity per
 * stretch (tokens come from the settings snapshot, whose usage events make the session's
 * tokens known), diagnostics, and a checkpoint after every stretch. The session is named by
 * the file (as the settings file is), so both halves meet in one session.
 */
export function readDroidTranscript(
  path: string,
  from: ReadPosition,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): AsyncGenerator<AdapterEvent> {
  const resumed = decodeTranscriptState(from);
  const state = resumed ?? initialTranscriptState();
  const start = resumed === null ? { offset: 0, linesBefore: 0 } : { offset: from.offset, linesBefore: resumed.line };
  const sessionId = sessionIdOfPath(path);
  return readJsonLines(path, start, limits, (emit) => {
    const span = new InstantSpan();
    return {
      record: (value, line) =>
        interpretTranscriptRecord(value, line, state, { at: (i) => span.add(i), diagnostic: emit }),
      checkpoint: (lines) => {
        const taken = span.take();
        if (taken !== null) {
          emit({
            type: 'activity',
            sessionExternalId: sessionId,
            firstAt: taken.first.iso,
            lastAt: taken.last.iso,
            projectPath: state.cwd,
            parentExternalId: null,
            tokensKnown: false,
            title: state.title,
          });
        }
        state.line = lines ?? state.line;
        return encodeTranscriptState(state);
      },
    };
  });
}
