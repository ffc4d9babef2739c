import type { JsonValue, ReadPosition } from '@rimuru/core';

/** What a resumed transcript read needs from the lines before its offset. */
export interface TranscriptState {
  /** Lines before the checkpoint offset (stable line numbers). */
  line: number;
  /** `session_start.cwd`: the session's project. */
  cwd: string | null;
  /** `session_start.title` (or `sessionTitle`). */
  title: string | null;
}

const VERSION = 1;

export function initialTranscriptState(): TranscriptState {
  return { line: 0, cwd: null, title: null };
}

export function encodeTranscriptState(state: TranscriptState): JsonValue {
  return { v: VERSION, line: state.line, cwd: state.cwd, title: state.title };
}

const stringOrNull = (value: JsonValue | undefined): string | null | undefined =>
  value === null ? null : typeof value === 'string' ? value : undefined;

/**
 * The state to continue from, or null when `from` cannot be continued (an offset with no or
 * foreign state): the caller then reads from the start, which is safe because every event is
 * keyed deterministically.
 */
export function decodeTranscriptState(from: ReadPosition): TranscriptState | null {
  if (from.offset === 0) return initialTranscriptState();
  const s = from.state;
  if (s === null || typeof s !== 'object' || Array.isArray(s) || s['v'] !== VERSION) return null;
  const line = s['line'];
  const cwd = stringOrNull(s['cwd']);
  const title = stringOrNull(s['title']);
  if (typeof line !== 'number' || !Number.isSafeInteger(line) || line < 0 || cwd === undefined || title === undefined)
    return null;
  return { line, cwd, title };
}
