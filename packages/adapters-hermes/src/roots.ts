import { existingDirectories, rootsFromEnv } from '@rimuru/adapter-kit';
import { join } from 'node:path';
import type { AdapterContext } from '@rimuru/core';

/** The variable ccusage 20 honours (and Hermes itself): the Hermes home, comma list allowed. */
const HERMES_HOME_VAR = 'HERMES_HOME';

/** `$HERMES_HOME` entries, else `~/.hermes` (the same under the user profile on every OS). */
export async function hermesHomes(ctx: AdapterContext): Promise<string[]> {
  const configured = await rootsFromEnv(ctx.env, HERMES_HOME_VAR, ctx.homeDir);
  if (configured !== null) {
    if (configured.roots.length === 0)
      ctx.logger.warn(`${HERMES_HOME_VAR}="${configured.value}" names no existing directory`);
    return configured.roots;
  }
  return existingDirectories([join(ctx.homeDir, '.hermes')]);
}
