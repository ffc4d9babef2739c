import { basename, dirname, join, sep } from 'node:path';
import { UsageError } from '@rimuru/core';
import type { HookAgent } from './hook-targets.js';

/** What a hook call says, whichever agent sent it. */
export interface HookSignal {
  externalId: string;
  projectPath: string | null;
  ended: boolean;
  /** Which of the agent's sources to ingest right away. */
  only: (path: string) => boolean;
}

function field(payload: Record<string, unknown>, ...names: string[]): string | null {
  for (const name of names) {
    const value = payload[name];
    if (typeof value === 'string' && value !== '') return value;
  }
  return null;
}

export function parseHookJson(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UsageError('The hook payload is not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UsageError('The hook payload is not a JSON object');
  return value as Record<string, unknown>;
}

/**
 * Claude Code sends `{ session_id, transcript_path, cwd, hook_event_name }` on stdin; Codex's
 * notify sends `{ type, "thread-id", cwd, … }` as an argument. The transcript and the
 * session's subagent files are ingested; for Codex, the rollout whose name carries the id.
 */
export function hookSignal(agent: HookAgent, event: string, payload: Record<string, unknown>): HookSignal {
  const externalId = field(payload, 'session_id', 'sessionId', 'thread-id', 'thread_id', 'conversation-id');
  if (externalId === null) throw new UsageError(`The ${agent} hook payload names no session id`);
  const projectPath = field(payload, 'cwd');
  const ended = event === 'session-end';
  if (agent === 'codex') return { externalId, projectPath, ended, only: (path) => basename(path).includes(externalId) };
  const transcript = field(payload, 'transcript_path');
  const sessionDir = transcript === null ? null : join(dirname(transcript), externalId) + sep;
  return {
    externalId,
    projectPath,
    ended,
    only: (path) =>
      path === transcript || (sessionDir !== null && path.startsWith(sessionDir)) || basename(path) === `${externalId}.jsonl`,
  };
}
