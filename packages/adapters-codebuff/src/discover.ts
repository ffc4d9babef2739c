import { listFiles, SourceList } from '@rimuru/adapter-kit';
import type { AdapterContext, SourceRef } from '@rimuru/core';
import { codebuffProjectRoots } from './roots.js';

/** `projects/<project>/chats/<chat id>/chat-messages.json`. */
const PATTERN = '*/chats/*/chat-messages.json';

/** Every chat, roots in channel order, sorted; snapshot sources (Codebuff rewrites the file whole). */
export async function discoverChats(ctx: AdapterContext): Promise<SourceRef[]> {
  const list = new SourceList();
  for (const root of await codebuffProjectRoots(ctx)) {
    for (const path of await listFiles(root, PATTERN)) list.add(path, 'snapshot');
  }
  return list.sources;
}

export async function hasChats(ctx: AdapterContext): Promise<boolean> {
  for (const root of await codebuffProjectRoots(ctx)) {
    if ((await listFiles(root, PATTERN, { limit: 1 })).length > 0) return true;
  }
  return false;
}
