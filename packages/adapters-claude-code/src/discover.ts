import { appendSourcesUnder, listFiles } from '@rimuru/adapter-kit';
import type { AdapterContext, SourceRef } from '@rimuru/core';
import { claudeProjectRoots } from './roots.js';

/**
 * Not transcripts although they end in `.jsonl`: workflow agents keep a `journal.jsonl`
 * of run steps beside their `agent-*.jsonl` transcripts.
 */
const IGNORED = ['**/workflows/**/journal.jsonl'];

/** Every `.jsonl` transcript under one root, sorted by code unit (locale-independent). */
function transcriptsUnder(root: string, limit?: number): Promise<string[]> {
  return listFiles(root, '**/*.jsonl', { ignore: IGNORED, limit });
}

/**
 * All transcripts, roots in order (XDG first), each root sorted; a file reachable from two
 * roots (symlinks) is listed once.
 */
export async function discoverTranscripts(ctx: AdapterContext): Promise<SourceRef[]> {
  return appendSourcesUnder(await claudeProjectRoots(ctx), (root) => transcriptsUnder(root));
}

/** Whether any root holds at least one transcript. */
export async function hasTranscripts(ctx: AdapterContext): Promise<boolean> {
  for (const root of await claudeProjectRoots(ctx)) {
    if ((await transcriptsUnder(root, 1)).length > 0) return true;
  }
  return false;
}
