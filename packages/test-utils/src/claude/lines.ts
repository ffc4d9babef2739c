/**
 * Builders of Claude Code transcript lines, byte-for-byte in the shape Claude Code 2.x writes:
 * compact JSON, keys in its order (agent-formats §1.2). Each returns one line without `\n`;
 * `jsonl()` joins lines into file content.
 */

let uuidCounter = 0;

/** Deterministic per process: builders used without a uuid still give stable output per test. */
function nextUuid(): string {
  uuidCounter += 1;
  return `00000000-0000-4000-8000-${uuidCounter.toString(16).padStart(12, '0')}`;
}

interface ClaudeLineBase {
  sessionId: string;
  cwd: string;
  timestamp: string;
  uuid?: string;
  parentUuid?: string | null;
  isSidechain?: boolean;
  userType?: string;
  version?: string;
  /** Omitted from the line when null (1.0.17 lines have no gitBranch). */
  gitBranch?: string | null;
  /** Subagent lines carry the subagent's id next to the parent's sessionId. */
  agentId?: string;
}

interface ClaudeUsageInit {
  input: number;
  output: number;
  cacheRead?: number;
  cacheWrite5m?: number;
  cacheWrite1h?: number;
  /** Write the nested `cache_creation{ephemeral_5m,ephemeral_1h}` object (2.x); default true. */
  nested?: boolean;
  serviceTier?: string | null;
  speed?: 'standard' | 'fast';
}

export interface ClaudeAssistantInit extends ClaudeLineBase {
  model: string;
  messageId: string;
  /** Absent on Bedrock/proxy captures: pass null to omit. */
  requestId: string | null;
  /** Null omits `usage` from the message. */
  usage: ClaudeUsageInit | null;
  /** Replace the generated usage object entirely (malformed-input tests). */
  rawUsage?: unknown;
  text?: string;
  content?: unknown[];
  costUSD?: number;
  durationMs?: number;
  isApiErrorMessage?: boolean;
}

type Json = Record<string, unknown>;

function head(base: ClaudeLineBase): Json {
  const out: Json = {
    parentUuid: base.parentUuid ?? null,
    isSidechain: base.isSidechain ?? false,
    userType: base.userType ?? 'external',
    cwd: base.cwd,
    sessionId: base.sessionId,
    version: base.version ?? '2.1.39',
  };
  if (base.gitBranch !== null) out['gitBranch'] = base.gitBranch ?? 'main';
  if (base.agentId !== undefined) out['agentId'] = base.agentId;
  return out;
}

function claudeUsageObject(usage: ClaudeUsageInit): Json {
  const write5m = usage.cacheWrite5m ?? 0;
  const write1h = usage.cacheWrite1h ?? 0;
  const out: Json = {
    input_tokens: usage.input,
    cache_creation_input_tokens: write5m + write1h,
    cache_read_input_tokens: usage.cacheRead ?? 0,
  };
  if (usage.nested ?? true) {
    out['cache_creation'] = { ephemeral_5m_input_tokens: write5m, ephemeral_1h_input_tokens: write1h };
  }
  out['output_tokens'] = usage.output;
  if (usage.serviceTier !== null) out['service_tier'] = usage.serviceTier ?? 'standard';
  if (usage.speed !== undefined) out['speed'] = usage.speed;
  return out;
}

export function claudeAssistantLine(init: ClaudeAssistantInit): string {
  const message: Json = {
    model: init.model,
    id: init.messageId,
    type: 'message',
    role: 'assistant',
    content: init.content ?? [{ type: 'text', text: init.text ?? 'Done.' }],
    stop_reason: null,
    stop_sequence: null,
  };
  if (init.rawUsage !== undefined) message['usage'] = init.rawUsage;
  else if (init.usage !== null) message['usage'] = claudeUsageObject(init.usage);
  const out = head(init);
  out['message'] = message;
  if (init.requestId !== null) out['requestId'] = init.requestId;
  if (init.costUSD !== undefined) out['costUSD'] = init.costUSD;
  if (init.durationMs !== undefined) out['durationMs'] = init.durationMs;
  out['type'] = 'assistant';
  out['uuid'] = init.uuid ?? nextUuid();
  out['timestamp'] = init.timestamp;
  if (init.isApiErrorMessage !== undefined) out['isApiErrorMessage'] = init.isApiErrorMessage;
  return JSON.stringify(out);
}

export interface ClaudeUserInit extends ClaudeLineBase {
  text: string;
}

/** User lines put `type` before `message`. */
export function claudeUserLine(init: ClaudeUserInit): string {
  const out = head(init);
  out['type'] = 'user';
  out['message'] = { role: 'user', content: init.text };
  out['uuid'] = init.uuid ?? nextUuid();
  out['timestamp'] = init.timestamp;
  return JSON.stringify(out);
}

export interface ClaudeSystemInit extends ClaudeLineBase {
  subtype: string;
  content?: string;
}

export function claudeSystemLine(init: ClaudeSystemInit): string {
  const out = head(init);
  out['type'] = 'system';
  out['subtype'] = init.subtype;
  out['content'] = init.content ?? '';
  out['isMeta'] = false;
  out['timestamp'] = init.timestamp;
  out['uuid'] = init.uuid ?? nextUuid();
  out['level'] = 'info';
  return JSON.stringify(out);
}

/** `{"type":"summary",…}`: no sessionId, no timestamp. */
export function claudeSummaryLine(summary: string, leafUuid: string = nextUuid()): string {
  return JSON.stringify({ type: 'summary', summary, leafUuid });
}

export function claudeQueueOperationLine(init: {
  sessionId: string;
  timestamp: string;
  operation?: string;
  content?: string;
}): string {
  const out: Json = { type: 'queue-operation', operation: init.operation ?? 'enqueue', timestamp: init.timestamp };
  out['sessionId'] = init.sessionId;
  if (init.content !== undefined) out['content'] = init.content;
  return JSON.stringify(out);
}

export interface ClaudeAgentProgressInit extends ClaudeLineBase {
  /** The subagent's assistant line as nested in the parent's progress line (usage included). */
  nested: ClaudeAssistantInit;
  toolUseId?: string;
}

/**
 * A 2.1.x `progress` line of type `agent_progress` nesting a copy of a subagent message
 * with its usage (`data.message.message.usage`): usage that must never be counted again.
 */
export function claudeAgentProgressLine(init: ClaudeAgentProgressInit): string {
  const nestedLine = JSON.parse(claudeAssistantLine(init.nested)) as Json;
  const out = head(init);
  out['type'] = 'progress';
  out['data'] = {
    message: {
      type: 'assistant',
      timestamp: init.nested.timestamp,
      message: nestedLine['message'],
      requestId: nestedLine['requestId'],
      uuid: nestedLine['uuid'],
    },
    normalizedMessages: [],
    type: 'agent_progress',
    prompt: 'subtask',
    agentId: init.nested.agentId ?? 'a0000000',
  };
  out['toolUseID'] = `agent_msg_${init.toolUseId ?? '01'}`;
  out['parentToolUseID'] = `toolu_${init.toolUseId ?? '01'}`;
  out['uuid'] = init.uuid ?? nextUuid();
  out['timestamp'] = init.timestamp;
  return JSON.stringify(out);
}

/** File content: lines joined by `\n`, with the trailing newline Claude Code always writes. */
export function jsonl(lines: readonly string[]): string {
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** Claude's directory name for a cwd: every char outside [A-Za-z0-9] becomes `-` (lossy). */
export function encodeClaudeProjectDir(cwd: string): string {
  return cwd.replace(/[^A-Za-z0-9]/g, '-');
}
