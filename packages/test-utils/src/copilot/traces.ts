import { mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'libsql';
import type { TokenCounts } from '@rimuru/core';

/**
 * Builders of Copilot Chat's OpenTelemetry span store, `agent-traces.db` (written to the
 * extension's globalStorage when `github.copilot.chat.otel.dbSpanExporter.enabled` is on):
 * `spans` with GenAI attributes promoted to columns, every attribute again in
 * `span_attributes` (as text), `span_events`, `schema_version`. Schema v2 adds a stored
 * generated `session_id = COALESCE(conversation_id, chat_session_id)`.
 */

/** A span as Copilot Chat stores it. Unset columns are NULL. */
export interface TraceSpan {
  spanId: string;
  traceId: string;
  parentSpanId?: string | null;
  name: string;
  startMs: number;
  endMs: number;
  statusCode?: number;
  /** gen_ai.operation.name: chat, invoke_agent, execute_tool, execute_hook, … */
  operation?: string;
  providerName?: string;
  agentName?: string;
  /** gen_ai.conversation.id: the request id on chat spans, the conversation on invoke_agent. */
  conversationId?: string;
  requestModel?: string;
  responseModel?: string;
  inputTokens?: number;
  outputTokens?: number;
  cachedTokens?: number;
  reasoningTokens?: number;
  /** copilot_chat.chat_session_id */
  chatSessionId?: string;
  /** Further attributes (`gen_ai.usage.cache_creation.input_tokens`, `copilot_chat.parent_chat_session_id`, …). */
  attributes?: Record<string, string | number | boolean>;
  /**
   * Column values written exactly as given instead of the typed fields (hostile cases: a
   * string in `input_tokens`, bytes that are not UTF-8 in `chat_session_id`).
   */
  rawColumns?: Record<string, string | number | Uint8Array | null>;
}

export interface TraceDbOptions {
  schemaVersion?: 1 | 2;
  /** `wal` (default) leaves committed pages in `-wal` as a running VS Code does; `delete` a closed one. */
  journalMode?: 'wal' | 'delete';
}

let spanCounter = 0;
/** Restarts span ids, so a home built twice holds the same ids. */
export function resetSpanIds(): void {
  spanCounter = 0;
}
/** A fresh 16-hex-digit span id (OTel's form). */
function nextSpanId(): string {
  spanCounter += 1;
  return spanCounter.toString(16).padStart(16, '0');
}

const SPAN_COLUMNS_V1 = `span_id TEXT PRIMARY KEY, trace_id TEXT NOT NULL, parent_span_id TEXT,
  name TEXT NOT NULL, start_time_ms INTEGER NOT NULL, end_time_ms INTEGER NOT NULL,
  status_code INTEGER NOT NULL DEFAULT 0, status_message TEXT,
  operation_name TEXT, provider_name TEXT, agent_name TEXT, conversation_id TEXT,
  request_model TEXT, response_model TEXT,
  input_tokens INTEGER, output_tokens INTEGER, cached_tokens INTEGER, reasoning_tokens INTEGER,
  tool_name TEXT, tool_call_id TEXT, tool_type TEXT,
  chat_session_id TEXT, turn_index INTEGER, ttft_ms REAL`;

function schema(version: 1 | 2): string {
  const generated =
    version === 2 ? ',\n  session_id TEXT GENERATED ALWAYS AS (COALESCE(conversation_id, chat_session_id)) STORED' : '';
  return `
    CREATE TABLE schema_version (version INTEGER PRIMARY KEY);
    INSERT INTO schema_version (version) VALUES (${version});
    CREATE TABLE spans (${SPAN_COLUMNS_V1}${generated});
    CREATE TABLE span_attributes (
      span_id TEXT NOT NULL REFERENCES spans(span_id) ON DELETE CASCADE,
      key TEXT NOT NULL, value TEXT, PRIMARY KEY (span_id, key));
    CREATE TABLE span_events (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      span_id TEXT NOT NULL REFERENCES spans(span_id) ON DELETE CASCADE,
      name TEXT NOT NULL, timestamp_ms INTEGER NOT NULL, attributes TEXT);
    CREATE INDEX idx_spans_trace ON spans(trace_id);
    CREATE INDEX idx_spans_chat_session ON spans(chat_session_id);`;
}

/** The span's OTel attributes, as the store mirrors them into `span_attributes`. */
function attributesOf(span: TraceSpan): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  const put = (key: string, value: string | number | undefined): void => {
    if (value !== undefined) out[key] = value;
  };
  put('gen_ai.operation.name', span.operation);
  put('gen_ai.provider.name', span.providerName);
  put('gen_ai.agent.name', span.agentName);
  put('gen_ai.conversation.id', span.conversationId);
  put('gen_ai.request.model', span.requestModel);
  put('gen_ai.response.model', span.responseModel);
  put('gen_ai.usage.input_tokens', span.inputTokens);
  put('gen_ai.usage.output_tokens', span.outputTokens);
  put('gen_ai.usage.cache_read.input_tokens', span.cachedTokens);
  put('gen_ai.usage.reasoning_tokens', span.reasoningTokens);
  put('copilot_chat.chat_session_id', span.chatSessionId);
  return { ...out, ...span.attributes };
}

function toSql(value: string | number | Uint8Array | null | undefined): string | number | Buffer | null {
  if (value === undefined || value === null) return null;
  return value instanceof Uint8Array ? Buffer.from(value) : value;
}

/** Writes a trace store holding `spans` (with their attributes) and returns its path. */
export function writeTraceDb(path: string, spans: readonly TraceSpan[], options: TraceDbOptions = {}): string {
  mkdirSync(dirname(path), { recursive: true });
  for (const file of [path, `${path}-wal`, `${path}-shm`]) rmSync(file, { force: true });
  const db = new Database(path);
  try {
    db.exec(`PRAGMA journal_mode=${options.journalMode === 'delete' ? 'DELETE' : 'WAL'}`);
    db.exec(schema(options.schemaVersion ?? 2));
    const insertSpan =
      db.prepare(`INSERT INTO spans (span_id, trace_id, parent_span_id, name, start_time_ms, end_time_ms,
      status_code, operation_name, provider_name, agent_name, conversation_id, request_model, response_model,
      input_tokens, output_tokens, cached_tokens, reasoning_tokens, chat_session_id)
      VALUES (@span_id, @trace_id, @parent_span_id, @name, @start_time_ms, @end_time_ms, @status_code, @operation_name,
      @provider_name, @agent_name, @conversation_id, @request_model, @response_model, @input_tokens, @output_tokens,
      @cached_tokens, @reasoning_tokens, @chat_session_id)`);
    const insertAttr = db.prepare('INSERT INTO span_attributes (span_id, key, value) VALUES (?, ?, ?)');
    for (const span of spans) {
      const columns: Record<string, string | number | Buffer | null> = {
        span_id: span.spanId,
        trace_id: span.traceId,
        parent_span_id: span.parentSpanId ?? null,
        name: span.name,
        start_time_ms: span.startMs,
        end_time_ms: span.endMs,
        status_code: span.statusCode ?? 1,
        operation_name: toSql(span.operation),
        provider_name: toSql(span.providerName),
        agent_name: toSql(span.agentName),
        conversation_id: toSql(span.conversationId),
        request_model: toSql(span.requestModel),
        response_model: toSql(span.responseModel),
        input_tokens: toSql(span.inputTokens),
        output_tokens: toSql(span.outputTokens),
        cached_tokens: toSql(span.cachedTokens),
        reasoning_tokens: toSql(span.reasoningTokens),
        chat_session_id: toSql(span.chatSessionId),
      };
      for (const [column, value] of Object.entries(span.rawColumns ?? {})) columns[column] = toSql(value);
      insertSpan.run(columns);
      for (const [key, value] of Object.entries(attributesOf(span))) insertAttr.run(span.spanId, key, String(value));
    }
  } finally {
    db.close();
  }
  return path;
}

/** Where the store sits under a home: `<User>/globalStorage/github.copilot-chat/agent-traces.db`. */
export function traceDbRelativePath(userDir: string): string {
  return `${userDir}/globalStorage/github.copilot-chat/agent-traces.db`;
}

/** What one LLM request cost, in Rimuru's convention (the generator's truth). */
export interface RequestTokens {
  /** Input tokens not served from or written to the cache. */
  newInput: number;
  output: number;
  cacheRead?: number;
  cacheWrite?: number;
  /** Reasoning tokens, a part of `output`. */
  reasoning?: number;
}

export interface ChatSpanInit {
  traceId: string;
  parentSpanId?: string | null;
  spanId?: string;
  startMs: number;
  durationMs?: number;
  model: string;
  /** The model that answered, when it differs (`gpt-4.1` → `gpt-4.1-2025-04-14`). */
  responseModel?: string;
  chatSessionId?: string;
  parentChatSessionId?: string;
  /** Absent: a failed or cancelled request with no usage. */
  tokens?: RequestTokens;
  agentName?: string;
  providerName?: string;
}

/**
 * A `chat` span as Copilot Chat's fetcher writes it: `gen_ai.usage.input_tokens` is the
 * response's `prompt_tokens`, which includes cache reads and cache writes.
 */
export function chatSpan(init: ChatSpanInit): TraceSpan {
  const t = init.tokens;
  const attributes: Record<string, string | number> = {};
  if (t?.cacheWrite !== undefined) attributes['gen_ai.usage.cache_creation.input_tokens'] = t.cacheWrite;
  if (init.parentChatSessionId !== undefined)
    attributes['copilot_chat.parent_chat_session_id'] = init.parentChatSessionId;
  return {
    spanId: init.spanId ?? nextSpanId(),
    traceId: init.traceId,
    parentSpanId: init.parentSpanId ?? null,
    name: `chat ${init.model}`,
    startMs: init.startMs,
    endMs: init.startMs + (init.durationMs ?? 1500),
    statusCode: t === undefined ? 2 : 1,
    operation: 'chat',
    providerName: init.providerName ?? 'github',
    ...(init.agentName === undefined ? {} : { agentName: init.agentName }),
    conversationId: `req-${init.traceId.slice(0, 8)}-${init.startMs}`,
    requestModel: init.model,
    ...(t === undefined ? {} : { responseModel: init.responseModel ?? init.model }),
    ...(t === undefined
      ? {}
      : {
          inputTokens: t.newInput + (t.cacheRead ?? 0) + (t.cacheWrite ?? 0),
          outputTokens: t.output,
          ...(t.cacheRead === undefined ? {} : { cachedTokens: t.cacheRead }),
          ...(t.reasoning === undefined ? {} : { reasoningTokens: t.reasoning }),
        }),
    ...(init.chatSessionId === undefined ? {} : { chatSessionId: init.chatSessionId }),
    attributes,
  };
}

export interface InvokeAgentInit {
  traceId: string;
  spanId?: string;
  parentSpanId?: string | null;
  startMs: number;
  endMs: number;
  agentName: string;
  chatSessionId?: string;
  /** The turn's summed tokens, which the agent span repeats (never to be counted again). */
  totals?: { input: number; output: number };
}

/** An `invoke_agent` span (one chat turn or subagent run); it repeats its requests' token sums. */
export function invokeAgentSpan(init: InvokeAgentInit): TraceSpan {
  return {
    spanId: init.spanId ?? nextSpanId(),
    traceId: init.traceId,
    parentSpanId: init.parentSpanId ?? null,
    name: `invoke_agent ${init.agentName}`,
    startMs: init.startMs,
    endMs: init.endMs,
    operation: 'invoke_agent',
    providerName: 'github',
    agentName: init.agentName,
    ...(init.chatSessionId === undefined
      ? {}
      : { chatSessionId: init.chatSessionId, conversationId: init.chatSessionId }),
    ...(init.totals === undefined ? {} : { inputTokens: init.totals.input, outputTokens: init.totals.output }),
  };
}

/** An `execute_tool` span: activity of a turn, never a request. */
export function toolSpan(init: {
  traceId: string;
  parentSpanId: string;
  startMs: number;
  tool: string;
  chatSessionId?: string;
}): TraceSpan {
  return {
    spanId: nextSpanId(),
    traceId: init.traceId,
    parentSpanId: init.parentSpanId,
    name: `execute_tool ${init.tool}`,
    startMs: init.startMs,
    endMs: init.startMs + 200,
    operation: 'execute_tool',
    ...(init.chatSessionId === undefined ? {} : { chatSessionId: init.chatSessionId }),
    attributes: { 'gen_ai.tool.name': init.tool },
  };
}

/** The generator's truth for one request, in Rimuru's convention. */
export function requestTokens(t: RequestTokens): TokenCounts {
  return {
    input: t.newInput,
    output: t.output,
    cacheRead: t.cacheRead ?? 0,
    cacheWrite5m: t.cacheWrite ?? 0,
    cacheWrite1h: 0,
    reasoning: t.reasoning ?? 0,
  };
}
