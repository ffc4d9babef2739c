import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RimuruError } from '@rimuru/core';
import { z } from 'zod';

/** `$XDG_CONFIG_HOME/rimuru/config.json`; every key optional. */
export const configSchema = z
  .object({
    db: z.string().min(1).optional(),
    timezone: z.string().min(1).optional(),
    activeWindowMinutes: z.number().positive().optional(),
  })
  .passthrough();

export type RimuruConfig = z.infer<typeof configSchema>;

export function configPath(env: Readonly<Record<string, string | undefined>>, homeDir: string): string {
  const base = env.XDG_CONFIG_HOME || join(homeDir, '.config');
  return join(base, 'rimuru', 'config.json');
}

export async function loadConfig(
  env: Readonly<Record<string, string | undefined>>,
  homeDir: string,
): Promise<RimuruConfig> {
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
