import { listFiles, SourceList } from '@rimuru/adapter-kit';
import type { AdapterContext, SourceRef } from '@rimuru/core';
import { grokSessionRoots } from './roots.js';

/**
 * `updates.jsonl` (the ACP update log, append-only: the only file with token counts) and
 * `summary.json` (rewritten whole: times, cwd, model, title). `chat_history.jsonl` and the
 * legacy `source-v1.jsonl` carry neither timestamps nor usage, so they are not sources.
 */
const PATTERNS = ['**/updates.jsonl', '**/summary.json'];

export const isSummaryFile = (path: string): boolean => /[\\/]summary\.json$/.test(path) || path === 'summary.json';

/** Every session file of every root, roots in order, files in code-unit order, each once. */
export async function discoverGrokSources(ctx: AdapterContext): Promise<SourceRef[]> {
  const list = new SourceList();
  for (const root of await grokSessionRoots(ctx)) {
    for (const path of await listFiles(root, PATTERNS)) list.add(path, isSummaryFile(path) ? 'snapshot' : 'append');
  }
  return list.sources;
}

export async function hasGrokData(ctx: AdapterContext): Promise<boolean> {
  for (const root of await grokSessionRoots(ctx))
    if ((await listFiles(root, PATTERNS, { limit: 1 })).length > 0) return true;
  return false;
}
