import { readFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';

/** One project Crush registered: its working directory and where its `crush.db` lives. */
export interface CrushProject {
  path: string;
  dataDir: string;
}

export const REGISTRY_FILE = 'projects.json';
export const DB_FILE = 'crush.db';
/** Crush's default per-project data directory (`options.data_directory`). */
export const DEFAULT_DATA_DIR = '.crush';

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);

function projectOf(value: unknown): CrushProject | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const entry = value as Record<string, unknown>;
  const path = text(entry['path']);
  if (path === null || !isAbsolute(path)) return null;
  const dataDir = text(entry['data_dir']) ?? DEFAULT_DATA_DIR;
  // Crush stores the data directory resolved (absolute); a relative one is taken from the project.
  return { path, dataDir: isAbsolute(dataDir) ? dataDir : resolve(path, dataDir) };
}

/**
 * The projects of a `projects.json`. Crush writes `{"projects": [{path, data_dir,
 * last_accessed}]}`; a bare array or an object keyed by project id are accepted too (shapes
 * third-party readers describe). Null when the document is not JSON or none of these shapes.
 */
export function parseRegistry(source: string): CrushProject[] | null {
  let doc: unknown;
  try {
    doc = JSON.parse(source);
  } catch {
    return null;
  }
  let entries: unknown[];
  if (Array.isArray(doc)) entries = doc;
  else if (typeof doc === 'object' && doc !== null) {
    const list = (doc as Record<string, unknown>)['projects'];
    entries = Array.isArray(list) ? list : Object.values(doc as Record<string, unknown>);
  } else return null;
  return entries.flatMap((e) => {
    const project = projectOf(e);
    return project === null ? [] : [project];
  });
}

/** The registry in a global data directory; empty when it is missing or unreadable. */
export async function readRegistry(globalDir: string): Promise<CrushProject[]> {
  try {
    return parseRegistry(await readFile(join(globalDir, REGISTRY_FILE), 'utf8')) ?? [];
  } catch {
    return [];
  }
}
