import { realpath } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { AdapterContext, SourceRef } from '@rimuru/core';
import { glob } from 'tinyglobby';
import { ARCHIVED_DIR, SESSIONS_DIR, codexHomes } from './roots.js';

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

async function list(cwd: string, pattern: string, limit?: number): Promise<string[]> {
  const files = await glob(pattern, { cwd, absolute: true, onlyFiles: true, dot: true, expandDirectories: false });
  files.sort(byCodeUnit);
  return limit === undefined ? files : files.slice(0, limit);
}

/**
 * The rollouts of one home: `sessions/**\/rollout-*.jsonl` (dated folders), then the flat
 * `archived_sessions/*.jsonl`. Archiving moves a file and keeps its name, so an archived
 * file whose name also exists under `sessions/` is a stale copy: the `sessions/` one wins.
 */
async function rolloutsOf(home: string): Promise<string[]> {
  const live = await list(join(home, SESSIONS_DIR), '**/rollout-*.jsonl');
  const liveNames = new Set(live.map((p) => basename(p)));
  const archived = (await list(join(home, ARCHIVED_DIR), '*.jsonl')).filter((p) => !liveNames.has(basename(p)));
  return [...live, ...archived];
}

/** Every rollout of every home, homes in order; a file reachable twice (symlinks) is listed once. */
export async function discoverRollouts(ctx: AdapterContext): Promise<SourceRef[]> {
  const seen = new Set<string>();
  const sources: SourceRef[] = [];
  for (const home of await codexHomes(ctx)) {
    for (const path of await rolloutsOf(home)) {
      let real = path;
      try {
        real = await realpath(path);
      } catch {
        // Vanished between listing and now: keep the listed path; reading will report it.
      }
      if (seen.has(real)) continue;
      seen.add(real);
      sources.push({ path, mode: 'append' });
    }
  }
  return sources;
}

/** Whether any home holds at least one rollout. */
export async function hasRollouts(ctx: AdapterContext): Promise<boolean> {
  for (const home of await codexHomes(ctx)) {
    if ((await list(join(home, SESSIONS_DIR), '**/rollout-*.jsonl', 1)).length > 0) return true;
    if ((await list(join(home, ARCHIVED_DIR), '*.jsonl', 1)).length > 0) return true;
  }
  return false;
}
