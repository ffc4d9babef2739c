import type { AgentAdapter } from '@rimuru/core';
import { discoverGeminiChats } from './discover.js';
import { readGeminiChat } from './read-chat.js';
import { geminiRoots } from './roots.js';

/**
 * Google Gemini CLI: one session per chat file, usage per Gemini message (deduplicated by
 * message id). A third-party adapter: Rimuru knows nothing of it until the plugin is installed.
 */
export const geminiCliAdapter: AgentAdapter = {
  id: 'gemini-cli',
  label: 'Gemini CLI',
  detect: async (ctx) => (await discoverGeminiChats(ctx)).length > 0,
  roots: (ctx) => geminiRoots(ctx),
  discover: (ctx) => discoverGeminiChats(ctx),
  read: (source) => readGeminiChat(source.path),
};
