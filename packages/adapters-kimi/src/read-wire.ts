import { DEFAULT_READ_LIMITS, lineWarning, readJsonLines, type ReadLimits } from '@rimuru/adapter-kit';
import type { AdapterEvent, ReadPosition } from '@rimuru/core';
import { WireInterpreter } from './interpret-record.js';
import { locateWire } from './layout.js';
import { loadSessionContext } from './session-context.js';
import { decodeWireState, encodeWireState } from './wire-state.js';

export type { ReadLimits };

/**
 * Reads a Kimi wire log (either layout) from `from.offset`: usage per model call, one activity
 * per stretch (project and title from the files beside the log), diagnostics, and a checkpoint
 * after every stretch. A partial last line is never consumed.
 */
export async function* readWire(
  path: string,
  from: ReadPosition,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): AsyncGenerator<AdapterEvent> {
  const location = locateWire(path);
  if (location === null) {
    yield lineWarning(null, 'unreadable-source', `not a Kimi session file: ${path}`);
    yield { type: 'checkpoint', offset: from.offset, state: from.state };
    return;
  }
  const context = await loadSessionContext(location);
  const state = decodeWireState(from);
  yield* readJsonLines(path, { offset: from.offset, linesBefore: state.line }, limits, (emit) => {
    const interpreter = new WireInterpreter(location, context, state, emit);
    return {
      record: (value, line) => interpreter.record(value, line),
      checkpoint: (lines) => {
        const activity = interpreter.drain();
        if (activity !== null) emit(activity);
        state.line = lines;
        return encodeWireState(state);
      },
    };
  });
}
