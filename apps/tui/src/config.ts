import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RimuruError } from '@rimuru/core';
import { z } from 'zod';

/**
 * The same `$XDG_CONFIG_HOME/rimuru/config.json` the CLI reads (its keys: db, timezone,
 * activeWindowMinutes). A copy of the CLI's small reader: an app cannot import another app.
 */
const configSchema = z
  .object({
    db: z.string().min(1).optional(),
    timezone: z.string().min(1).optional(),
    activeWindowMinutes: z.number().positive().optional(),
  })
  .passthrough();

export type TuiConfig = z.infer<typeof configSchema>;

export function configPath(env: Readonly<Record<string, string | undefined>>, homeDir: string): string {
  return join(env.XDG_CONFIG_HOME || join(homeDir, '.config'), 'rimuru', 'config.json');
}

export async function loadConfig(env: Readonly<Record<string, string | undefined>>, homeDir: string): Promise<TuiConfig> {
  const path = configPath(env, homeDir);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new RimuruError('CONFIG_ERROR', `Cannot read config ${path}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new RimuruError('CONFIG_ERROR', `Config ${path} is not valid JSON`);
  }
  const result = configSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new RimuruError('CONFIG_ERROR', `Config ${path}: ${issue?.path.join('.') || 'root'} ${issue?.message ?? 'is invalid'}`);
  }
  return result.data;
}
