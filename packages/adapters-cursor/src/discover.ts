import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isDirectory, isFile } from '@rimuru/adapter-kit';
import type { AdapterContext, SourceRef } from '@rimuru/core';
import { cursorPaths } from './paths.js';

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function subdirectories(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort(byCodeUnit);
  } catch {
    return [];
  }
}

/** `~/.cursor/chats/<md5(cwd)>/<agentId>/store.db`, sorted by path. */
async function discoverCliStores(chatsDir: string, limit = Infinity): Promise<string[]> {
  const stores: string[] = [];
  for (const hash of await subdirectories(chatsDir)) {
    for (const agent of await subdirectories(join(chatsDir, hash))) {
      const store = join(chatsDir, hash, agent, 'store.db');
      if (await isFile(store)) stores.push(store);
      if (stores.length >= limit) return stores;
    }
  }
  return stores;
}

/**
 * The global `state.vscdb` (one snapshot source holding every IDE composer; workspace databases
 * are read along with it) first, then every cursor-agent store, each a snapshot source.
 */
export async function discoverCursorSources(ctx: AdapterContext): Promise<SourceRef[]> {
  const paths = cursorPaths(ctx);
  const sources: SourceRef[] = [];
  if (await isFile(paths.globalDb)) sources.push({ path: paths.globalDb, mode: 'snapshot' });
  for (const store of await discoverCliStores(paths.cliChats)) sources.push({ path: store, mode: 'snapshot' });
  return sources;
}

export async function hasCursorData(ctx: AdapterContext): Promise<boolean> {
  const paths = cursorPaths(ctx);
  return (await isFile(paths.globalDb)) || (await discoverCliStores(paths.cliChats, 1)).length > 0;
}

/** The IDE's `User` directory and the CLI's chats directory, where they exist. */
export async function cursorRoots(ctx: AdapterContext): Promise<string[]> {
  const paths = cursorPaths(ctx);
  const roots: string[] = [];
  for (const dir of [paths.userDir, paths.cliChats]) if (await isDirectory(dir)) roots.push(dir);
  return roots;
}
