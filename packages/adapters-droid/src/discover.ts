import { listFiles, SourceList } from '@rimuru/adapter-kit';
import type { AdapterContext, SourceRef } from '@rimuru/core';
import { droidSessionRoots } from './roots.js';

const SETTINGS_SUFFIX = '.settings.json';

export function isSettingsFile(path: string): boolean {
  return path.endsWith(SETTINGS_SUFFIX);
}

/**
 * Every transcript (`<uuid>.jsonl`, read by byte offset) and every token snapshot
 * (`<uuid>.settings.json`, re-read whole), roots in order, each root's files in code-unit
 * order, a file reachable twice listed once.
 */
export async function discoverDroidSources(ctx: AdapterContext): Promise<SourceRef[]> {
  const list = new SourceList();
  for (const root of await droidSessionRoots(ctx)) {
    for (const path of await listFiles(root, ['**/*.jsonl', `**/*${SETTINGS_SUFFIX}`])) {
      list.add(path, isSettingsFile(path) ? 'snapshot' : 'append');
    }
  }
  return list.sources;
}

export async function hasDroidData(ctx: AdapterContext): Promise<boolean> {
  for (const root of await droidSessionRoots(ctx)) {
    if ((await listFiles(root, ['**/*.jsonl', `**/*${SETTINGS_SUFFIX}`], { limit: 1 })).length > 0) return true;
  }
  return false;
}

/** `<dir>/<uuid>.settings.json` and `<dir>/<uuid>.jsonl` both name session `<uuid>`. */
export function sessionIdOfPath(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  if (name.endsWith(SETTINGS_SUFFIX)) return name.slice(0, -SETTINGS_SUFFIX.length);
  return name.endsWith('.jsonl') ? name.slice(0, -'.jsonl'.length) : name;
}
