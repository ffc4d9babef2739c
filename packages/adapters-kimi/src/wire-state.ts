import type { JsonValue, ReadPosition } from '@rimuru/core';

/** What a wire-log read carries to the next stretch (kept in the checkpoint). */
export interface WireState {
  line: number | null;
  /** The model the last `config.update`/`profile.bind` named (Kimi Code), for records naming none. */
  model: string | null;
  /** The working directory the log itself named (`config.update.cwd`, `profile.bind` disclosure). */
  cwd: string | null;
}

const str = (v: JsonValue | undefined): string | null => (typeof v === 'string' && v !== '' ? v : null);

export function decodeWireState(from: ReadPosition): WireState {
  if (from.offset === 0) return { line: 0, model: null, cwd: null };
  const s = from.state;
  if (s === null || typeof s !== 'object' || Array.isArray(s)) return { line: null, model: null, cwd: null };
  const line = s['line'];
  return {
    line: typeof line === 'number' && Number.isSafeInteger(line) && line >= 0 ? line : null,
    model: str(s['model']),
    cwd: str(s['cwd']),
  };
}

export function encodeWireState(state: WireState): JsonValue {
  return { ...state };
}
