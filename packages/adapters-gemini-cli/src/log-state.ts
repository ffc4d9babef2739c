import type { JsonValue, ReadPosition } from '@rimuru/core';

/**
 * What a read of a chat log needs to continue exactly where the previous one stopped: the
 * log's patches (`$set`, `$rewindTo`, upserts) refer to what came before, so the facts they
 * need are kept in the source's checkpoint and a log read in pieces equals one full read.
 */
export interface LogState {
  /** Lines before the checkpoint offset (stable line numbers). */
  line: number;
  /** Decided by the file's first record (header `sessionId`, else the file name). */
  sessionId: string | null;
  /** The header's startTime: the date of a message that has none. */
  startAt: string | null;
  /** The latest instant seen: dates an activity that reports only a title or tokensKnown. */
  lastAt: string | null;
  tokensKnown: boolean;
  /** The first `summary` the log set. */
  title: string | null;
  /** A subagent header's first workspace directory (its project when no marker says). */
  projectHint: string | null;
  /** Models and facts learned since the last activity that a stretch without instants could not report. */
  pendingModels: string[];
  dirty: boolean;
}

const VERSION = 1;

export function initialLogState(): LogState {
  return {
    line: 0,
    sessionId: null,
    startAt: null,
    lastAt: null,
    tokensKnown: false,
    title: null,
    projectHint: null,
    pendingModels: [],
    dirty: false,
  };
}

export function encodeLogState(s: LogState): JsonValue {
  return { v: VERSION, ...s, pendingModels: [...s.pendingModels] };
}

function stringOrNull(value: JsonValue | undefined): string | null | undefined {
  if (value === null) return null;
  return typeof value === 'string' ? value : undefined;
}

/** The state to continue from, or null when `from` cannot be continued (the caller then reads from the start). */
export function decodeLogState(from: ReadPosition): LogState | null {
  if (from.offset === 0) return initialLogState();
  const s = from.state;
  if (s === null || typeof s !== 'object' || Array.isArray(s) || s['v'] !== VERSION) return null;
  const line = s['line'];
  const strings = (['sessionId', 'startAt', 'lastAt', 'title', 'projectHint'] as const).map((k) => stringOrNull(s[k]));
  const [sessionId, startAt, lastAt, title, projectHint] = strings;
  const pending = s['pendingModels'];
  if (
    typeof line !== 'number' ||
    !Number.isSafeInteger(line) ||
    line < 0 ||
    typeof s['tokensKnown'] !== 'boolean' ||
    typeof s['dirty'] !== 'boolean' ||
    !Array.isArray(pending) ||
    !pending.every((m) => typeof m === 'string') ||
    sessionId === undefined ||
    startAt === undefined ||
    lastAt === undefined ||
    title === undefined ||
    projectHint === undefined
  ) {
    return null;
  }
  return {
    line,
    sessionId,
    startAt,
    lastAt,
    tokensKnown: s['tokensKnown'],
    title,
    projectHint,
    pendingModels: pending,
    dirty: s['dirty'],
  };
}
