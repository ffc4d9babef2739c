import { DEFAULT_READ_LIMITS, readJsonLines, type ReadLimits } from '@rimuru/adapter-kit';
import type { AdapterEvent, ReadPosition } from '@rimuru/core';
import { decodeState, encodeState } from './file-state.js';
import { PiLineInterpreter, type PiSessionNaming } from './interpret-line.js';

export type { ReadLimits };

/**
 * Reads a pi-format session file (pi-agent, OpenClaw) from `from.offset`: usage per assistant
 * call, one activity per stretch, diagnostics, and a checkpoint after every stretch whose
 * state keeps the header's facts for the next read. A partial last line is never consumed.
 */
export function readPiSessionFile(
  path: string,
  from: ReadPosition,
  naming: PiSessionNaming,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): AsyncGenerator<AdapterEvent> {
  const state = decodeState(from);
  return readJsonLines(path, { offset: from.offset, linesBefore: state.line }, limits, (emit) => {
    const interpreter = new PiLineInterpreter(naming, state, emit);
    return {
      record: (value, line) => interpreter.record(value, line),
      checkpoint: (lines) => {
        const activity = interpreter.drain();
        if (activity !== null) emit(activity);
        state.line = lines;
        return encodeState(state);
      },
    };
  });
}
