import { DEFAULT_READ_LIMITS, readJsonLines, type ReadLimits } from '@rimuru/adapter-kit';
import type { AdapterEvent, ReadPosition } from '@rimuru/core';
import { ActivityStretch } from './activity-stretch.js';
import { interpretRecord, type RecordSink } from './interpret-record.js';
import { encodeState, linesBefore } from './read-state.js';
import { sessionIdFromPath } from './session-from-path.js';

export { DEFAULT_READ_LIMITS, type ReadLimits };

/**
 * Reads a Claude Code transcript from `from.offset`, yielding usage, activity and
 * diagnostics, and a checkpoint after every stretch and at the end. Only complete lines are
 * consumed: a checkpoint never covers a partial last line.
 */
export function readTranscript(
  path: string,
  from: ReadPosition,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): AsyncGenerator<AdapterEvent> {
  const pathSessionId = sessionIdFromPath(path);
  return readJsonLines(path, { offset: from.offset, linesBefore: linesBefore(from) }, limits, (emit) => {
    const stretch = new ActivityStretch();
    const sink: RecordSink = {
      activity: (sessionId, atMs, atIso, cwd) => stretch.add(sessionId, atMs, atIso, cwd),
      usage: emit,
      diagnostic: emit,
    };
    return {
      record: (value, line) => interpretRecord(value, line, sink, pathSessionId),
      checkpoint: (lines) => {
        for (const activity of stretch.drain()) emit(activity);
        return encodeState(lines);
      },
    };
  });
}
