import { listFiles, SourceList } from '@rimuru/adapter-kit';
import { basename } from 'node:path';
import type { AdapterContext, SourceRef } from '@rimuru/core';
import { copilotCliRoots, vscodeChatRoots, vscodeTraceStores } from './roots.js';

/** CLI layouts: `<sessionId>/events.jsonl` (current) and flat `<sessionId>.jsonl` (legacy). */
const CLI_PATTERNS = ['*/events.jsonl', '*.jsonl'];
/** `workspaceStorage/<hash>/chatSessions/<sessionId>.json[l]`. */
const WORKSPACE_PATTERNS = ['*/chatSessions/*.json', '*/chatSessions/*.jsonl'];
/** `globalStorage/emptyWindowChatSessions/<sessionId>.json[l]`. */
const EMPTY_WINDOW_PATTERNS = ['*.json', '*.jsonl'];

function chatPatterns(root: string): string[] {
  return basename(root) === 'emptyWindowChatSessions' ? EMPTY_WINDOW_PATTERNS : WORKSPACE_PATTERNS;
}

/**
 * Every Copilot source: CLI event logs (append-only, read incrementally) first, then VS Code
 * chat sessions (rewritten whole or replayed as a mutation log, so re-read whole on change),
 * then Copilot Chat's trace stores (SQLite, re-read whole on change).
 * A file reachable twice through symlinks is listed once.
 */
export async function discoverCopilotSources(ctx: AdapterContext): Promise<SourceRef[]> {
  const list = new SourceList();
  for (const root of await copilotCliRoots(ctx)) {
    for (const path of await listFiles(root, CLI_PATTERNS)) list.add(path, 'append');
  }
  for (const root of await vscodeChatRoots(ctx)) {
    for (const path of await listFiles(root, chatPatterns(root))) list.add(path, 'snapshot');
  }
  // Trace stores come last: they add exact tokens to the chats listed above.
  for (const store of await vscodeTraceStores(ctx)) list.add(store, 'snapshot');
  return list.sources;
}

/** Whether any root holds at least one Copilot session file. */
export async function hasCopilotSources(ctx: AdapterContext): Promise<boolean> {
  for (const root of await copilotCliRoots(ctx)) {
    if ((await listFiles(root, CLI_PATTERNS, { limit: 1 })).length > 0) return true;
  }
  for (const root of await vscodeChatRoots(ctx)) {
    if ((await listFiles(root, chatPatterns(root), { limit: 1 })).length > 0) return true;
  }
  return (await vscodeTraceStores(ctx)).length > 0;
}
