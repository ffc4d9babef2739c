import { readFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join } from 'node:path';

/** What a chat file's place tells: its name, its parent session (subagents), its project folder. */
export interface ChatLocation {
  /** File name without `.json`/`.jsonl`: the session id when the file names none. */
  stem: string;
  /** A subagent log lives in `chats/<parentSessionId>/`; null for main sessions. */
  parentExternalId: string | null;
  /** `<root>/<project>`: the folder holding `chats/`, `.project_root` and `logs.json`. */
  projectDir: string;
}

export function chatLocation(path: string): ChatLocation {
  const stem = basename(path).replace(/\.jsonl?$/, '');
  const dir = dirname(path);
  if (basename(dir) !== 'chats' && basename(dirname(dir)) === 'chats') {
    return { stem, parentExternalId: basename(dir), projectDir: dirname(dirname(dir)) };
  }
  return { stem, parentExternalId: null, projectDir: dirname(dir) };
}

async function readText(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return null;
  }
}

/** The registry `~/.gemini/projects.json`: `{projects: {"<absolute root>": "<slug>"}}`. */
function pathFromRegistry(text: string, slug: string): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  const projects = (parsed as { projects?: unknown } | null)?.projects;
  if (typeof projects !== 'object' || projects === null) return null;
  const hits = Object.entries(projects as Record<string, unknown>).filter(([, v]) => v === slug);
  return hits.length === 1 && hits[0] !== undefined ? hits[0][0] : null;
}

/**
 * The project root of a chat, where Gemini CLI recorded it. Since the project registry
 * (slug folders instead of SHA-256 hashes), `<project>/.project_root` holds the absolute root
 * and `~/.gemini/projects.json` maps roots to slugs. A legacy hash folder has neither: the
 * hash cannot be reversed, so the project is unknown (null).
 */
export async function projectPathOf(location: ChatLocation): Promise<string | null> {
  const marker = (await readText(join(location.projectDir, '.project_root')))?.trim();
  if (marker !== undefined && marker !== '' && isAbsolute(marker)) return marker;
  const registry = await readText(join(dirname(dirname(location.projectDir)), 'projects.json'));
  if (registry === null) return null;
  const found = pathFromRegistry(registry, basename(location.projectDir));
  return found !== null && isAbsolute(found) ? found : null;
}
