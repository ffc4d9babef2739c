import { listFiles, SourceList } from '@rimuru/adapter-kit';
import type { AdapterContext, SourceRef } from '@rimuru/core';
import { geminiRoots } from './roots.js';

/**
 * Chat files of one root: `<project>/chats/*.json` (whole documents, rewritten in place by
 * Gemini CLI before 0.40), `<project>/chats/*.jsonl` (the append-only log since 0.40) and
 * `<project>/chats/<parentSessionId>/*.jsonl` (subagent logs). `logs.json`, checkpoints and
 * `*.jsonl.unreadable-*` / `*.tmp-*` leftovers do not match.
 */
const PATTERNS = ['*/chats/*.json', '*/chats/*.jsonl', '*/chats/*/*.jsonl'];

/** Every chat file, roots in order, each file once; JSON documents are snapshots, logs append sources. */
export async function discoverGeminiChats(ctx: AdapterContext): Promise<SourceRef[]> {
  const list = new SourceList();
  for (const root of await geminiRoots(ctx)) {
    for (const path of await listFiles(root, PATTERNS)) list.add(path, path.endsWith('.jsonl') ? 'append' : 'snapshot');
  }
  return list.sources;
}

export async function hasGeminiChats(ctx: AdapterContext): Promise<boolean> {
  for (const root of await geminiRoots(ctx))
    if ((await listFiles(root, PATTERNS, { limit: 1 })).length > 0) return true;
  return false;
}
