import { isDirectory, resolveUserPath } from '@rimuru/adapter-kit';
import { join } from 'node:path';
import type { AdapterContext } from '@rimuru/core';

/**
 * Where Acme Agent keeps sessions: `$ACME_AGENT_DIR` or `~/.acme-agent/sessions`. Use only
 * `ctx.homeDir` and `ctx.env` (never `os.homedir()` or `process.env`): tests inject both.
 */
export async function acmeRoots(ctx: AdapterContext): Promise<string[]> {
  const fromEnv = ctx.env['ACME_AGENT_DIR']?.trim();
  const dir =
    fromEnv !== undefined && fromEnv !== ''
      ? resolveUserPath(fromEnv, ctx.homeDir)
      : join(ctx.homeDir, '.acme-agent', 'sessions');
  return (await isDirectory(dir)) ? [dir] : [];
}
