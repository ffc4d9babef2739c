import { listFiles, SourceList } from '@rimuru/adapter-kit';
import type { AdapterContext, SourceRef } from '@rimuru/core';
import { gooseSessionRoots } from './roots.js';

/** `sessions.db` (current) and `<id>.jsonl` (legacy), directly in a sessions dir. */
const PATTERNS = ['sessions.db', '*.jsonl'];

/**
 * Every Goose store, roots in order: the SQLite database and the legacy files, all snapshot
 * sources (the database is re-read whole when it or its WAL changes; Goose rewrote legacy files
 * whole). Sorted by code unit, so `sessions.db` and `*.jsonl` interleave deterministically.
 */
export async function discoverGooseSources(ctx: AdapterContext): Promise<SourceRef[]> {
  const list = new SourceList();
  for (const root of await gooseSessionRoots(ctx)) {
    for (const path of await listFiles(root, PATTERNS)) list.add(path, 'snapshot');
  }
  return list.sources;
}

export async function hasGooseSources(ctx: AdapterContext): Promise<boolean> {
  for (const root of await gooseSessionRoots(ctx)) {
    if ((await listFiles(root, PATTERNS, { limit: 1 })).length > 0) return true;
  }
  return false;
}
