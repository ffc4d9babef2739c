import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { RimuruError, UsageError } from '@rimuru/core';
import { configSchema } from '@rimuru/app-runtime/config-schema';
import type { RimuruConfig } from '@rimuru/app-runtime';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The config file as written (unknown keys kept), or {} when there is none. */
async function readRaw(path: string): Promise<Record<string, Json>> {
  try {
    const value: unknown = JSON.parse(await readFile(path, 'utf8'));
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, Json>;
    throw new RimuruError('CONFIG_ERROR', `Config ${path} is not a JSON object`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    if (error instanceof SyntaxError) throw new RimuruError('CONFIG_ERROR', `Config ${path} is not valid JSON`);
    throw error;
  }
}

/** `a.b.c` into path segments; agent ids such as `claude-code` are plain segments. */
function segments(key: string): string[] {
  const parts = key.split('.');
  if (parts.some((p) => p === '')) throw new UsageError(`Invalid config key "${key}"`);
  return parts;
}

export function getConfigValue(config: RimuruConfig, key: string): unknown {
  let node: unknown = config;
  for (const part of segments(key)) {
    if (typeof node !== 'object' || node === null || !(part in node)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** A value typed on the command line: JSON when it parses (numbers, arrays, true), else the text. */
export function parseConfigValue(text: string): Json {
  try {
    return JSON.parse(text) as Json;
  } catch {
    return text;
  }
}

/**
 * Sets (or with `value` undefined, removes) one key, validates the whole file with the config
 * schema before writing, and replaces the file atomically so a reader never sees half of it.
 */
export async function setConfigValue(path: string, key: string, value: Json | undefined): Promise<RimuruConfig> {
  const raw = await readRaw(path);
  const parts = segments(key);
  let node: Record<string, Json> = raw;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) node[part] = {};
    node = node[part] as Record<string, Json>;
  }
  const last = parts[parts.length - 1] as string;
  if (value === undefined) delete node[last];
  else node[last] = value;
  const result = configSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new UsageError(`Invalid config: ${issue?.path.join('.') || key} ${issue?.message ?? 'is invalid'}`);
  }
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(raw, null, 2)}\n`, { mode: 0o600 });
  await rename(tmp, path);
  return result.data;
}
