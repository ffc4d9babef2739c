import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';

/** What the last good answer for one session was, kept for when the next one is late or fails. */
export interface CachedAnswer {
  line: string;
  /** The `--format json` document of that answer. */
  json: Record<string, unknown>;
  at: string;
}

interface CacheFile {
  version: 1;
  /** Session id → its last good answer; '' for calls without a session id. */
  sessions: Record<string, CachedAnswer>;
}

/** Sessions kept: the ones a user has open at once, with room to spare. */
const MAX_SESSIONS = 32;

/** `$XDG_CACHE_HOME/rimuru/statusline.json`, XDG's default cache home being `~/.cache`. */
export function statuslineCachePath(env: Readonly<Record<string, string | undefined>>, homeDir: string): string {
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg !== undefined && xdg !== '' && isAbsolute(xdg) ? xdg : join(homeDir, '.cache');
  return join(base, 'rimuru', 'statusline.json');
}

async function readCache(path: string): Promise<CacheFile> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as Partial<CacheFile>;
    if (parsed.version === 1 && typeof parsed.sessions === 'object' && parsed.sessions !== null)
      return parsed as CacheFile;
  } catch {
    // Missing or damaged: the cache is only ever a fallback.
  }
  return { version: 1, sessions: {} };
}

/**
 * The session's last good answer; without a session id (its JSON has not arrived by the
 * deadline) the newest answer of any session, most likely the one on screen.
 */
export async function cachedAnswer(path: string, sessionId: string | null): Promise<CachedAnswer | null> {
  const answers = Object.entries((await readCache(path)).sessions).filter(
    ([, a]) => typeof a?.line === 'string' && typeof a.at === 'string',
  );
  if (sessionId !== null) return answers.find(([id]) => id === sessionId)?.[1] ?? null;
  return answers.map(([, a]) => a).sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))[0] ?? null;
}

/**
 * Keeps this answer as the session's last good one. Written to a temporary file and renamed, so
 * a statusline killed mid-write (or two at once) never leaves half a file; the newest sessions are kept.
 */
export async function storeAnswer(path: string, sessionId: string | null, answer: CachedAnswer): Promise<void> {
  const cache = await readCache(path);
  cache.sessions[sessionId ?? ''] = answer;
  const newest = Object.entries(cache.sessions)
    .sort((a, b) => (a[1].at < b[1].at ? 1 : a[1].at > b[1].at ? -1 : 0))
    .slice(0, MAX_SESSIONS);
  cache.sessions = Object.fromEntries(newest);
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(cache)}\n`);
  await rename(tmp, path);
}
