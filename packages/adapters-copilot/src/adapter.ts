import type { AgentAdapter } from '@rimuru/core';
import { readCliEvents } from './cli/read-events.js';
import { discoverCopilotSources, hasCopilotSources } from './discover.js';
import { copilotRoots } from './roots.js';
import { sourceKindOf } from './source-kind.js';
import { readChatSession } from './vscode/read-chat-session.js';
import { readTraceStore } from './vscode/traces/read-traces.js';

/**
 * Reads GitHub Copilot's local data: the Copilot CLI's event logs
 * (`~/.copilot/session-state/**`, with token usage per process run) and VS Code Copilot
 * Chat sessions (stable and Insiders; activity only, as the chat files record no tokens),
 * with exact tokens per request from Copilot Chat's OpenTelemetry trace store where the user
 * enabled it (`agent-traces.db`).
 */
export const copilotAdapter: AgentAdapter = {
  id: 'copilot',
  label: 'GitHub Copilot',
  detect: (ctx) => hasCopilotSources(ctx),
  roots: (ctx) => copilotRoots(ctx),
  discover: (ctx) => discoverCopilotSources(ctx),
  read: (source, from, ctx) => {
    const kind = sourceKindOf(source.path);
    if (kind === 'vscode-traces') return readTraceStore(source.path);
    return kind === 'vscode-chat' ? readChatSession(source.path, ctx.platform) : readCliEvents(source.path, from);
  },
  // Its read uses only the context's data and logger: the engine may run it in a worker thread.
  readsOffThread: true,
};
