import type { AgentAdapter } from '@rimuru/core';
import { discoverGeminiChats, hasGeminiChats } from './discover.js';
import { readChatJson } from './read-chat-json.js';
import { DEFAULT_READ_LIMITS, readChatLog } from './read-chat-log.js';
import { geminiRoots } from './roots.js';

/**
 * Google Gemini CLI: one session per chat (`sessionId`), usage per Gemini message with
 * tokens, deduplicated by message id. JSON documents are snapshots; the ≥0.40 JSONL logs
 * are read incrementally with their patch state in the checkpoint.
 */
export const geminiCliAdapter: AgentAdapter = {
  id: 'gemini-cli',
  label: 'Gemini CLI',
  detect: (ctx) => hasGeminiChats(ctx),
  roots: (ctx) => geminiRoots(ctx),
  discover: (ctx) => discoverGeminiChats(ctx),
  read: (source, from, ctx) =>
    source.path.endsWith('.jsonl')
      ? readChatLog(source.path, from, DEFAULT_READ_LIMITS, ctx.logger)
      : readChatJson(source.path),
  // Its read uses only the context's data and logger: the engine may run it in a worker thread.
  readsOffThread: true,
};
