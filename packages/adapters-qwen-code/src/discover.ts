import { appendSourcesUnder, listFiles } from '@rimuru/adapter-kit';
import type { AdapterContext, SourceRef } from '@rimuru/core';
import { qwenRoots } from './roots.js';

/** `projects/<sanitised cwd>/chats/<sessionId>.jsonl`, exactly that depth (as ccusage reads). */
const PATTERN = '*/chats/*.jsonl';

/** Every chat log of every home, in order, each file once; logs only grow, so they are append sources. */
export async function discoverQwenChats(ctx: AdapterContext): Promise<SourceRef[]> {
  return appendSourcesUnder(await qwenRoots(ctx), (root) => listFiles(root, PATTERN));
}

export async function hasQwenChats(ctx: AdapterContext): Promise<boolean> {
  for (const root of await qwenRoots(ctx)) if ((await listFiles(root, PATTERN, { limit: 1 })).length > 0) return true;
  return false;
}
