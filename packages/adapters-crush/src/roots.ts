import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { existingDirectories, rootsFromEnv } from '@rimuru/adapter-kit';
import { RimuruError, type AdapterContext } from '@rimuru/core';
import { DB_FILE, REGISTRY_FILE } from './project-registry.js';

const ENV_VAR = 'CRUSH_GLOBAL_DATA';

/**
 * Crush's global data directory, the one holding `projects.json` (its `GlobalConfigData()`):
 * `$CRUSH_GLOBAL_DATA`, else `$XDG_DATA_HOME/crush`, else `%LOCALAPPDATA%\crush` on Windows
 * (`%USERPROFILE%\AppData\Local` when unset) and `~/.local/share/crush` elsewhere (macOS too).
 * The variable may list several directories, comma-separated (as the other adapters'
 * overrides do); one naming nothing usable is an error, not a silent fallback.
 */
export async function globalDataDirs(ctx: AdapterContext): Promise<string[]> {
  // A directory holding Crush data: a registry, or directly a project's `crush.db`.
  const usable = (path: string) =>
    Promise.resolve(existsSync(join(path, REGISTRY_FILE)) || existsSync(join(path, DB_FILE)) ? path : null);
  const configured = await rootsFromEnv(ctx.env, ENV_VAR, ctx.homeDir, usable);
  if (configured !== null) {
    if (configured.roots.length === 0) {
      throw new RimuruError(
        'SOURCE_ERROR',
        `${ENV_VAR}="${configured.value}" names no directory with Crush's ${REGISTRY_FILE} or ${DB_FILE}`,
        1,
        {
          suggestions: [
            `Point ${ENV_VAR} at the directory holding ${REGISTRY_FILE} (Crush's global data directory), or unset it`,
          ],
        },
      );
    }
    return configured.roots;
  }
  const xdg = ctx.env['XDG_DATA_HOME']?.trim();
  // A relative XDG_DATA_HOME would depend on the working directory: ignored, as the XDG spec says.
  if (xdg !== undefined && xdg !== '' && isAbsolute(xdg)) return existingDirectories([join(xdg, 'crush')]);
  if (ctx.platform === 'win32') {
    const local = ctx.env['LOCALAPPDATA']?.trim() || join(ctx.homeDir, 'AppData', 'Local');
    return existingDirectories([join(local, 'crush')]);
  }
  return existingDirectories([join(ctx.homeDir, '.local', 'share', 'crush')]);
}
