import { existingDirectories, isDirectory, rootsFromEnv } from '@rimuru/adapter-kit';
import { join } from 'node:path';
import type { AdapterContext } from '@rimuru/core';

/** The variable ccusage 20 honours: Grok's home (comma-separated list allowed). */
const GROK_HOME_VAR = 'GROK_HOME';

/** A home holds `sessions/`; an entry may also name a sessions tree (or one session) itself. */
async function sessionsDirOf(entry: string): Promise<string | null> {
  const nested = join(entry, 'sessions');
  if (await isDirectory(nested)) return nested;
  return (await isDirectory(entry)) ? entry : null;
}

/**
 * Where Grok Build keeps sessions: `$GROK_HOME/sessions` for each `GROK_HOME` entry, else
 * `~/.grok/sessions` (the same under the user profile on Windows and macOS).
 */
export async function grokSessionRoots(ctx: AdapterContext): Promise<string[]> {
  const configured = await rootsFromEnv(ctx.env, GROK_HOME_VAR, ctx.homeDir, sessionsDirOf);
  if (configured !== null) {
    if (configured.roots.length === 0)
      ctx.logger.warn(`${GROK_HOME_VAR}="${configured.value}" names no existing directory`);
    return configured.roots;
  }
  return existingDirectories([join(ctx.homeDir, '.grok', 'sessions')]);
}
