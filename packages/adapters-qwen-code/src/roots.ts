import { dedupeByRealpath, isDirectory, resolveUserPath, rootsFromEnv } from '@rimuru/adapter-kit';
import { join } from 'node:path';
import { RimuruError, type AdapterContext } from '@rimuru/core';

/** ccusage's override: one Qwen home or a comma list, each holding `projects/`. */
const DATA_DIR_VAR = 'QWEN_DATA_DIR';

/**
 * The Qwen homes to read. `QWEN_DATA_DIR` when set (naming nothing existing is reported, not
 * silently replaced). Otherwise where Qwen Code itself writes: its runtime base
 * `QWEN_RUNTIME_DIR`, and its home `QWEN_HOME` (default `~/.qwen`; `os.homedir()` on every
 * platform, so `%USERPROFILE%\.qwen` on Windows), each place once.
 */
async function qwenHomes(ctx: AdapterContext): Promise<string[]> {
  const configured = await rootsFromEnv(ctx.env, DATA_DIR_VAR, ctx.homeDir);
  if (configured !== null) {
    if (configured.roots.length === 0) {
      throw new RimuruError(
        'SOURCE_ERROR',
        `${DATA_DIR_VAR}="${configured.value}" names no existing Qwen Code data directory`,
        1,
        {
          suggestions: [`Point ${DATA_DIR_VAR} at the Qwen home (the folder holding projects/), or unset it`],
        },
      );
    }
    return configured.roots;
  }
  const fromEnv = (name: string): string | null => {
    const value = ctx.env[name]?.trim();
    return value === undefined || value === '' ? null : resolveUserPath(value, ctx.homeDir);
  };
  const candidates = [fromEnv('QWEN_RUNTIME_DIR'), fromEnv('QWEN_HOME') ?? join(ctx.homeDir, '.qwen')].filter(
    (p): p is string => p !== null,
  );
  const existing: string[] = [];
  for (const path of candidates) if (await isDirectory(path)) existing.push(path);
  return dedupeByRealpath(existing);
}

/** The existing `projects/` folders of every home (what `rimuru agents` shows). */
export async function qwenRoots(ctx: AdapterContext): Promise<string[]> {
  const roots: string[] = [];
  for (const home of await qwenHomes(ctx))
    if (await isDirectory(join(home, 'projects'))) roots.push(join(home, 'projects'));
  return roots;
}
