import { existingDirectories, isDirectory, rootsFromEnv } from '@rimuru/adapter-kit';
import { isAbsolute, join } from 'node:path';
import { RimuruError, type AdapterContext } from '@rimuru/core';

const CONFIG_DIR_VAR = 'CLAUDE_CONFIG_DIR';

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
  const configured = await rootsFromEnv(ctx.env, CONFIG_DIR_VAR, ctx.homeDir, projectsDirOf);
  if (configured !== null) {
    if (configured.roots.length === 0) {
      throw new RimuruError(
        'SOURCE_ERROR',
        `${CONFIG_DIR_VAR}="${configured.value}" names no Claude config directory with a projects/ folder`,
        1,
        { suggestions: [`Point ${CONFIG_DIR_VAR} at a directory containing projects/, or unset it`] },
      );
    }
    return configured.roots;
  }
  const xdg = ctx.env['XDG_CONFIG_HOME'];
  // The XDG spec says to ignore a relative XDG_CONFIG_HOME.
  const configHome = xdg !== undefined && isAbsolute(xdg) ? xdg : join(ctx.homeDir, '.config');
  return existingDirectories([join(configHome, 'claude', 'projects'), join(ctx.homeDir, '.claude', 'projects')]);
}
