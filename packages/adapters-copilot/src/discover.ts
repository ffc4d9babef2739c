import { realpath } from 'node:fs/promises';
import { basename } from 'node:path';
import type { AdapterContext, SourceRef } from '@rimuru/core';
import { glob } from 'tinyglobby';
import { copilotCliRoots, vscodeChatRoots } from './roots.js';

/** CLI layouts: `<sessionId>/events.jsonl` (current) and flat `<sessionId>.jsonl` (legacy). */
const CLI_PATTERNS = ['*/events.jsonl', '*.jsonl'];
/** `workspaceStorage/<hash>/chatSessions/<sessionId>.json[l]`. */
const WORKSPACE_PATTERNS = ['*/chatSessions/*.json', '*/chatSessions/*.jsonl'];
/** `globalStorage/emptyWindowChatSessions/<sessionId>.json[l]`. */
const EMPTY_WINDOW_PATTERNS = ['*.json', '*.jsonl'];

async function filesUnder(root: string, patterns: string[], limit?: number): Promise<string[]> {
  const files = await glob(patterns, {
    cwd: root,
    absolute: true,
    onlyFiles: true,
    dot: true,
    expandDirectories: false,
  });
  // Code-unit order: deterministic and locale-independent.
  files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return limit === undefined ? files : files.slice(0, limit);
}

function chatPatterns(root: string): string[] {
  return basename(root) === 'emptyWindowChatSessions' ? EMPTY_WINDOW_PATTERNS : WORKSPACE_PATTERNS;
}

/**
 * Every Copilot source: CLI event logs (append-only, read incrementally) first, then VS Code
 * chat sessions (rewritten whole or replayed as a mutation log, so re-read whole on change).
 * A file reachable twice through symlinks is listed once.
 */
export async function discoverCopilotSources(ctx: AdapterContext): Promise<SourceRef[]> {
  const seen = new Set<string>();
  const sources: SourceRef[] = [];
  const add = async (path: string, mode: SourceRef['mode']): Promise<void> => {
    let real = path;
    try {
      real = await realpath(path);
    } catch {
      // Vanished since listing: keep the listed path; reading will report it.
    }
    if (seen.has(real)) return;
    seen.add(real);
    sources.push({ path, mode });
  };
  for (const root of await copilotCliRoots(ctx)) {
    for (const path of await filesUnder(root, CLI_PATTERNS)) await add(path, 'append');
  }
  for (const root of await vscodeChatRoots(ctx)) {
    for (const path of await filesUnder(root, chatPatterns(root))) await add(path, 'snapshot');
  }
  return sources;
}

/** Whether any root holds at least one Copilot session file. */
export async function hasCopilotSources(ctx: AdapterContext): Promise<boolean> {
  for (const root of await copilotCliRoots(ctx)) {
    if ((await filesUnder(root, CLI_PATTERNS, 1)).length > 0) return true;
  }
  for (const root of await vscodeChatRoots(ctx)) {
    if ((await filesUnder(root, chatPatterns(root), 1)).length > 0) return true;
  }
  return false;
}
