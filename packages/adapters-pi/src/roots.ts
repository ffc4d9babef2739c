import { existingDirectories, isDirectory, rootsFromEnv } from '@rimuru/adapter-kit';
import { join } from 'node:path';
import { RimuruError, type AdapterContext } from '@rimuru/core';

const SESSIONS_VAR = 'PI_AGENT_DIR';
const AGENT_DIR_VAR = 'PI_CODING_AGENT_DIR';

/** A `PI_AGENT_DIR` entry is a sessions directory (ccusage), or an agent dir holding `sessions/`. */
async function sessionsDirOf(entry: string): Promise<string | null> {
  const nested = join(entry, 'sessions');
  if (await isDirectory(nested)) return nested;
  return (await isDirectory(entry)) ? entry : null;
}

/**
 * The sessions directories pi writes to. `PI_AGENT_DIR` (ccusage's variable, comma-separated)
 * replaces the defaults, and naming nothing usable there is an error rather than a silent
 * fallback. Otherwise pi's own `PI_CODING_AGENT_DIR` + `/sessions` when set, else
 * `~/.pi/agent/sessions` (pi uses the same dot-folder on Linux, macOS and Windows).
 */
export async function piSessionRoots(ctx: AdapterContext): Promise<string[]> {
  const configured = await rootsFromEnv(ctx.env, SESSIONS_VAR, ctx.homeDir, sessionsDirOf);
  if (configured !== null) {
    if (configured.roots.length === 0) {
      throw new RimuruError('SOURCE_ERROR', `${SESSIONS_VAR}="${configured.value}" names no pi sessions directory`, 1, {
        suggestions: [`Point ${SESSIONS_VAR} at pi's sessions directory, or unset it`],
      });
    }
    return configured.roots;
  }
  const agentDir = await rootsFromEnv(ctx.env, AGENT_DIR_VAR, ctx.homeDir, async (dir) => {
    const sessions = join(dir, 'sessions');
    return (await isDirectory(sessions)) ? sessions : null;
  });
  if (agentDir !== null) return agentDir.roots;
  return existingDirectories([join(ctx.homeDir, '.pi', 'agent', 'sessions')]);
}
