import { appendSourcesUnder, listFiles } from '@rimuru/adapter-kit';
import type { AdapterContext, SourceRef } from '@rimuru/core';
import { piSessionRoots } from './roots.js';

/** Session files sit one level down (`--<cwd>--/<ts>_<uuid>.jsonl`); deeper ones are accepted too. */
function sessionFilesUnder(root: string, limit?: number): Promise<string[]> {
  return listFiles(root, '**/*.jsonl', { limit });
}

/** Every session file, roots in order, each root sorted; a file reachable twice is listed once. */
export async function discoverPiSessions(ctx: AdapterContext): Promise<SourceRef[]> {
  return appendSourcesUnder(await piSessionRoots(ctx), (root) => sessionFilesUnder(root));
}

export async function hasPiSessions(ctx: AdapterContext): Promise<boolean> {
  for (const root of await piSessionRoots(ctx)) {
    if ((await sessionFilesUnder(root, 1)).length > 0) return true;
  }
  return false;
}
