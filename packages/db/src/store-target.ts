import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type StoreTarget = { dialect: 'sqlite'; path: string } | { dialect: 'postgres'; url: string };

export interface StoreTargetOptions {
  /** The `--db` flag. */
  flag?: string;
  env: Readonly<Record<string, string | undefined>>;
  /** The config file's `db`. */
  configDb?: string;
  homeDir: string;
}

const POSTGRES_URL = /^postgres(ql)?:\/\//i;

/** Which store to use: `--db` > `DATABASE_URL` > config `db` > `$XDG_DATA_HOME/rimuru/rimuru.db`. */
export function resolveStoreTarget(opts: StoreTargetOptions): StoreTarget {
  const chosen = [opts.flag, opts.env['DATABASE_URL'], opts.configDb].find(
    (value): value is string => value !== undefined && value.trim() !== '',
  );
  if (chosen !== undefined) return parseStoreLocation(chosen.trim(), opts.homeDir);
  return { dialect: 'sqlite', path: defaultStorePath(opts.env, opts.homeDir) };
}

/** `$XDG_DATA_HOME/rimuru/rimuru.db`, XDG's default data home being `~/.local/share`. */
export function defaultStorePath(env: Readonly<Record<string, string | undefined>>, homeDir: string): string {
  const xdg = env['XDG_DATA_HOME'];
  // XDG: a relative XDG_DATA_HOME is invalid and must be ignored.
  const dataHome = xdg !== undefined && xdg !== '' && isAbsolute(xdg) ? xdg : join(homeDir, '.local', 'share');
  return join(dataHome, 'rimuru', 'rimuru.db');
}

/** A `postgres://`/`postgresql://` URL means PostgreSQL; a path or `file:` URL means SQLite. */
export function parseStoreLocation(location: string, homeDir: string): StoreTarget {
  if (POSTGRES_URL.test(location)) return { dialect: 'postgres', url: location };
  if (/^file:/i.test(location)) {
    const path = location.startsWith('file://') ? fileURLToPath(location) : location.slice('file:'.length);
    return { dialect: 'sqlite', path: expandPath(path, homeDir) };
  }
  return { dialect: 'sqlite', path: expandPath(location, homeDir) };
}

function expandPath(path: string, homeDir: string): string {
  if (path === '~') return homeDir;
  if (path.startsWith('~/')) return join(homeDir, path.slice(2));
  return resolve(path);
}
