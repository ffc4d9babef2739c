import { stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { AdapterContext } from '@rimuru/core';

/**
 * Gemini CLI keeps chats under `${GEMINI_DATA_DIR:-~/.gemini/tmp}/<projectHash>/chats/`.
 * A relative GEMINI_DATA_DIR is ignored: it would depend on where `rimuru` happens to run.
 */
export function geminiDataDir(ctx: AdapterContext): string {
  const fromEnv = ctx.env['GEMINI_DATA_DIR']?.trim();
  return fromEnv !== undefined && fromEnv !== '' && isAbsolute(fromEnv) ? fromEnv : join(ctx.homeDir, '.gemini', 'tmp');
}

/** The data root when it exists (a list, as `rimuru agents` shows every root). */
export async function geminiRoots(ctx: AdapterContext): Promise<string[]> {
  const dir = geminiDataDir(ctx);
  try {
    return (await stat(dir)).isDirectory() ? [dir] : [];
  } catch {
    return [];
  }
}
