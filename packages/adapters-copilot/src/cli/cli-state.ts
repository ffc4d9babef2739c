import type { JsonValue, ReadPosition } from '@rimuru/core';
import { isRecord } from '@rimuru/adapter-kit';

/**
 * What a resumed read of a CLI event log must know about the lines before its offset, kept
 * in the source checkpoint: the line count (for line numbers), the session id fixed by the
 * file's first event, the project from `session.start`, and whether a `session.shutdown`
 * already reported usage (the session's tokens are then known).
 */
export interface CliReadState {
  /** Lines before the offset; null when unknown (an offset given without state). */
  line: number | null;
  sessionId: string | null;
  projectPath: string | null;
  tokensKnown: boolean;
}

export function initialCliState(from: ReadPosition): CliReadState {
  const fresh: CliReadState = { line: 0, sessionId: null, projectPath: null, tokensKnown: false };
  if (from.offset === 0) return fresh;
  const state = from.state;
  if (!isRecord(state)) return { ...fresh, line: null };
  const line = state['line'];
  const sessionId = state['sessionId'];
  const projectPath = state['projectPath'];
  return {
    line: typeof line === 'number' && Number.isSafeInteger(line) && line >= 0 ? line : null,
    sessionId: typeof sessionId === 'string' && sessionId !== '' ? sessionId : null,
    projectPath: typeof projectPath === 'string' && projectPath !== '' ? projectPath : null,
    tokensKnown: state['tokensKnown'] === true,
  };
}

export function encodeCliState(state: CliReadState): JsonValue {
  return {
    line: state.line,
    sessionId: state.sessionId,
    projectPath: state.projectPath,
    tokensKnown: state.tokensKnown,
  };
}
