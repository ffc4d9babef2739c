import { realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { RimuruError, type AdapterContext } from '@rimuru/core';

const HOME_VAR = 'CODEX_HOME';

/** The two folders of a Codex home that hold rollouts. */
export const SESSIONS_DIR = 'sessions';
export const ARCHIVED_DIR = 'archived_sessions';

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

function expandHome(path: string, homeDir: string): string {
  if (path === '~') return homeDir;
  if (path.startsWith('~/') || path.startsWith('~\\')) return join(homeDir, path.slice(2));
  return path;
}

/** Keeps the first of several paths that resolve to the same directory (symlinks, `..`). */
async function dedupeByRealpath(paths: string[]): Promise<string[]> {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const path of paths) {
    let real: string;
    try {
      real = await realpath(path);
    } catch {
      continue;
    }
    if (seen.has(real)) continue;
    seen.add(real);
    kept.push(path);
  }
  return kept;
}

/**
 * The Codex homes to read: `CODEX_HOME` (a comma-separated list, as ccusage accepts) or
 * `~/.codex`. A `CODEX_HOME` naming no existing directory is a misconfiguration, reported
 * rather than silently replaced by the default. An existing home without sessions yet is fine.
 */
export async function codexHomes(ctx: AdapterContext): Promise<string[]> {
  const configured = ctx.env[HOME_VAR]?.trim();
  if (configured !== undefined && configured !== '') {
    const found: string[] = [];
    for (const raw of configured.split(',')) {
      const entry = raw.trim();
      if (entry === '') continue;
      const dir = resolve(ctx.homeDir, expandHome(entry, ctx.homeDir));
      if (await isDirectory(dir)) found.push(dir);
    }
    const homes = await dedupeByRealpath(found);
    if (homes.length === 0) {
      throw new RimuruError('SOURCE_ERROR', `${HOME_VAR}="${configured}" names no existing Codex home directory`, 1, {
        suggestions: [`Point ${HOME_VAR} at your Codex home (the folder holding sessions/), or unset it`],
      });
    }
    return homes;
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
