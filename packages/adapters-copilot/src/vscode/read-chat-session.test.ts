import type { ReadPosition } from '@rimuru/core';
import {
  chatRequest,
  chatSession,
  collectEvents,
  jsonl,
  mutation,
  ofType,
  vscodeUserDir,
  workspaceJson,
} from '@rimuru/test-utils/copilot';
import { createTempHome, testAdapterContext, type TempHome } from '@rimuru/test-utils/fs-home';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copilotAdapter } from '../adapter.js';
import { parseChatSession } from './chat-session.js';

let home: TempHome;
beforeEach(async () => {
  home = await createTempHome('rimuru-copilot-vscode-');
});
afterEach(async () => {
  await home.cleanup();
});

const START: ReadPosition = { offset: 0, state: null };
const USER = vscodeUserDir('linux');
const ms = (iso: string) => Date.parse(iso);
const read = (path: string) =>
  collectEvents(copilotAdapter.read({ path, mode: 'snapshot' }, START, testAdapterContext({ homeDir: home.dir })));

const session = chatSession({
  sessionId: 'f56f201a-672e-4cc5-ada9-4736258cc586',
  creationDate: ms('2025-11-11T17:45:09.992Z'),
  lastMessageDate: ms('2025-11-11T17:58:37.571Z'),
  customTitle: 'Adding a debug option',
  requests: [
    chatRequest({
      timestamp: ms('2025-11-11T17:54:20.019Z'),
      modelId: 'generic-copilot/litellm/anthropic/claude-haiku-4.5',
    }),
    chatRequest({ timestamp: ms('2025-11-11T17:58:37.570Z'), modelId: 'copilot/gpt-4.1' }),
  ],
});

describe('VS Code chat session JSON', () => {
  it('emits activity only, with unknown tokens, the workspace folder and the custom title', async () => {
    await home.write(
      `${USER}/workspaceStorage/abc123/workspace.json`,
      workspaceJson({ folder: 'file:///home/wei/my%20app' }),
    );
    const path = await home.write(
      `${USER}/workspaceStorage/abc123/chatSessions/f56f201a.json`,
      JSON.stringify(session),
    );
    const events = await read(path);
    expect(events).toEqual([
      {
        type: 'activity',
        sessionExternalId: 'f56f201a-672e-4cc5-ada9-4736258cc586',
        firstAt: '2025-11-11T17:45:09.992Z',
        lastAt: '2025-11-11T17:58:37.571Z',
        projectPath: '/home/wei/my app',
        parentExternalId: null,
        tokensKnown: false,
        title: 'Adding a debug option',
        models: ['generic-copilot/litellm/anthropic/claude-haiku-4.5', 'copilot/gpt-4.1'],
        requestCount: 2,
      },
      { type: 'checkpoint', offset: Buffer.byteLength(JSON.stringify(session)), state: null },
    ]);
  });

  it('reports requests and models as written, in first-use order', () => {
    const parsed = parseChatSession(session, 'stem');
    expect(parsed.kind === 'session' && parsed.summary).toMatchObject({
      requestCount: 2,
      models: ['generic-copilot/litellm/anthropic/claude-haiku-4.5', 'copilot/gpt-4.1'],
    });
  });

  it('uses the folder holding a .code-workspace file; empty windows have no project', async () => {
    await home.write(
      `${USER}/workspaceStorage/w/workspace.json`,
      workspaceJson({ workspace: 'file:///home/u/multi/all.code-workspace' }),
    );
    const multi = await home.write(`${USER}/workspaceStorage/w/chatSessions/a.json`, JSON.stringify(session));
    expect(ofType(await read(multi), 'activity')[0]?.projectPath).toBe('/home/u/multi');
    const empty = await home.write(`${USER}/globalStorage/emptyWindowChatSessions/b.json`, JSON.stringify(session));
    expect(ofType(await read(empty), 'activity')[0]?.projectPath).toBeNull();
    const noWorkspaceJson = await home.write(
      `${USER}/workspaceStorage/none/chatSessions/c.json`,
      JSON.stringify(session),
    );
    expect(ofType(await read(noWorkspaceJson), 'activity')[0]?.projectPath).toBeNull();
  });

  it('falls back to the file name for the id and to request times for start and end', async () => {
    const bare = {
      requests: [
        chatRequest({ timestamp: ms('2026-01-02T03:04:05.000Z') }),
        chatRequest({ timestamp: ms('2026-01-01T00:00:00.000Z') }),
      ],
    };
    const path = await home.write(`${USER}/globalStorage/emptyWindowChatSessions/stem-id.json`, JSON.stringify(bare));
    expect(ofType(await read(path), 'activity')).toEqual([
      expect.objectContaining({
        sessionExternalId: 'stem-id',
        firstAt: '2026-01-01T00:00:00.000Z',
        lastAt: '2026-01-02T03:04:05.000Z',
        title: null,
      }),
    ]);
  });

  it('gives nothing for a chat without requests, and diagnostics for malformed files', async () => {
    const dir = `${USER}/globalStorage/emptyWindowChatSessions`;
    const unused = await home.write(
      `${dir}/unused.json`,
      JSON.stringify(chatSession({ sessionId: 'u', creationDate: 1, requests: [] })),
    );
    expect(await read(unused)).toEqual([{ type: 'checkpoint', offset: expect.any(Number) as unknown, state: null }]);

    const cases: [string, string | Buffer, string[]][] = [
      ['truncated.json', JSON.stringify(session).slice(0, 100), ['invalid-json']],
      ['array.json', '[1]', ['invalid-record']],
      ['undated.json', JSON.stringify({ requests: [{ timestamp: 'yesterday' }] }), ['invalid-record']],
      ['binary.json', Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), ['invalid-utf8']],
      ['bad-requests.json', JSON.stringify({ requests: 'x' }), ['invalid-record']],
    ];
    for (const [name, content, codes] of cases) {
      const events = await read(await home.write(`${dir}/${name}`, content));
      expect(
        ofType(events, 'diagnostic').map((d) => d.code),
        name,
      ).toEqual(codes);
      expect(ofType(events, 'activity'), name).toEqual([]);
      expect(ofType(events, 'checkpoint'), name).toHaveLength(1);
    }
    const partly = {
      ...session,
      requests: [...(session['requests'] as unknown[]), 'junk', chatRequest({ timestamp: -5 })],
    };
    const events = await read(await home.write(`${dir}/partly.json`, JSON.stringify(partly)));
    expect(ofType(events, 'diagnostic').map((d) => d.message)).toEqual([
      'requests[2] is not an object',
      'requests[3].timestamp is not an epoch-ms date',
    ]);
    expect(ofType(events, 'activity')).toHaveLength(1);
  });

  it('reports a malformed workspace.json and still emits the session', async () => {
    await home.write(`${USER}/workspaceStorage/bad/workspace.json`, '{nope');
    const path = await home.write(`${USER}/workspaceStorage/bad/chatSessions/a.json`, JSON.stringify(session));
    const events = await read(path);
    expect(ofType(events, 'diagnostic').map((d) => d.code)).toEqual(['invalid-workspace']);
    expect(ofType(events, 'activity')[0]?.projectPath).toBeNull();
  });
});

describe('VS Code chat session mutation log (.jsonl)', () => {
  const initial = chatSession({
    sessionId: 'log-session',
    creationDate: ms('2026-02-01T09:00:00.000Z'),
    requests: [chatRequest({ timestamp: ms('2026-02-01T09:01:00.000Z'), modelId: 'copilot/claude-opus-4.5' })],
  });

  it('replays to the final state, truncating pushes included', async () => {
    const lines = [
      mutation.initial(initial),
      mutation.push(['requests'], [chatRequest({ timestamp: ms('2026-02-01T09:30:00.000Z') })]),
      // The user undid the last request: cut back to one, then a new one at 09:10.
      mutation.push(['requests'], [chatRequest({ timestamp: ms('2026-02-01T09:10:00.000Z') })], 1),
      mutation.set(['customTitle'], 'Refactor'),
    ];
    await home.write(`${USER}/workspaceStorage/h/workspace.json`, workspaceJson({ folder: 'file:///srv/app' }));
    const path = await home.write(`${USER}/workspaceStorage/h/chatSessions/log-session.jsonl`, jsonl(lines));
    const events = await read(path);
    expect(ofType(events, 'diagnostic')).toEqual([]);
    expect(ofType(events, 'activity')).toEqual([
      expect.objectContaining({
        sessionExternalId: 'log-session',
        firstAt: '2026-02-01T09:00:00.000Z',
        lastAt: '2026-02-01T09:10:00.000Z',
        projectPath: '/srv/app',
        tokensKnown: false,
        title: 'Refactor',
      }),
    ]);
    expect(ofType(events, 'usage')).toEqual([]);
  });

  it('reports bad entries, keeps replaying, and leaves an unfinished last line for later', async () => {
    const content = [
      mutation.set(['early'], 1),
      mutation.initial(initial),
      'garbage',
      mutation.set(['nope', 'deep'], 1),
      mutation.push(['requests'], [chatRequest({ timestamp: ms('2026-02-01T11:00:00.000Z') })]),
    ].join('\n');
    const partial = `${content}\n{"kind":1,"k":["customTi`;
    const path = await home.write(`${USER}/globalStorage/emptyWindowChatSessions/x.jsonl`, partial);
    const events = await read(path);
    expect(ofType(events, 'diagnostic').map((d) => [d.code, d.line])).toEqual([
      ['invalid-record', 1],
      ['invalid-json', 3],
      ['invalid-record', 4],
    ]);
    expect(ofType(events, 'activity')[0]?.lastAt).toBe('2026-02-01T11:00:00.000Z');
  });

  it('reports a log without an initial entry', async () => {
    const path = await home.write(
      `${USER}/globalStorage/emptyWindowChatSessions/y.jsonl`,
      jsonl([mutation.set(['a'], 1)]),
    );
    const events = await read(path);
    expect(ofType(events, 'diagnostic').map((d) => d.code)).toEqual(['invalid-record']);
    expect(ofType(events, 'activity')).toEqual([]);
  });
});
