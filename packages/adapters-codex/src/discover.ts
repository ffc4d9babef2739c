import { appendSourcesUnder, listFiles } from '@rimuru/adapter-kit';
import { basename, join } from 'node:path';
import type { AdapterContext, SourceRef } from '@rimuru/core';
import { ARCHIVED_DIR, SESSIONS_DIR, codexHomes } from './roots.js';

const LIVE_PATTERN = '**/rollout-*.jsonl';
const ARCHIVED_PATTERN = '*.jsonl';

/**
 * The rollouts of one home: `sessions/**\/rollout-*.jsonl` (dated folders), then the flat
 * `archived_sessions/*.jsonl`. Archiving moves a file and keeps its name, so an archived
 * file whose name also exists under `sessions/` is a stale copy: the `sessions/` one wins.
 */
async function rolloutsOf(home: string): Promise<string[]> {
  const live = await listFiles(join(home, SESSIONS_DIR), LIVE_PATTERN);
  const liveNames = new Set(live.map((p) => basename(p)));
  const archived = (await listFiles(join(home, ARCHIVED_DIR), ARCHIVED_PATTERN)).filter(
    (p) => !liveNames.has(basename(p)),
  );
  return [...live, ...archived];
}

/** Every rollout of every home, homes in order; a file reachable twice (symlinks) is listed once. */
export async function discoverRollouts(ctx: AdapterContext): Promise<SourceRef[]> {
  return appendSourcesUnder(await codexHomes(ctx), rolloutsOf);
}

/** Whether any home holds at least one rollout. */
export async function hasRollouts(ctx: AdapterContext): Promise<boolean> {
  for (const home of await codexHomes(ctx)) {
    if ((await listFiles(join(home, SESSIONS_DIR), LIVE_PATTERN, { limit: 1 })).length > 0) return true;
    if ((await listFiles(join(home, ARCHIVED_DIR), ARCHIVED_PATTERN, { limit: 1 })).length > 0) return true;
  }
  return false;
}
