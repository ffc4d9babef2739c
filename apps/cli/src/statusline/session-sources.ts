import { readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { SourceRef } from '@rimuru/core';

/**
 * The files of one Claude Code session that the statusline brings up to date: its transcript
 * and its subagents' transcripts (`<project>/<sessionId>/subagents/**∕agent-*.jsonl`, 2.1.x),
 * whose usage belongs to the session too. One directory listing, usually of a directory that
 * does not exist; no other file of the home is looked at.
 */
export async function claudeSessionSources(transcriptPath: string, sessionId: string | null): Promise<SourceRef[]> {
  const sources: SourceRef[] = [{ path: transcriptPath, mode: 'append' }];
  const id = sessionId ?? basename(transcriptPath).replace(/\.jsonl$/i, '');
  const subagents = join(dirname(transcriptPath), id, 'subagents');
  let entries: string[];
  try {
    entries = await readdir(subagents, { recursive: true });
  } catch {
    return sources;
  }
  const files = entries.filter((entry) => /^agent-.*\.jsonl$/i.test(basename(entry))).sort();
  for (const file of files) sources.push({ path: join(subagents, file), mode: 'append' });
  return sources;
}
