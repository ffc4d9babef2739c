import { isDirectory, resolveUserPath, rootsFromEnv } from '@rimuru/adapter-kit';
import { join } from 'node:path';
import { RimuruError, type AdapterContext } from '@rimuru/core';

/** ccusage's override: one directory or a comma-separated list, each holding `<project>/chats/`. */
const DATA_DIR_VAR = 'GEMINI_DATA_DIR';
/** Gemini CLI's own home override: it then keeps everything under `$GEMINI_CLI_HOME/.gemini/`. */
const CLI_HOME_VAR = 'GEMINI_CLI_HOME';

/**
 * The chat roots (`…/.gemini/tmp`): `GEMINI_DATA_DIR` when set (a list naming no existing
 * directory is a misconfiguration, reported rather than silently replaced), else
 * `$GEMINI_CLI_HOME/.gemini/tmp`, else `~/.gemini/tmp`. Gemini CLI uses `os.homedir()` on
 * every platform, so Windows and macOS share the layout (`%USERPROFILE%\.gemini\tmp`).
 */
export async function geminiRoots(ctx: AdapterContext): Promise<string[]> {
  const configured = await rootsFromEnv(ctx.env, DATA_DIR_VAR, ctx.homeDir);
  if (configured !== null) {
    if (configured.roots.length === 0) {
      throw new RimuruError(
        'SOURCE_ERROR',
        `${DATA_DIR_VAR}="${configured.value}" names no existing Gemini CLI data directory`,
        1,
        {
          suggestions: [
            `Point ${DATA_DIR_VAR} at Gemini CLI's tmp folder (the one holding <project>/chats/), or unset it`,
          ],
        },
      );
    }
    return configured.roots;
  }
  const cliHome = ctx.env[CLI_HOME_VAR]?.trim();
  const home = cliHome !== undefined && cliHome !== '' ? resolveUserPath(cliHome, ctx.homeDir) : ctx.homeDir;
  const fallback = join(home, '.gemini', 'tmp');
  return (await isDirectory(fallback)) ? [fallback] : [];
}
