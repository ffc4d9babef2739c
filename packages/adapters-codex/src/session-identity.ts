import { isRecord, nonBlankString } from '@rimuru/adapter-kit';
import { basename, sep } from 'node:path';
import { type Fields } from './json-fields.js';

/** What the first record of a rollout says about its session. */
export interface SessionIdentity {
  sessionId: string;
  parentId: string | null;
  projectPath: string | null;
  /** A thread_spawn child replays its parent's token counts first. */
  threadSpawn: boolean;
  /** The session's own start (session_meta `payload.timestamp`), when written. */
  startedAt: unknown;
  /** Set when the record looked like a header but its id was unusable. */
  problem: string | null;
}

const ROLLOUT_UUID = /^rollout-.*-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.jsonl$/i;
const DATA_DIRS = new Set(['sessions', 'archived_sessions']);

/**
 * A session id for a file whose first record names none: the UUID in a `rollout-…-<uuid>`
 * name (Codex names files after the session, so a damaged header still lands in the right
 * session), else the path under `sessions/` or `archived_sessions/` without `.jsonl`
 * (ccusage's session id for such files), else the file's stem.
 */
export function fallbackSessionId(path: string): string {
  const name = basename(path);
  const uuid = ROLLOUT_UUID.exec(name)?.[1];
  if (uuid !== undefined) return uuid.toLowerCase();
  const parts = path.split(/[\\/]/).filter((p) => p.length > 0);
  let start = parts.length - 1;
  for (let i = parts.length - 2; i >= 0; i -= 1) {
    if (DATA_DIRS.has(parts[i]!)) {
      start = i + 1;
      break;
    }
  }
  const relative = parts
    .slice(start)
    .join('/')
    .replace(/\.jsonl$/i, '');
  return relative.length > 0 ? relative : path.split(sep).join('/');
}

function threadSpawnOf(source: unknown): Fields | null {
  if (!isRecord(source)) return null;
  const subagent = source['subagent'];
  if (!isRecord(subagent)) return null;
  const spawn = subagent['thread_spawn'];
  return isRecord(spawn) ? spawn : null;
}

function fromSessionMeta(payload: Fields, path: string): SessionIdentity {
  const id = nonBlankString(payload['id']);
  const spawn = threadSpawnOf(payload['source']);
  const source = payload['source'];
  // Other subagent kinds (review, guardian) name their parent beside `source` only.
  const isSubagent = isRecord(source) && source['subagent'] !== undefined;
  const parentId =
    nonBlankString(spawn?.['parent_thread_id']) ?? (isSubagent ? nonBlankString(payload['parent_thread_id']) : null);
  return {
    sessionId: id ?? fallbackSessionId(path),
    parentId,
    projectPath: nonBlankString(payload['cwd']),
    threadSpawn: spawn !== null,
    startedAt: payload['timestamp'],
    problem: id === null ? 'session_meta without an id; session named after the file' : null,
  };
}

/**
 * The session a rollout belongs to, decided by its first record: a `session_meta` (its
 * payload id; a later one, written by a resumed process or copied from a parent, never
 * changes it), the pre-September-2025 bare header `{id, timestamp, instructions, git}`, or,
 * for anything else, the file name.
 */
export function identityFromFirstRecord(record: Fields, path: string): SessionIdentity {
  if (record['type'] === 'session_meta' && isRecord(record['payload'])) return fromSessionMeta(record['payload'], path);
  if (record['type'] === undefined && record['id'] !== undefined && record['timestamp'] !== undefined) {
    const id = nonBlankString(record['id']);
    return {
      sessionId: id ?? fallbackSessionId(path),
      parentId: null,
      projectPath: null,
      threadSpawn: false,
      startedAt: undefined,
      problem: id === null ? 'legacy header without an id; session named after the file' : null,
    };
  }
  return {
    sessionId: fallbackSessionId(path),
    parentId: null,
    projectPath: null,
    threadSpawn: false,
    startedAt: undefined,
    problem: null,
  };
}
