import { isDirectory, rootsFromEnv } from '@rimuru/adapter-kit';
import { join } from 'node:path';
import { RimuruError, type AdapterContext } from '@rimuru/core';

const HOME_VAR = 'CODEX_HOME';

/** The two folders of a Codex home that hold rollouts. */
export const SESSIONS_DIR = 'sessions';
export const ARCHIVED_DIR = 'archived_sessions';

/**
 * The Codex homes to read: `CODEX_HOME` (a comma-separated list, as ccusage accepts) or
 * `~/.codex`. A `CODEX_HOME` naming no existing directory is a misconfiguration, reported
 * rather than silently replaced by the default. An existing home without sessions yet is fine.
 */
export async function codexHomes(ctx: AdapterContext): Promise<string[]> {
  const configured = await rootsFromEnv(ctx.env, HOME_VAR, ctx.homeDir);
  if (configured !== null) {
    if (configured.roots.length === 0) {
      throw new RimuruError(
        'SOURCE_ERROR',
        `${HOME_VAR}="${configured.value}" names no existing Codex home directory`,
        1,
        {
          suggestions: [`Point ${HOME_VAR} at your Codex home (the folder holding sessions/), or unset it`],
        },
      );
    }
    return configured.roots;
  }
  const fallback = join(ctx.homeDir, '.codex');
  return (await isDirectory(fallback)) ? [fallback] : [];
}

/** The existing `sessions/` and `archived_sessions/` folders of every home, in home order. */
export async function codexRoots(ctx: AdapterContext): Promise<string[]> {
  const roots: string[] = [];
  for (const home of await codexHomes(ctx)) {
    for (const dir of [SESSIONS_DIR, ARCHIVED_DIR]) {
      const path = join(home, dir);
      if (await isDirectory(path)) roots.push(path);
    }
  }
  return roots;
}
