/**
 * Builders of Codex rollout lines in the shape codex-rs writes them (`RolloutLine`:
 * `{timestamp, type, payload}`, compact JSON, agent-formats §2.2). Each returns one line
 * without `\n`; `codexJsonl()` joins lines into file content.
 */

type Json = Record<string, unknown>;

export interface CodexUsageInit {
  /** Includes `cached` (Codex convention). */
  input: number;
  cached?: number;
  /** Includes `reasoning`. */
  output: number;
  reasoning?: number;
  /** Defaults to input + output; pass null to omit the field. */
  total?: number | null;
}

function codexUsageObject(u: CodexUsageInit): Json {
  const out: Json = {
    input_tokens: u.input,
    cached_input_tokens: u.cached ?? 0,
    output_tokens: u.output,
    reasoning_output_tokens: u.reasoning ?? 0,
  };
  if (u.total !== null) out['total_tokens'] = u.total ?? u.input + u.output;
  return out;
}

function line(timestamp: string, type: string, payload: unknown): string {
  return JSON.stringify({ timestamp, type, payload });
}

export interface CodexSessionMetaInit {
  timestamp: string;
  id: string;
  cwd?: string;
  /** `payload.timestamp`; defaults to the line's. */
  startedAt?: string;
  originator?: string;
  cliVersion?: string;
  /** `"cli"`, `"vscode"`, `"exec"` or a subagent object; see `codexThreadSpawnSource`. */
  source?: unknown;
  /** Written beside `source` by newer versions for subagents. */
  parentThreadId?: string;
  forkedFromId?: string;
}

export function codexThreadSpawnSource(parentThreadId: string, depth = 1): Json {
  return { subagent: { thread_spawn: { parent_thread_id: parentThreadId, depth } } };
}

export function codexSessionMetaLine(init: CodexSessionMetaInit): string {
  const payload: Json = {
    id: init.id,
    timestamp: init.startedAt ?? init.timestamp,
    cwd: init.cwd ?? '/home/dev/project',
    originator: init.originator ?? 'codex_cli_rs',
    cli_version: init.cliVersion ?? '0.125.0',
    source: init.source ?? 'cli',
    model_provider: 'openai',
    base_instructions: { text: 'You are Codex.' },
    git: { commit_hash: '0123456789abcdef0123456789abcdef01234567', branch: 'main' },
  };
  if (init.parentThreadId !== undefined) payload['parent_thread_id'] = init.parentThreadId;
  if (init.forkedFromId !== undefined) payload['forked_from_id'] = init.forkedFromId;
  return line(init.timestamp, 'session_meta', payload);
}

export interface CodexTurnContextInit {
  timestamp: string;
  model: string | null;
  cwd?: string;
  effort?: string;
}

export function codexTurnContextLine(init: CodexTurnContextInit): string {
  const payload: Json = {
    cwd: init.cwd ?? '/home/dev/project',
    approval_policy: 'on-request',
    sandbox_policy: { type: 'workspace-write' },
  };
  if (init.model !== null) payload['model'] = init.model;
  payload['effort'] = init.effort ?? 'medium';
  payload['summary'] = 'auto';
  return line(init.timestamp, 'turn_context', payload);
}

export interface CodexTokenCountInit {
  timestamp: string;
  /** null writes `info: null` (a rate-limit-only event). */
  total: CodexUsageInit | null;
  /** Omitted from `info` when null or absent (totals-only events). */
  last?: CodexUsageInit | null;
  /** Written as `info.model` (ccusage fixture shape). */
  model?: string;
  /** Replace `info` entirely (malformed-input tests). */
  rawInfo?: unknown;
  rateLimits?: boolean;
}

export function codexTokenCountLine(init: CodexTokenCountInit): string {
  let info: unknown = null;
  if (init.rawInfo !== undefined) {
    info = init.rawInfo;
  } else if (init.total !== null) {
    const obj: Json = {};
    if (init.model !== undefined) obj['model'] = init.model;
    obj['total_token_usage'] = codexUsageObject(init.total);
    if (init.last !== undefined && init.last !== null) obj['last_token_usage'] = codexUsageObject(init.last);
    obj['model_context_window'] = 272000;
    info = obj;
  }
  const payload: Json = { type: 'token_count', info };
  if (init.rateLimits !== false) {
    payload['rate_limits'] = {
      primary: { used_percent: 12.5, window_minutes: 300, resets_in_seconds: 3600 },
      secondary: { used_percent: 3, window_minutes: 10080, resets_in_seconds: 86400 },
    };
  }
  return line(init.timestamp, 'event_msg', payload);
}

function codexEventLine(timestamp: string, type: string, fields: Json = {}): string {
  return line(timestamp, 'event_msg', { type, ...fields });
}

export function codexUserMessageLine(timestamp: string, text: string): string {
  return codexEventLine(timestamp, 'user_message', { message: text, images: [] });
}

export function codexResponseMessageLine(timestamp: string, role: 'user' | 'assistant', text: string): string {
  const kind = role === 'user' ? 'input_text' : 'output_text';
  return line(timestamp, 'response_item', { type: 'message', role, content: [{ type: kind, text }] });
}

/** The pre-September-2025 first line: no envelope, no type. */
export function codexLegacyHeaderLine(init: { id: string; timestamp: string }): string {
  return JSON.stringify({ id: init.id, timestamp: init.timestamp, instructions: null, git: { branch: 'main' } });
}

/** Legacy state marker and an unwrapped ResponseItem, as old rollouts interleave them. */
export function codexLegacyStateLine(): string {
  return JSON.stringify({ record_type: 'state' });
}

export function codexLegacyMessageLine(role: 'user' | 'assistant', text: string): string {
  return JSON.stringify({
    type: 'message',
    role,
    content: [{ type: role === 'user' ? 'input_text' : 'output_text', text }],
  });
}

/** `rollout-2026-02-23T12-40-23-<id>.jsonl` for a UTC instant (Codex uses local time; tests pin UTC). */
function codexRolloutName(startedAt: string, id: string): string {
  const stamp = startedAt.slice(0, 19).replace(/:/g, '-');
  return `rollout-${stamp}-${id}.jsonl`;
}

/** `sessions/YYYY/MM/DD/rollout-….jsonl`, relative to a Codex home. */
export function codexSessionPath(startedAt: string, id: string): string {
  const [y, m, d] = [startedAt.slice(0, 4), startedAt.slice(5, 7), startedAt.slice(8, 10)];
  return `sessions/${y}/${m}/${d}/${codexRolloutName(startedAt, id)}`;
}

export function codexJsonl(lines: readonly string[]): string {
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
