import { describe, expect, it } from 'vitest';
import type { SpanRow } from './trace-rows.js';
import { SpanSessions } from './span-sessions.js';

function span(spanId: string, cells: Partial<SpanRow>): SpanRow {
  return {
    index: 1,
    spanId,
    traceId: 't',
    parentSpanId: null,
    operation: 'chat',
    agentName: null,
    requestModel: 'm',
    responseModel: null,
    chatSessionId: null,
    parentChatSessionId: null,
    startMs: 1,
    endMs: 2,
    inputTokens: 1,
    outputTokens: 1,
    cachedTokens: null,
    cacheCreationTokens: null,
    reasoningTokens: null,
    nanoAiu: null,
    ...cells,
  };
}

const agent = (spanId: string, name: string, chat: string | null, parent: string | null = null): SpanRow =>
  span(spanId, { operation: 'invoke_agent', agentName: name, chatSessionId: chat, parentSpanId: parent });

describe('SpanSessions.ownerOf', () => {
  it('places a request by its chat session id', () => {
    const rows = [
      agent('a', 'GitHub Copilot Chat', 'chat-1'),
      span('c', { parentSpanId: 'a', chatSessionId: 'chat-1' }),
    ];
    expect(new SpanSessions(rows).ownerOf(rows[1] as SpanRow)).toEqual({ kind: 'session', sessionId: 'chat-1' });
  });

  it('places subagent, title and summary requests in the parent chat', () => {
    const rows = [
      span('c', { parentSpanId: 'x', chatSessionId: 'invocation-7', parentChatSessionId: 'chat-1' }),
      span('d', { parentChatSessionId: 'chat-1' }),
    ];
    const sessions = new SpanSessions(rows);
    expect(rows.map((r) => sessions.ownerOf(r))).toEqual([
      { kind: 'session', sessionId: 'chat-1' },
      { kind: 'session', sessionId: 'chat-1' },
    ]);
  });

  it('places a BYOK request (no session attribute) by its outermost ancestor, else by its trace', () => {
    const rows = [
      agent('root', 'GitHub Copilot Chat', 'chat-1'),
      agent('sub', 'runSubagent', 'invocation-7', 'root'),
      span('byok', { parentSpanId: 'sub' }),
      span('orphaned', { parentSpanId: 'never-written', traceId: 't' }),
    ];
    const sessions = new SpanSessions(rows);
    expect(sessions.ownerOf(rows[2] as SpanRow)).toEqual({ kind: 'session', sessionId: 'chat-1' });
    expect(sessions.ownerOf(rows[3] as SpanRow)).toEqual({ kind: 'session', sessionId: 'chat-1' });
  });

  it('leaves Copilot CLI and Claude agent requests to their own logs', () => {
    const rows = [
      agent('cli', 'copilotcli', 'cli-1'),
      span('c1', { parentSpanId: 'cli', traceId: 't2' }),
      span('c2', { agentName: 'Claude Copilot Proxy', chatSessionId: 'claude-1', parentSpanId: 'somewhere' }),
      // Older builds: the Claude proxy's requests are root spans naming their session directly.
      span('c3', { chatSessionId: 'claude-2', traceId: 't3' }),
    ];
    const sessions = new SpanSessions(rows);
    expect(rows.slice(1).map((r) => sessions.ownerOf(r).kind)).toEqual(['foreign', 'foreign', 'foreign']);
  });

  it('gives no session to a request outside any chat, and survives a parent cycle', () => {
    const rows = [span('a', { parentSpanId: 'b', traceId: 'x' }), span('b', { parentSpanId: 'a', traceId: 'x' })];
    expect(new SpanSessions(rows).ownerOf(rows[0] as SpanRow)).toEqual({ kind: 'none' });
  });
});
