import { basename, dirname } from 'node:path';

/**
 * The session a transcript belongs to by its location, for lines that lack a `sessionId`
 * (hand-trimmed or very old files): `<project>/<sessionId>.jsonl` → the file stem,
 * `<project>/<sessionId>/subagents/…/agent-*.jsonl` → the directory above `subagents`.
 * The `sessionId` field always wins where a line has one.
 */
export function sessionIdFromPath(path: string): string {
  let dir = dirname(path);
  while (basename(dir) !== '' && dirname(dir) !== dir) {
    if (basename(dir) === 'subagents') return basename(dirname(dir));
    dir = dirname(dir);
  }
  return basename(path).replace(/\.jsonl$/i, '');
}
