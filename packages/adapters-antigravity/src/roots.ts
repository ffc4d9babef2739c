import { existingDirectories, rootsFromEnv } from '@rimuru/adapter-kit';
import { join } from 'node:path';
import type { AdapterContext } from '@rimuru/core';

/** Overrides the data directories (comma-separated), each holding `conversations/` and `brain/`. */
const DATA_DIR_VAR = 'ANTIGRAVITY_DATA_DIR';

/**
 * Antigravity's data directories: the CLI's `~/.gemini/antigravity-cli`, and the IDE's
 * `~/.gemini/antigravity` / `~/.gemini/antigravity-ide` (the same under the user profile on
 * macOS and Windows), those that exist; `ANTIGRAVITY_DATA_DIR` replaces them.
 */
export async function antigravityDataDirs(ctx: AdapterContext): Promise<string[]> {
  const configured = await rootsFromEnv(ctx.env, DATA_DIR_VAR, ctx.homeDir);
  if (configured !== null) {
    if (configured.roots.length === 0)
      ctx.logger.warn(`${DATA_DIR_VAR}="${configured.value}" names no existing directory`);
    return configured.roots;
  }
  const gemini = join(ctx.homeDir, '.gemini');
  return existingDirectories([
    join(gemini, 'antigravity-cli'),
    join(gemini, 'antigravity'),
    join(gemini, 'antigravity-ide'),
  ]);
}
