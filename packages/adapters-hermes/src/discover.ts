import { join } from 'node:path';
import { isFile, listFiles, SourceList } from '@rimuru/adapter-kit';
import type { AdapterContext, SourceRef } from '@rimuru/core';
import { hermesHomes } from './roots.js';

export const isStateDb = (path: string): boolean => /(^|[\\/])state\.db$/.test(path);

/**
 * Per home: `state.db` (SQLite, re-read whole) and the per-session JSON documents in
 * `sessions/` (`session_<id>.json`, re-read whole; no tokens). All snapshot sources.
 */
export async function discoverHermesSources(ctx: AdapterContext, limit = Infinity): Promise<SourceRef[]> {
  const list = new SourceList();
  for (const home of await hermesHomes(ctx)) {
    const db = join(home, 'state.db');
    if (await isFile(db)) list.add(db, 'snapshot');
    for (const path of await listFiles(join(home, 'sessions'), '*.json')) {
      if (list.sources.length >= limit) break;
      list.add(path, 'snapshot');
    }
    if (list.sources.length >= limit) break;
  }
  return list.sources;
}
