import type { JsonValue, ReadPosition } from '@rimuru/core';
import { decodeUsage, encodeUsage, type RawUsage } from './token-usage.js';

/**
 * Where a thread_spawn child stands in skipping the parent's replayed token counts:
 * `detect` until its first usage event, `skip` while usage events share that event's
 * second, `done` afterwards (and from the start for every other session).
 */
type ReplayPhase = 'detect' | 'skip' | 'done';

/**
 * Everything a read of a rollout needs to continue exactly where the previous one stopped:
 * kept in the source's checkpoint, so reading a file in two parts equals one full read.
 */
export interface RolloutState {
  /** Lines before the checkpoint offset (for stable line numbers). */
  line: number;
  /** Decided by the file's first record; null while only garbage has been read. */
  sessionId: string | null;
  parentId: string | null;
  projectPath: string | null;
  replay: ReplayPhase;
  replaySecond: string | null;
  /** The latest model named by a turn_context (or by a token_count itself). */
  model: string | null;
  /** Running cumulative `total_token_usage` of the current Codex process. */
  total: RawUsage | null;
  /** Whether any token_count carrying usage was seen: decides tokensKnown. */
  tokensKnown: boolean;
}

const VERSION = 1;

export function initialState(): RolloutState {
  return {
    line: 0,
    sessionId: null,
    parentId: null,
    projectPath: null,
    replay: 'done',
    replaySecond: null,
    model: null,
    total: null,
    tokensKnown: false,
  };
}

export function encodeState(state: RolloutState): JsonValue {
  return {
    v: VERSION,
    line: state.line,
    sessionId: state.sessionId,
    parentId: state.parentId,
    projectPath: state.projectPath,
    replay: state.replay,
    replaySecond: state.replaySecond,
    model: state.model,
    total: state.total === null ? null : encodeUsage(state.total),
    tokensKnown: state.tokensKnown,
  };
}

function stringOrNull(value: JsonValue | undefined): string | null | undefined {
  if (value === null) return null;
  return typeof value === 'string' ? value : undefined;
}

/**
 * The state to continue from, or null when `from` cannot be continued (an offset with no or
 * foreign state): the caller then reads from the start, which is safe because every event
 * it emits is keyed deterministically.
 */
export function decodeState(from: ReadPosition): RolloutState | null {
  if (from.offset === 0) return initialState();
  const s = from.state;
  if (s === null || typeof s !== 'object' || Array.isArray(s) || s['v'] !== VERSION) return null;
  const line = s['line'];
  const replay = s['replay'];
  const tokensKnown = s['tokensKnown'];
  const sessionId = stringOrNull(s['sessionId']);
  const parentId = stringOrNull(s['parentId']);
  const projectPath = stringOrNull(s['projectPath']);
  const replaySecond = stringOrNull(s['replaySecond']);
  const model = stringOrNull(s['model']);
  const total = s['total'] === null ? null : decodeUsage(s['total']);
  if (
    typeof line !== 'number' ||
    !Number.isSafeInteger(line) ||
    line < 0 ||
    (replay !== 'detect' && replay !== 'skip' && replay !== 'done') ||
    typeof tokensKnown !== 'boolean' ||
    sessionId === undefined ||
    parentId === undefined ||
    projectPath === undefined ||
    replaySecond === undefined ||
    model === undefined ||
    (s['total'] !== null && total === null)
  ) {
    return null;
  }
  return { line, sessionId, parentId, projectPath, replay, replaySecond, model, total, tokensKnown };
}
