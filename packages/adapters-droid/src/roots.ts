import { existingDirectories, rootsFromEnv } from '@rimuru/adapter-kit';
import { join } from 'node:path';
import type { AdapterContext } from '@rimuru/core';

/** The variable ccusage honours: one sessions directory or a comma-separated list of them. */
const SESSIONS_DIR_VAR = 'DROID_SESSIONS_DIR';

/**
 * The `sessions/` directories Droid writes to. `DROID_SESSIONS_DIR` (comma-separated)
 * replaces the default; otherwise `~/.factory/sessions`, the same place on Linux, macOS and
 * Windows (`%USERPROFILE%\.factory\sessions`). An override naming nothing usable yields no
 * roots (as ccusage does) rather than silently falling back to the default.
 */
export async function droidSessionRoots(ctx: AdapterContext): Promise<string[]> {
  const configured = await rootsFromEnv(ctx.env, SESSIONS_DIR_VAR, ctx.homeDir);
  if (configured !== null) {
    if (configured.roots.length === 0)
      ctx.logger.warn(`${SESSIONS_DIR_VAR}="${configured.value}" names no existing directory`);
    return configured.roots;
  }
  return existingDirectories([join(ctx.homeDir, '.factory', 'sessions')]);
}
