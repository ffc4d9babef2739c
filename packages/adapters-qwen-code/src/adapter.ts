import type { AgentAdapter } from '@rimuru/core';
import { discoverQwenChats, hasQwenChats } from './discover.js';
import { DEFAULT_READ_LIMITS, readQwenChat } from './read-chat.js';
import { qwenRoots } from './roots.js';

/** Qwen Code: one session per chat log, usage per assistant call (`usageMetadata`). */
export const qwenCodeAdapter: AgentAdapter = {
  id: 'qwen-code',
  label: 'Qwen Code',
  detect: (ctx) => hasQwenChats(ctx),
  roots: (ctx) => qwenRoots(ctx),
  discover: (ctx) => discoverQwenChats(ctx),
  read: (source, from, ctx) => readQwenChat(source.path, from, DEFAULT_READ_LIMITS, ctx.logger),
  // Its read uses only the context's data and logger: the engine may run it in a worker thread.
  readsOffThread: true,
};
