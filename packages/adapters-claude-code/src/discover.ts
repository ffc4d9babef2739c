import { realpath } from 'node:fs/promises';
import type { AdapterContext, SourceRef } from '@rimuru/core';
import { glob } from 'tinyglobby';
import { claudeProjectRoots } from './roots.js';

/**
 * Not transcripts although they end in `.jsonl`: workflow agents keep a `journal.jsonl`
 * of run steps beside their `agent-*.jsonl` transcripts.
 */
const IGNORED = ['**/workflows/**/journal.jsonl'];

/** Every `.jsonl` transcript under one root, sorted by code unit (locale-independent). */
async function transcriptsUnder(root: string, limit?: number): Promise<string[]> {
  const files = await glob('**/*.jsonl', {
    cwd: root,
    absolute: true,
    onlyFiles: true,
    dot: true,
    ignore: IGNORED,
    expandDirectories: false,
  });
  files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return limit === undefined ? files : files.slice(0, limit);
}

/**
 * All transcripts, roots in order (XDG first), each root sorted; a file reachable from two
 * roots (symlinks) is listed once.
 */
export async function discoverTranscripts(ctx: AdapterContext): Promise<SourceRef[]> {
  const seen = new Set<string>();
  const sources: SourceRef[] = [];
  for (const root of await claudeProjectRoots(ctx)) {
    for (const path of await transcriptsUnder(root)) {
      let real = path;
      try {
        real = await realpath(path);
      } catch {
        // Vanished between listing and now: keep the listed path; reading will report it.
      }
      if (seen.has(real)) continue;
      seen.add(real);
      sources.push({ path, mode: 'append' });
    }
  }
  return sources;
}

/** Whether any root holds at least one transcript. */
export async function hasTranscripts(ctx: AdapterContext): Promise<boolean> {
  for (const root of await claudeProjectRoots(ctx)) {
    if ((await transcriptsUnder(root, 1)).length > 0) return true;
  }
  return false;
}
