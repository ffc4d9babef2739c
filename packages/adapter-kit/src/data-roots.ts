import { realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { noteLookup } from '@rimuru/core';

type Env = Readonly<Record<string, string | undefined>>;

export async function isDirectory(path: string): Promise<boolean> {
  noteLookup(path);
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

export async function isFile(path: string): Promise<boolean> {
  noteLookup(path);
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** `~` and `~/…` (or `~\…`) mean the home directory, as a shell would expand them. */
export function expandHome(path: string, homeDir: string): string {
  if (path === '~') return homeDir;
  if (path.startsWith('~/') || path.startsWith('~\\')) return join(homeDir, path.slice(2));
  return path;
}

/** A path the user wrote (env var, config): `~` expanded, a relative path taken from the home directory. */
export function resolveUserPath(path: string, homeDir: string): string {
  return resolve(homeDir, expandHome(path, homeDir));
}

/** Keeps the first of several paths that resolve to the same place (symlinks, `..`); drops those that do not resolve. */
export async function dedupeByRealpath(paths: readonly string[]): Promise<string[]> {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const path of paths) {
    let real: string;
    try {
      real = await realpath(path);
    } catch {
      continue;
    }
    if (seen.has(real)) continue;
    seen.add(real);
    kept.push(path);
  }
  return kept;
}

/** The candidates that are existing directories, each place once, in the given order. */
export async function existingDirectories(paths: readonly string[]): Promise<string[]> {
  const existing: string[] = [];
  for (const path of paths) if (await isDirectory(path)) existing.push(path);
  return dedupeByRealpath(existing);
}

/** Roots named by an environment variable: its trimmed value, and the roots its entries led to. */
export interface EnvRoots {
  value: string;
  roots: string[];
}

/**
 * Roots from a comma-separated variable such as `CLAUDE_CONFIG_DIR=~/a,/b` (ccusage's convention):
 * each entry trimmed and resolved, mapped by `pick` to a root (null: not usable), each place once.
 * Null when the variable is unset or blank, so the caller falls back to its defaults; an empty
 * `roots` means it named nothing usable, which callers report rather than silently ignore.
 */
export async function rootsFromEnv(
  env: Env,
  name: string,
  homeDir: string,
  pick: (path: string) => Promise<string | null> = async (path) => ((await isDirectory(path)) ? path : null),
): Promise<EnvRoots | null> {
  const value = env[name]?.trim();
  if (value === undefined || value === '') return null;
  const found: string[] = [];
  for (const raw of value.split(',')) {
    const entry = raw.trim();
    if (entry === '') continue;
    const root = await pick(resolveUserPath(entry, homeDir));
    if (root !== null) found.push(root);
  }
  return { value, roots: await dedupeByRealpath(found) };
}
