import { existingDirectories, isDirectory, rootsFromEnv } from '@rimuru/adapter-kit';
import { basename, join } from 'node:path';
import { RimuruError, type AdapterContext } from '@rimuru/core';

const DATA_DIR_VAR = 'CODEBUFF_DATA_DIR';

/** Codebuff's release channels, each with its own config dir (as ccusage checks them). */
const CHANNELS = ['manicode', 'manicode-dev', 'manicode-staging'] as const;

/** An entry names a channel root (holding `projects/`) or `projects/` itself. */
async function projectsDirOf(entry: string): Promise<string | null> {
  if (basename(entry) === 'projects') return (await isDirectory(entry)) ? entry : null;
  const nested = join(entry, 'projects');
  return (await isDirectory(nested)) ? nested : null;
}

/**
 * The `projects/` directories of Codebuff's channels. `CODEBUFF_DATA_DIR` (ccusage's variable,
 * comma-separated) replaces the defaults; naming nothing usable is an error. Otherwise
 * `~/.config/manicode{,-dev,-staging}/projects`: Codebuff keeps them under the home's
 * `.config` on every platform.
 */
export async function codebuffProjectRoots(ctx: AdapterContext): Promise<string[]> {
  const configured = await rootsFromEnv(ctx.env, DATA_DIR_VAR, ctx.homeDir, projectsDirOf);
  if (configured !== null) {
    if (configured.roots.length === 0) {
      throw new RimuruError(
        'SOURCE_ERROR',
        `${DATA_DIR_VAR}="${configured.value}" names no Codebuff channel directory with a projects/ folder`,
        1,
        {
          suggestions: [`Point ${DATA_DIR_VAR} at e.g. ~/.config/manicode, or unset it`],
        },
      );
    }
    return configured.roots;
  }
  return existingDirectories(CHANNELS.map((channel) => join(ctx.homeDir, '.config', channel, 'projects')));
}
