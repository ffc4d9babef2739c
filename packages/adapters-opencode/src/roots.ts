import { existingDirectories, rootsFromEnv } from '@rimuru/adapter-kit';
import { isAbsolute, join } from 'node:path';
import { RimuruError, type AdapterContext } from '@rimuru/core';
import type { StoreConfig } from './store-config.js';

/**
 * The data directories of an OpenCode-family agent. The override variable (ccusage's, a
 * comma-separated list) replaces the default, and naming nothing usable is an error rather than
 * a silent fallback. Otherwise `$XDG_DATA_HOME/<dir>` (default `~/.local/share/<dir>`) on every
 * platform: OpenCode resolves its paths with xdg-basedir, which uses `~/.local/share` on macOS
 * and Windows too (no `~/Library` or `%APPDATA%` location exists).
 */
export async function storeRoots(config: StoreConfig, ctx: AdapterContext): Promise<string[]> {
  const configured = await rootsFromEnv(ctx.env, config.envVar, ctx.homeDir);
  if (configured !== null) {
    if (configured.roots.length === 0) {
      throw new RimuruError(
        'SOURCE_ERROR',
        `${config.envVar}="${configured.value}" names no existing ${config.label} data directory`,
        1,
        {
          suggestions: [`Point ${config.envVar} at the directory holding ${config.dbName} or storage/, or unset it`],
        },
      );
    }
    return configured.roots;
  }
  const xdg = ctx.env['XDG_DATA_HOME'];
  // The XDG spec says to ignore a relative XDG_DATA_HOME.
  const dataHome = xdg !== undefined && isAbsolute(xdg) ? xdg : join(ctx.homeDir, '.local', 'share');
  const extra = config.platformDirs?.(ctx.platform, ctx.env) ?? [];
  return existingDirectories([join(dataHome, config.dirName), ...extra]);
}
