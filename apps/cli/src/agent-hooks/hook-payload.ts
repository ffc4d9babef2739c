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
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new UsageError('The hook payload is not a JSON object');
  return value as Record<string, unknown>;
}

/** The files the adapter reads for this session (its external id being the hook's session id). */
function sessionFiles(agent: HookAgent, externalId: string, transcript: string | null): (path: string) => boolean {
  const name = (path: string) => basename(path);
  switch (agent) {
    case 'codex':
      // The rollout's name carries the thread id.
      return (path) => name(path).includes(externalId);
    case 'claude-code': {
      // The transcript, and the session's subagent files in `<project>/<sessionId>/`.
      const sessionDir = transcript === null ? null : join(dirname(transcript), externalId) + sep;
      return (path) =>
        path === transcript ||
        (sessionDir !== null && path.startsWith(sessionDir)) ||
        name(path) === `${externalId}.jsonl`;
    }
    case 'gemini-cli': {
      // `chats/session-<time>-<id8>.jsonl` (and the legacy `.json` it was migrated from), and
      // subagent logs in `chats/<sessionId>/`. The transcript path is empty before the chat
      // recording starts, so the file name is matched too.
      const stem = new RegExp(`^session-.*-${externalId.slice(0, 8).replace(/[^\w-]/g, '')}\\.jsonl?$`);
      const subagents = `${sep}chats${sep}${externalId}${sep}`;
      const legacy = transcript?.endsWith('.jsonl') === true ? transcript.slice(0, -1) : null;
      return (path) => path === transcript || path === legacy || stem.test(name(path)) || path.includes(subagents);
    }
    case 'qwen-code':
      // `projects/<sanitised cwd>/chats/<sessionId>.jsonl`.
      return (path) => path === transcript || name(path) === `${externalId}.jsonl`;
    case 'droid':
      // `sessions/<cwd slug>/<uuid>.jsonl` and its token snapshot `<uuid>.settings.json`.
      return (path) =>
        path === transcript || name(path) === `${externalId}.jsonl` || name(path) === `${externalId}.settings.json`;
  }
}

/**
 * Claude Code, Gemini CLI, Qwen Code and Droid send `{ session_id, transcript_path, cwd,
 * hook_event_name, … }` on stdin (camelCase spellings are accepted too); Codex's notify sends
 * `{ type, "thread-id", cwd, … }` as an argument. The session's own files are ingested.
 */
export function hookSignal(agent: HookAgent, event: string, payload: Record<string, unknown>): HookSignal {
  const externalId = field(payload, 'session_id', 'sessionId', 'thread-id', 'thread_id', 'conversation-id');
  if (externalId === null) throw new UsageError(`The ${agent} hook payload names no session id`);
  const projectPath = field(payload, 'cwd');
  const transcript = field(payload, 'transcript_path', 'transcriptPath');
  return { externalId, projectPath, ended: event === 'session-end', only: sessionFiles(agent, externalId, transcript) };
}
