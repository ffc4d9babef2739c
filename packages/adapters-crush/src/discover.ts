import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { existingDirectories, SourceList } from '@rimuru/adapter-kit';
import type { AdapterContext, SourceRef } from '@rimuru/core';
import { DB_FILE, readRegistry } from './project-registry.js';
import { globalDataDirs } from './roots.js';

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every project `crush.db` the registries list (plus one directly in a global directory),
 * sorted by path: the registry's own order follows last access and would reorder sources.
 */
async function databases(ctx: AdapterContext): Promise<string[]> {
  const found = new Set<string>();
  for (const dir of await globalDataDirs(ctx)) {
    if (existsSync(join(dir, DB_FILE))) found.add(join(dir, DB_FILE));
    for (const project of await readRegistry(dir)) {
      const db = join(project.dataDir, DB_FILE);
      if (existsSync(db)) found.add(db);
    }
  }
  return [...found].sort(byCodeUnit);
}

export async function discoverCrush(ctx: AdapterContext): Promise<SourceRef[]> {
  const list = new SourceList();
  // A SQLite store changes in place: re-read whole (snapshot) when it changes.
  for (const db of await databases(ctx)) list.add(db, 'snapshot');
  return list.sources;
}

export async function detectCrush(ctx: AdapterContext): Promise<boolean> {
  return (await databases(ctx)).length > 0;
}

/** The global directories and every registered project's data directory that exists. */
export async function crushRoots(ctx: AdapterContext): Promise<string[]> {
  const globals = await globalDataDirs(ctx);
  const dataDirs = (await databases(ctx)).map((db) => dirname(db));
  return existingDirectories([...globals, ...dataDirs]);
}
