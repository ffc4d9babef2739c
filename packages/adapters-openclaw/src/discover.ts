import { appendSourcesUnder, listFiles } from '@rimuru/adapter-kit';
import type { AdapterContext, SourceRef } from '@rimuru/core';
import { openclawRoots } from './roots.js';
import { SESSION_FILE_PATTERNS } from './session-files.js';

function sessionFilesUnder(root: string, limit?: number): Promise<string[]> {
  return listFiles(root, SESSION_FILE_PATTERNS, { limit });
}

/**
 * Every session file and archive, roots in order, each root sorted. A live file and its later
 * archive are different paths of the same bytes: the engine reads the archive as a new source,
 * and the content-built dedupe keys make that re-read count nothing twice.
 */
export async function discoverOpenclawSessions(ctx: AdapterContext): Promise<SourceRef[]> {
  return appendSourcesUnder(await openclawRoots(ctx), (root) => sessionFilesUnder(root));
}

export async function hasOpenclawSessions(ctx: AdapterContext): Promise<boolean> {
  for (const root of await openclawRoots(ctx)) {
    if ((await sessionFilesUnder(root, 1)).length > 0) return true;
  }
  return false;
}
