import { existingDirectories, resolveUserPath, rootsFromEnv } from '@rimuru/adapter-kit';
import { join } from 'node:path';
import { RimuruError, type AdapterContext } from '@rimuru/core';

const DATA_DIR_VAR = 'KIMI_DATA_DIR';

/** An env var naming one directory, `~` expanded; null when unset or blank. */
function envDir(ctx: AdapterContext, name: string): string | null {
  const value = ctx.env[name]?.trim();
  return value === undefined || value === '' ? null : resolveUserPath(value, ctx.homeDir);
}

/**
 * Kimi's data homes, each holding `sessions/`: the old kimi-cli's `~/.kimi` (its own override
 * `KIMI_SHARE_DIR`) and the newer Kimi Code's `~/.kimi-code` (`KIMI_CODE_HOME`). ccusage's
 * `KIMI_DATA_DIR` (comma-separated) replaces both; naming nothing usable there is an error.
 * Both tools use the same dot-folders on Linux, macOS and Windows.
 */
export async function kimiRoots(ctx: AdapterContext): Promise<string[]> {
  const configured = await rootsFromEnv(ctx.env, DATA_DIR_VAR, ctx.homeDir);
  if (configured !== null) {
    if (configured.roots.length === 0) {
      throw new RimuruError('SOURCE_ERROR', `${DATA_DIR_VAR}="${configured.value}" names no Kimi data directory`, 1, {
        suggestions: [`Point ${DATA_DIR_VAR} at ~/.kimi or ~/.kimi-code (the folder holding sessions/), or unset it`],
      });
    }
    return configured.roots;
  }
  return existingDirectories([
    envDir(ctx, 'KIMI_SHARE_DIR') ?? join(ctx.homeDir, '.kimi'),
    envDir(ctx, 'KIMI_CODE_HOME') ?? join(ctx.homeDir, '.kimi-code'),
  ]);
}
