import { listFiles, SourceList } from '@rimuru/adapter-kit';
import { basename, dirname } from 'node:path';
import type { AdapterContext, SourceRef } from '@rimuru/core';
import { antigravityDataDirs } from './roots.js';

const PATTERNS = ['conversations/*.db', 'brain/*/.system_generated/logs/transcript.jsonl'];

export const isConversationDb = (path: string): boolean => path.endsWith('.db');

/** The conversation id: `conversations/<id>.db` or `brain/<id>/.system_generated/logs/transcript.jsonl`. */
export function conversationIdOf(path: string): string {
  if (isConversationDb(path)) return basename(path, '.db');
  return basename(dirname(dirname(dirname(path))));
}

/** Conversation databases (snapshot) and step transcripts (append), each data dir in order. */
export async function discoverAntigravitySources(ctx: AdapterContext, limit?: number): Promise<SourceRef[]> {
  const list = new SourceList();
  for (const dir of await antigravityDataDirs(ctx)) {
    for (const path of await listFiles(dir, PATTERNS, limit === undefined ? {} : { limit })) {
      list.add(path, isConversationDb(path) ? 'snapshot' : 'append');
    }
    if (limit !== undefined && list.sources.length >= limit) break;
  }
  return list.sources;
}
