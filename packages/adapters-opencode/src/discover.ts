import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { listFiles, SourceList } from '@rimuru/adapter-kit';
import type { AdapterContext, SourceRef } from '@rimuru/core';
import { storeRoots } from './roots.js';
import { isStoreDb, type StoreConfig } from './store-config.js';

/** The store databases directly in a root, main one and release channels, by name. */
async function storeDbs(config: StoreConfig, root: string): Promise<string[]> {
  try {
    const entries = await readdir(root, { withFileTypes: true });
    return entries
      .filter((e) => e.isFile() && isStoreDb(config, e.name))
      .map((e) => e.name)
      .sort((a, b) => (a === config.dbName ? -1 : b === config.dbName ? 1 : a < b ? -1 : a > b ? 1 : 0))
      .map((name) => join(root, name));
  } catch {
    return [];
  }
}

/**
 * Legacy tree files that are sources: session files and message files, one source each.
 * Parts are not sources: only step-finish parts carry tokens, and they are read with their
 * message (see README: one source per file).
 */
const LEGACY_PATTERNS = ['storage/session/**/*.json', 'storage/message/**/*.json'];

/**
 * Every source: each root's databases (snapshot), then its legacy session and message files
 * (snapshot: whole JSON documents rewritten in place). A file reachable twice is listed once.
 */
export async function discoverStoreSources(config: StoreConfig, ctx: AdapterContext): Promise<SourceRef[]> {
  const list = new SourceList();
  for (const root of await storeRoots(config, ctx)) {
    for (const db of await storeDbs(config, root)) list.add(db, 'snapshot');
    for (const file of await listFiles(root, LEGACY_PATTERNS)) list.add(file, 'snapshot');
  }
  return list.sources;
}

export async function hasStoreData(config: StoreConfig, ctx: AdapterContext): Promise<boolean> {
  for (const root of await storeRoots(config, ctx)) {
    if ((await storeDbs(config, root)).length > 0) return true;
    if ((await listFiles(root, LEGACY_PATTERNS, { limit: 1 })).length > 0) return true;
  }
  return false;
}
