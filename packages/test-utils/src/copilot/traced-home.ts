import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { addTokens, ZERO_TOKENS, type TokenCounts } from '@rimuru/core';
import { chatRequest, chatSession, vscodeUserDir, workspaceJson } from './vscode.js';
import {
  chatSpan,
  invokeAgentSpan,
  requestTokens,
  resetSpanIds,
  toolSpan,
  traceDbRelativePath,
  writeTraceDb,
  type RequestTokens,
  type TraceDbOptions,
  type TraceSpan,
} from './traces.js';

const ms = (iso: string): number => Date.parse(iso);

async function put(home: string, relative: string, content: string): Promise<void> {
  const path = join(home, relative);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, content);
}

/** What a read of the traced home must give per session (the generator's own truth). */
interface TracedSessionTruth {
  sessionId: string;
  /** null: tokens unknown (no trace for this chat). */
  tokens: TokenCounts | null;
  /** Usage events (billable requests) the session must have. */
  requests: number;
  firstAt: string;
  lastAt: string;
  projectPath: string | null;
}

export interface TracedHome {
  truth: TracedSessionTruth[];
  traceDbPath: string;
}

function sum(list: readonly RequestTokens[]): TokenCounts {
  return list.reduce<TokenCounts>((acc, t) => addTokens(acc, requestTokens(t)), { ...ZERO_TOKENS });
}

/**
 * A VS Code home (Linux layout, stable `Code`) with one workspace holding a traced chat and an
 * untraced one, and a trace store holding:
 * - the traced chat's turn: `invoke_agent` (repeating the turn's sums), two `chat` requests
 *   (one with cache read + write, one answered by a dated model), a tool call, a BYOK request
 *   with no session attribute nested in the turn, a failed request without usage, a title
 *   request naming the chat only as its parent, and a subagent run (its own session id, the
 *   chat as parent);
 * - a chat seen only in the traces (its chat file is gone);
 * - requests of sessions others count: a Copilot CLI turn and Claude agent proxy requests;
 * - an inline request belonging to no chat.
 */
export async function writeCopilotTracedHome(home: string, options: TraceDbOptions = {}): Promise<TracedHome> {
  resetSpanIds();
  const user = vscodeUserDir('linux');
  const traced = 'traced-chat-0001';
  const untraced = 'untraced-chat-0002';
  const orphan = 'trace-only-chat-0003';
  await put(home, `${user}/workspaceStorage/wsT/workspace.json`, workspaceJson({ folder: 'file:///home/dev/traced' }));
  await put(
    home,
    `${user}/workspaceStorage/wsT/chatSessions/${traced}.json`,
    JSON.stringify(
      chatSession({
        sessionId: traced,
        creationDate: ms('2026-03-02T10:00:00.000Z'),
        lastMessageDate: ms('2026-03-02T10:05:00.000Z'),
        requests: [chatRequest({ timestamp: ms('2026-03-02T10:00:30.000Z'), modelId: 'copilot/claude-sonnet-4.5' })],
      }),
    ),
  );
  await put(
    home,
    `${user}/workspaceStorage/wsT/chatSessions/${untraced}.json`,
    JSON.stringify(
      chatSession({
        sessionId: untraced,
        creationDate: ms('2026-03-01T09:00:00.000Z'),
        lastMessageDate: ms('2026-03-01T09:02:00.000Z'),
        requests: [chatRequest({ timestamp: ms('2026-03-01T09:00:10.000Z'), modelId: 'copilot/gpt-4.1' })],
      }),
    ),
  );

  const t0 = ms('2026-03-02T10:00:31.000Z');
  const main = invokeAgentSpan({
    traceId: 'a'.repeat(32),
    startMs: t0,
    endMs: t0 + 60_000,
    agentName: 'GitHub Copilot Chat',
    chatSessionId: traced,
    totals: { input: 1, output: 1 },
  });
  const tracedRequests: RequestTokens[] = [
    { newInput: 1_200, output: 300, cacheRead: 13_230, cacheWrite: 16_860, reasoning: 119 },
    { newInput: 2, output: 43, cacheRead: 30_090, cacheWrite: 1_618 },
    { newInput: 900, output: 80 },
    { newInput: 150, output: 12 },
    { newInput: 4_000, output: 500, cacheRead: 1_000, reasoning: 200 },
  ];
  const [r1, r2, byok, title, sub] = tracedRequests as [
    RequestTokens,
    RequestTokens,
    RequestTokens,
    RequestTokens,
    RequestTokens,
  ];
  const subAgent = invokeAgentSpan({
    traceId: main.traceId,
    parentSpanId: main.spanId,
    startMs: t0 + 30_000,
    endMs: t0 + 50_000,
    agentName: 'runSubagent',
    chatSessionId: 'subagent-invocation-9',
  });
  const spans: TraceSpan[] = [
    main,
    chatSpan({
      traceId: main.traceId,
      parentSpanId: main.spanId,
      startMs: t0 + 1_000,
      model: 'claude-sonnet-4.5',
      chatSessionId: traced,
      tokens: r1,
    }),
    toolSpan({
      traceId: main.traceId,
      parentSpanId: main.spanId,
      startMs: t0 + 3_000,
      tool: 'read_file',
      chatSessionId: traced,
    }),
    chatSpan({
      traceId: main.traceId,
      parentSpanId: main.spanId,
      startMs: t0 + 5_000,
      model: 'gpt-4.1',
      responseModel: 'gpt-4.1-2025-04-14',
      chatSessionId: traced,
      tokens: r2,
    }),
    chatSpan({
      traceId: main.traceId,
      parentSpanId: main.spanId,
      startMs: t0 + 10_000,
      model: 'claude-haiku-4.5',
      providerName: 'anthropic',
      agentName: 'AnthropicBYOK',
      tokens: byok,
    }),
    chatSpan({
      traceId: main.traceId,
      parentSpanId: main.spanId,
      startMs: t0 + 20_000,
      model: 'gpt-4.1',
      chatSessionId: traced,
    }),
    subAgent,
    chatSpan({
      traceId: main.traceId,
      parentSpanId: subAgent.spanId,
      startMs: t0 + 31_000,
      model: 'gpt-5',
      chatSessionId: 'subagent-invocation-9',
      parentChatSessionId: traced,
      tokens: sub,
    }),
  ];
  // A title request: its own trace, naming the chat only as its parent. It ends the chat's requests.
  const titleSpan = chatSpan({
    traceId: 'b'.repeat(32),
    startMs: t0 + 70_000,
    model: 'gpt-4o-mini',
    parentChatSessionId: traced,
    tokens: title,
    agentName: 'title',
  });
  spans.push(titleSpan);

  const o0 = ms('2026-03-03T12:00:00.000Z');
  const orphanTurn = invokeAgentSpan({
    traceId: 'c'.repeat(32),
    startMs: o0,
    endMs: o0 + 8_000,
    agentName: 'GitHub Copilot Chat',
    chatSessionId: orphan,
  });
  const orphanRequests: RequestTokens[] = [{ newInput: 700, output: 70, cacheRead: 300 }];
  spans.push(
    orphanTurn,
    chatSpan({
      traceId: orphanTurn.traceId,
      parentSpanId: orphanTurn.spanId,
      startMs: o0 + 1_000,
      model: 'gpt-5-mini',
      chatSessionId: orphan,
      tokens: orphanRequests[0],
    }),
  );

  // Counted elsewhere: the Copilot CLI's own events.jsonl and Claude Code's transcript.
  const cli = invokeAgentSpan({
    traceId: 'd'.repeat(32),
    startMs: o0,
    endMs: o0 + 9_000,
    agentName: 'copilotcli',
    chatSessionId: 'cli-session-1',
  });
  const claude = invokeAgentSpan({
    traceId: 'e'.repeat(32),
    startMs: o0,
    endMs: o0 + 9_000,
    agentName: 'claude',
    chatSessionId: 'claude-session-1',
  });
  spans.push(
    cli,
    chatSpan({
      traceId: cli.traceId,
      parentSpanId: cli.spanId,
      startMs: o0 + 500,
      model: 'gpt-5',
      tokens: { newInput: 99_999, output: 1 },
    }),
    claude,
    chatSpan({
      traceId: claude.traceId,
      parentSpanId: claude.spanId,
      startMs: o0 + 500,
      model: 'claude-opus-4.5',
      chatSessionId: 'claude-session-1',
      agentName: 'Claude Copilot Proxy',
      tokens: { newInput: 88_888, output: 1 },
    }),
    chatSpan({
      traceId: 'f'.repeat(32),
      startMs: o0 + 600,
      model: 'claude-opus-4.5',
      chatSessionId: 'claude-session-2',
      tokens: { newInput: 77_777, output: 1 },
    }),
    // An inline request: no chat session anywhere in its trace.
    chatSpan({
      traceId: '1'.repeat(32),
      startMs: o0 + 700,
      model: 'gpt-4o-mini',
      tokens: { newInput: 66_666, output: 1 },
    }),
  );

  const traceDbPath = writeTraceDb(join(home, traceDbRelativePath(user)), spans, options);
  return {
    traceDbPath,
    truth: [
      {
        sessionId: traced,
        tokens: sum(tracedRequests),
        requests: tracedRequests.length,
        // The chat file's dates and the trace's request times, merged.
        firstAt: '2026-03-02T10:00:00.000Z',
        lastAt: new Date(Math.max(ms('2026-03-02T10:05:00.000Z'), titleSpan.endMs)).toISOString(),
        projectPath: '/home/dev/traced',
      },
      {
        sessionId: untraced,
        tokens: null,
        requests: 0,
        firstAt: '2026-03-01T09:00:00.000Z',
        lastAt: '2026-03-01T09:02:00.000Z',
        projectPath: '/home/dev/traced',
      },
      {
        sessionId: orphan,
        tokens: sum(orphanRequests),
        requests: 1,
        firstAt: new Date(o0 + 1_000).toISOString(),
        lastAt: new Date(o0 + 2_500).toISOString(),
        projectPath: null,
      },
    ],
  };
}
