import { basename, dirname } from 'node:path';

/** Which of Copilot's two on-disk formats a source holds. */
export type CopilotSourceKind = 'cli-events' | 'vscode-chat' | 'vscode-traces';

/** Folders VS Code keeps chat sessions in (per workspace, and for empty windows). */
const VSCODE_SESSION_DIRS: readonly string[] = ['chatSessions', 'emptyWindowChatSessions'];

/**
 * Decided from the path alone so `read()` needs nothing but the source: Copilot Chat's trace
 * store is `github.copilot-chat/agent-traces.db`; VS Code sessions sit directly in a
 * `chatSessions/` or `emptyWindowChatSessions/` folder; everything else the adapter lists is
 * a CLI event log.
 */
export function sourceKindOf(path: string): CopilotSourceKind {
  if (basename(path) === 'agent-traces.db' && basename(dirname(path)) === 'github.copilot-chat') return 'vscode-traces';
  return VSCODE_SESSION_DIRS.includes(basename(dirname(path))) ? 'vscode-chat' : 'cli-events';
}
