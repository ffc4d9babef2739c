import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { RimuruError, type AdapterContext } from '@rimuru/core';

const CONFIG_DIR_VAR = 'CLAUDE_CONFIG_DIR';

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

/** A `CLAUDE_CONFIG_DIR` entry names a config dir holding `projects/`, or `projects/` itself. */
async function projectsDirOf(entry: string): Promise<string | null> {
  const nested = join(entry, 'projects');
  if (await isDirectory(nested)) return nested;
  if (/[\\/]projects[\\/]?$/.test(entry) && (await isDirectory(entry))) return entry;
  return null;
}

/**
 * The `projects/` directories Claude Code writes transcripts to. `CLAUDE_CONFIG_DIR`
 * (comma-separated) replaces the defaults, and naming nothing usable there is an error
 * rather than a silent fallback. Otherwise the XDG location and `~/.claude`, both when both
 * exist (ccusage merges them too), XDG first.
 */
export async function claudeProjectRoots(ctx: AdapterContext): Promise<string[]> {
  const configured = ctx.env[CONFIG_DIR_VAR]?.trim();
  if (configured !== undefined && configured !== '') {
    const found: string[] = [];
    for (const raw of configured.split(',')) {
      const entry = raw.trim();
      if (entry === '') continue;
      const dir = await projectsDirOf(resolve(ctx.homeDir, expandHome(entry, ctx.homeDir)));
      if (dir !== null) found.push(dir);
    }
    const roots = await dedupeByRealpath(found);
    if (roots.length === 0) {
      throw new RimuruError(
        'SOURCE_ERROR',
        `${CONFIG_DIR_VAR}="${configured}" names no Claude config directory with a projects/ folder`,
        1,
        { suggestions: [`Point ${CONFIG_DIR_VAR} at a directory containing projects/, or unset it`] },
      );
    }
    return roots;
  }
  const xdg = ctx.env['XDG_CONFIG_HOME'];
  // The XDG spec says to ignore a relative XDG_CONFIG_HOME.
  const configHome = xdg !== undefined && isAbsolute(xdg) ? xdg : join(ctx.homeDir, '.config');
  const candidates = [join(configHome, 'claude', 'projects'), join(ctx.homeDir, '.claude', 'projects')];
  const existing: string[] = [];
  for (const candidate of candidates) if (await isDirectory(candidate)) existing.push(candidate);
  return dedupeByRealpath(existing);
}
