import type { JsonValue, ReadPosition } from '@rimuru/core';

/** What a read of a Qwen chat log needs to continue where the previous read stopped. */
export interface ChatState {
  /** Lines before the checkpoint offset (stable line numbers). */
  line: number;
  /** Decided by the file's first record (`sessionId`, else the file name). */
  sessionId: string | null;
  /** The first record's `cwd`. */
  projectPath: string | null;
  /** Whether any assistant record carried usage counts. */
  tokensKnown: boolean;
}

const VERSION = 1;

export function initialChatState(): ChatState {
  return { line: 0, sessionId: null, projectPath: null, tokensKnown: false };
}

export function encodeChatState(s: ChatState): JsonValue {
  return { v: VERSION, line: s.line, sessionId: s.sessionId, projectPath: s.projectPath, tokensKnown: s.tokensKnown };
}

/** The state to continue from, or null when `from` cannot be continued (the caller then reads from the start). */
export function decodeChatState(from: ReadPosition): ChatState | null {
  if (from.offset === 0) return initialChatState();
  const s = from.state;
  if (s === null || typeof s !== 'object' || Array.isArray(s) || s['v'] !== VERSION) return null;
  const { line, sessionId, projectPath, tokensKnown } = s;
  const okString = (v: JsonValue | undefined) => v === null || typeof v === 'string';
  if (
    typeof line !== 'number' ||
    !Number.isSafeInteger(line) ||
    line < 0 ||
    typeof tokensKnown !== 'boolean' ||
    !okString(sessionId) ||
    !okString(projectPath)
  )
    return null;
  return { line, sessionId, projectPath, tokensKnown };
}
