import type { AgentAdapter } from '@rimuru/core';
import { readCliEvents } from './cli/read-events.js';
import { discoverCopilotSources, hasCopilotSources } from './discover.js';
import { copilotRoots } from './roots.js';
import { sourceKindOf } from './source-kind.js';
import { readChatSession } from './vscode/read-chat-session.js';

/**
 * Reads GitHub Copilot's local data: the Copilot CLI's event logs
 * (`~/.copilot/session-state/**`, with token usage per process run) and VS Code Copilot
 * Chat sessions (stable and Insiders; activity only, as VS Code records no tokens).
 */
export const copilotAdapter: AgentAdapter = {
  id: 'copilot',
  label: 'GitHub Copilot',
  detect: (ctx) => hasCopilotSources(ctx),
  roots: (ctx) => copilotRoots(ctx),
  discover: (ctx) => discoverCopilotSources(ctx),
  read: (source, from, ctx) =>
    sourceKindOf(source.path) === 'vscode-chat' ? readChatSession(source.path, ctx.platform) : readCliEvents(source.path, from),
};
