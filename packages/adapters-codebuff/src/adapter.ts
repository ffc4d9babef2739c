import type { AgentAdapter } from '@rimuru/core';
import { discoverChats, hasChats } from './discover.js';
import { readChat } from './read-chat.js';
import { codebuffProjectRoots } from './roots.js';

/** Reads Codebuff chats (`~/.config/manicode/projects/<p>/chats/<id>/chat-messages.json`). */
export const codebuffAdapter: AgentAdapter = {
  id: 'codebuff',
  label: 'Codebuff',
  detect: (ctx) => hasChats(ctx),
  roots: (ctx) => codebuffProjectRoots(ctx),
  discover: (ctx) => discoverChats(ctx),
  read: (source) => readChat(source.path),
  // Its read uses only the context's data and logger: the engine may run it in a worker thread.
  readsOffThread: true,
};
