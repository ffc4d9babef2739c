import type { JsonValue, ReadPosition } from '@rimuru/core';

/**
 * Adapter state kept in a source's checkpoint: how many lines lie before `offset`, so a
 * resumed read reports the same line numbers as a full read. Null when unknown (an offset
 * given without state), in which case line numbers are reported as null.
 */
export function linesBefore(from: ReadPosition): number | null {
  if (from.offset === 0) return 0;
  const state = from.state;
  if (state !== null && typeof state === 'object' && !Array.isArray(state)) {
    const line = state['line'];
    if (typeof line === 'number' && Number.isSafeInteger(line) && line >= 0) return line;
  }
  return null;
}

export function encodeState(lines: number | null): JsonValue | null {
  return lines === null ? null : { line: lines };
}
