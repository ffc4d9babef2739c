import type { JsonValue, ReadPosition } from '@rimuru/core';

/**
 * What a read of a pi-format session file carries from one stretch to the next (kept in the
 * checkpoint): the header's facts (only the first line has them), the model the last
 * `model_change` named, and whether the file has shown token data yet.
 */
export interface PiFileState {
  /** Lines before the checkpoint offset; null when unknown (an offset given without state). */
  line: number | null;
  cwd: string | null;
  /** The header's timestamp: in a branched file, entries older than it were copied from the parent. */
  headerMs: number | null;
  /** The header names a parent session (`parentSession`, older `branchedFrom`). */
  parentPath: string | null;
  /** Model of the last `model_change` / model snapshot, for assistant messages that name none. */
  model: string | null;
  /** Any assistant message carried a `usage` object. */
  usageSeen: boolean;
  /** Assistant messages without a `usage` object (OpenClaw transcripts that keep none). */
  tokenless: number;
  title: string | null;
}

function freshState(): PiFileState {
  return {
    line: 0,
    cwd: null,
    headerMs: null,
    parentPath: null,
    model: null,
    usageSeen: false,
    tokenless: 0,
    title: null,
  };
}

const str = (v: JsonValue | undefined): string | null => (typeof v === 'string' && v !== '' ? v : null);
const nat = (v: JsonValue | undefined): number | null =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : null;

/** The state a read resumes with; from offset 0 always a fresh one. */
export function decodeState(from: ReadPosition): PiFileState {
  const state = freshState();
  if (from.offset === 0) return state;
  const saved = from.state;
  if (saved === null || typeof saved !== 'object' || Array.isArray(saved)) return { ...state, line: null };
  return {
    line: nat(saved['line']),
    cwd: str(saved['cwd']),
    headerMs: nat(saved['headerMs']),
    parentPath: str(saved['parentPath']),
    model: str(saved['model']),
    usageSeen: saved['usageSeen'] === true,
    tokenless: nat(saved['tokenless']) ?? 0,
    title: str(saved['title']),
  };
}

export function encodeState(state: PiFileState): JsonValue {
  return { ...state };
}
