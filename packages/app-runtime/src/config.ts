import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RimuruError } from '@rimuru/core';
import type { RimuruConfig } from './config-schema.js';

export type { RimuruConfig };

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
  // Imported on use: without a config file, zod is never loaded.
  const { configSchema } = await import('./config-schema.js');
  const result = configSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new RimuruError(
      'CONFIG_ERROR',
      `Config ${path}: ${issue?.path.join('.') || 'root'} ${issue?.message ?? 'is invalid'}`,
    );
  }
  return result.data;
}
