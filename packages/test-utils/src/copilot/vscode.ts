/**
 * Builders of VS Code Copilot Chat session files (agent-formats §4.1): the v3 JSON
 * `chatSessions/<sessionId>.json`, the newer `ObjectMutationLog` `.jsonl`, and the sibling
 * `workspace.json`. Dates are epoch milliseconds, as VS Code writes them.
 */

export interface ChatRequestInit {
  /** Epoch milliseconds; any other value for a malformed request. */
  timestamp: unknown;
  modelId?: string;
  text?: string;
  requestId?: string;
  details?: string;
}

let requestCounter = 0;

export function chatRequest(init: ChatRequestInit): Record<string, unknown> {
  requestCounter += 1;
  return {
    requestId: init.requestId ?? `request_${requestCounter.toString().padStart(8, '0')}`,
    message: { text: init.text ?? 'hello', parts: [] },
    variableData: { variables: [] },
    response: [{ value: 'ok' }],
    result: {
      timings: { firstProgress: 100, totalElapsed: 900 },
      metadata: {},
      ...(init.details === undefined ? {} : { details: init.details }),
    },
    agent: { id: 'github.copilot.editsAgent' },
    timestamp: init.timestamp,
    ...(init.modelId === undefined ? {} : { modelId: init.modelId }),
  };
}

export interface ChatSessionInit {
  sessionId?: string;
  creationDate?: number;
  lastMessageDate?: number;
  customTitle?: string;
  requests: Record<string, unknown>[];
  selectedModel?: string;
}

export function chatSession(init: ChatSessionInit): Record<string, unknown> {
  return {
    version: 3,
    requesterUsername: 'sample',
    responderUsername: 'GitHub Copilot',
    initialLocation: 'panel',
    requests: init.requests,
    ...(init.sessionId === undefined ? {} : { sessionId: init.sessionId }),
    ...(init.creationDate === undefined ? {} : { creationDate: init.creationDate }),
    isImported: false,
    ...(init.lastMessageDate === undefined ? {} : { lastMessageDate: init.lastMessageDate }),
    ...(init.customTitle === undefined ? {} : { customTitle: init.customTitle }),
    ...(init.selectedModel === undefined ? {} : { selectedModel: { identifier: init.selectedModel } }),
  };
}

/** `workspaceStorage/<hash>/workspace.json` for a folder (or a `.code-workspace` file). */
export function workspaceJson(target: { folder: string } | { workspace: string }): string {
  return JSON.stringify(target);
}

/** Mutation log entries (VS Code `EntryKind`): 0 initial, 1 set, 2 push (i truncates first), 3 delete. */
export const mutation = {
  initial: (v: unknown): string => JSON.stringify({ kind: 0, v }),
  set: (k: (string | number)[], v: unknown): string => JSON.stringify({ kind: 1, k, v }),
  push: (k: (string | number)[], v?: unknown[], i?: number): string =>
    JSON.stringify({ kind: 2, k, ...(v === undefined ? {} : { v }), ...(i === undefined ? {} : { i }) }),
  delete: (k: (string | number)[]): string => JSON.stringify({ kind: 3, k }),
};

/** VS Code's `User` directory for a product on a platform, relative to the home directory. */
export function vscodeUserDir(
  platform: 'linux' | 'darwin' | 'win32',
  product: 'Code' | 'Code - Insiders' = 'Code',
): string {
  if (platform === 'darwin') return `Library/Application Support/${product}/User`;
  if (platform === 'win32') return `AppData/Roaming/${product}/User`;
  return `.config/${product}/User`;
}
