import { listFiles, SourceList } from '@rimuru/adapter-kit';
import type { AdapterContext, SourceRef } from '@rimuru/core';
import { ampThreadRoots } from './roots.js';

/**
 * Thread documents: `T-<uuid>.json`, possibly in subfolders (ccusage collects every `.json`
 * under `threads/` recursively; so do we, and let the reader reject what is not a thread).
 */
const PATTERNS = ['**/*.json'];

/**
 * Every thread file, roots in order, each root sorted by code unit. Snapshot sources: Amp
 * rewrites the whole document as the thread grows, so each change is re-read whole.
 */
export async function discoverThreads(ctx: AdapterContext): Promise<SourceRef[]> {
  const list = new SourceList();
  for (const root of await ampThreadRoots(ctx)) {
    for (const path of await listFiles(root, PATTERNS)) list.add(path, 'snapshot');
  }
  return list.sources;
}

export async function hasThreads(ctx: AdapterContext): Promise<boolean> {
  for (const root of await ampThreadRoots(ctx)) {
    if ((await listFiles(root, PATTERNS, { limit: 1 })).length > 0) return true;
  }
  return false;
}
