import { existingDirectories, isDirectory, rootsFromEnv } from '@rimuru/adapter-kit';
import { basename, isAbsolute, join } from 'node:path';
import { RimuruError, type AdapterContext } from '@rimuru/core';

const DATA_DIR_VAR = 'AMP_DATA_DIR';

/** An `AMP_DATA_DIR` entry names Amp's data dir (holding `threads/`), or `threads/` itself. */
async function threadsDirOf(entry: string): Promise<string | null> {
  const nested = join(entry, 'threads');
  if (await isDirectory(nested)) return nested;
  if (basename(entry) === 'threads' && (await isDirectory(entry))) return entry;
  return null;
}

/**
 * The `threads/` directories Amp keeps its thread documents in. `AMP_DATA_DIR` (one directory
 * or a comma-separated list, as ccusage reads it) replaces the default, and naming nothing
 * usable is an error rather than a silent fallback. Otherwise Amp's XDG data directory:
 * `$XDG_DATA_HOME/amp` (absolute values only, as the XDG spec says) or `~/.local/share/amp`,
 * the same home-relative place on Linux, macOS and Windows.
 */
export async function ampThreadRoots(ctx: AdapterContext): Promise<string[]> {
  const configured = await rootsFromEnv(ctx.env, DATA_DIR_VAR, ctx.homeDir, threadsDirOf);
  if (configured !== null) {
    if (configured.roots.length === 0) {
      throw new RimuruError(
        'SOURCE_ERROR',
        `${DATA_DIR_VAR}="${configured.value}" names no Amp data directory with a threads/ folder`,
        1,
        {
          suggestions: [`Point ${DATA_DIR_VAR} at a directory containing threads/, or unset it`],
        },
      );
    }
    return configured.roots;
  }
  const xdg = ctx.env['XDG_DATA_HOME'];
  const candidates = [join(ctx.homeDir, '.local', 'share', 'amp', 'threads')];
  if (xdg !== undefined && isAbsolute(xdg)) candidates.unshift(join(xdg, 'amp', 'threads'));
  return existingDirectories(candidates);
}
