import { basename, dirname } from 'node:path';

/** Which of Copilot's two on-disk formats a source holds. */
export type CopilotSourceKind = 'cli-events' | 'vscode-chat';

/** Folders VS Code keeps chat sessions in (per workspace, and for empty windows). */
export const VSCODE_SESSION_DIRS: readonly string[] = ['chatSessions', 'emptyWindowChatSessions'];

/**
 * Decided from the path alone so `read()` needs nothing but the source: VS Code sessions sit
 * directly in a `chatSessions/` or `emptyWindowChatSessions/` folder; everything else the
 * adapter lists is a CLI event log.
 */
export function sourceKindOf(path: string): CopilotSourceKind {
  return VSCODE_SESSION_DIRS.includes(basename(dirname(path))) ? 'vscode-chat' : 'cli-events';
}
