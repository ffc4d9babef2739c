import { existingDirectories, rootsFromEnv } from '@rimuru/adapter-kit';
import { join } from 'node:path';
import { RimuruError, type AdapterContext } from '@rimuru/core';

const DIR_VAR = 'OPENCLAW_DIR';

/**
 * OpenClaw's state homes, each holding `agents/<agent>/sessions/`. `OPENCLAW_DIR` (ccusage's
 * variable, comma-separated) replaces the defaults, and naming nothing usable there is an error.
 * Otherwise `~/.openclaw` and the homes of its earlier names (Clawdbot, Moltbot and the
 * misspelt `.moldbot`) that exist, in that order: a user who upgraded may have both. The same
 * dot-folders are used on Linux, macOS and Windows.
 */
export async function openclawRoots(ctx: AdapterContext): Promise<string[]> {
  const configured = await rootsFromEnv(ctx.env, DIR_VAR, ctx.homeDir);
  if (configured !== null) {
    if (configured.roots.length === 0) {
      throw new RimuruError('SOURCE_ERROR', `${DIR_VAR}="${configured.value}" names no OpenClaw directory`, 1, {
        suggestions: [`Point ${DIR_VAR} at OpenClaw's state directory (the one holding agents/), or unset it`],
      });
    }
    return configured.roots;
  }
  return existingDirectories(['.openclaw', '.clawdbot', '.moltbot', '.moldbot'].map((d) => join(ctx.homeDir, d)));
}
