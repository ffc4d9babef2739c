import { createHash } from 'node:crypto';
import { utimesSync } from 'node:fs';
import { cursorLinuxUserDir, writeCursorCliStore, writeCursorGlobalDb, writeCursorWorkspace } from '../cursor/homes.js';
import { cursorBubble, cursorComposerV10, cursorComposerV3, fileUri } from '../cursor/records.js';
import { rawValue, type KvRow } from '../cursor/sqlite-kv.js';
import { tokensOf, type ExpectedSession } from './expected-session.js';

const T = Date.parse('2025-10-01T10:00:00.000Z');
const iso = (offsetMs: number): string => new Date(T + offsetMs).toISOString();
const MIN = 60_000;

const row = (key: string, value: Record<string, unknown>, storage?: 'text' | 'blob'): KvRow => ({
  key,
  value,
  storage,
});

/**
 * A Cursor home with the cases of agent-formats §3: a current composer (bubble rows, one as a
 * BLOB, the literal `default` model, a zero-token bubble that is no usage), a legacy composer
 * with inline bubbles, a composer whose bubbles carry no tokens, a broken row, a pre-composer
 * aichat tab, workspaces with percent-encoded folders, and a cursor-agent CLI chat.
 */
export function writeCursorSampleHome(home: string): ExpectedSession[] {
  const user = cursorLinuxUserDir(home);
  writeCursorGlobalDb(user, [
    row(
      'composerData:comp-1',
      cursorComposerV10({
        composerId: 'comp-1',
        name: 'Refactor',
        createdAt: T,
        lastUpdatedAt: T + 10 * MIN,
        modelName: 'default',
        headers: [
          { bubbleId: 'u1', type: 1 },
          { bubbleId: 'a1', type: 2 },
          { bubbleId: 'a2', type: 2 },
          { bubbleId: 'a3', type: 2 },
        ],
      }),
    ),
    row('bubbleId:comp-1:u1', cursorBubble({ bubbleId: 'u1', type: 1, createdAt: iso(0), tokenCount: null })),
    row(
      'bubbleId:comp-1:a1',
      cursorBubble({
        bubbleId: 'a1',
        createdAt: iso(1 * MIN),
        modelName: 'claude-4.5-sonnet',
        tokenCount: { inputTokens: 1_000, outputTokens: 200 },
      }),
    ),
    row(
      'bubbleId:comp-1:a2',
      cursorBubble({ bubbleId: 'a2', createdAt: iso(5 * MIN), tokenCount: { inputTokens: 500, outputTokens: 50 } }),
      'blob',
    ),
    row(
      'bubbleId:comp-1:a3',
      cursorBubble({ bubbleId: 'a3', createdAt: iso(6 * MIN), tokenCount: { inputTokens: 0, outputTokens: 0 } }),
    ),
    row(
      'composerData:comp-legacy',
      cursorComposerV3({
        composerId: 'comp-legacy',
        createdAt: T + 60 * MIN,
        lastUpdatedAt: T + 70 * MIN,
        conversation: [
          cursorBubble({ bubbleId: 'l1', type: 1, createdAt: iso(61 * MIN), tokenCount: null }),
          cursorBubble({
            bubbleId: 'l2',
            createdAt: iso(62 * MIN),
            modelName: 'gpt-4o',
            tokenCount: { inputTokens: 300, outputTokens: 30 },
          }),
        ],
      }),
    ),
    row(
      'composerData:comp-free',
      cursorComposerV10({ composerId: 'comp-free', createdAt: T + 120 * MIN, lastUpdatedAt: T + 125 * MIN }),
    ),
    row(
      'bubbleId:comp-free:f1',
      cursorBubble({
        bubbleId: 'f1',
        createdAt: iso(121 * MIN),
        modelName: 'gpt-5',
        tokenCount: { inputTokens: 0, outputTokens: 0 },
      }),
    ),
    { key: 'composerData:broken', value: rawValue('{"composerId": "broken", "createdAt": ') },
  ]);
  writeCursorWorkspace(user, 'ws-web', {
    workspaceJson: { folder: fileUri('/home/dev/web site') },
    composerIds: ['comp-1'],
  });
  writeCursorWorkspace(user, 'ws-multi', {
    workspaceJson: { workspace: fileUri('/home/dev/mono/all.code-workspace') },
    composerIds: ['comp-legacy'],
    itemTable: [
      {
        key: 'workbench.panel.aichat.view.aichat.chatdata',
        value: {
          tabs: [
            {
              tabId: 'tab-1',
              chatTitle: 'Hotkeys',
              lastSendTime: T + 200 * MIN,
              bubbles: [
                { type: 'user', text: 'q' },
                { type: 'ai', text: 'a', modelType: 'claude-3.5-sonnet' },
              ],
            },
            { tabId: 'tab-empty', chatTitle: 'New chat', lastSendTime: T + 201 * MIN, bubbles: [{ type: 'user' }] },
          ],
        },
      },
    ],
  });
  const created = T + 300 * MIN;
  const store = writeCursorCliStore(home, createHash('md5').update('/home/dev/web site').digest('hex'), {
    agentId: 'agent-cli-1',
    name: 'CLI chat',
    createdAt: created,
    lastUsedModel: 'gpt-5',
  });
  // The store's last write is the chat's last activity: pin it, or the session would end "now".
  const lastWrite = new Date(created + 30 * MIN);
  utimesSync(store, lastWrite, lastWrite);

  return [
    {
      agentType: 'cursor',
      externalId: 'comp-1',
      startedAt: iso(0),
      endedAt: iso(10 * MIN),
      projectPath: '/home/dev/web site',
      models: ['claude-4.5-sonnet', 'default'],
      requestCount: 2,
      tokens: tokensOf(1_500, 250),
    },
    {
      agentType: 'cursor',
      externalId: 'comp-legacy',
      startedAt: iso(60 * MIN),
      endedAt: iso(70 * MIN),
      projectPath: '/home/dev/mono',
      models: ['gpt-4o'],
      requestCount: 1,
      tokens: tokensOf(300, 30),
    },
    {
      agentType: 'cursor',
      externalId: 'comp-free',
      startedAt: iso(120 * MIN),
      endedAt: iso(125 * MIN),
      projectPath: null,
      models: ['gpt-5'],
      requestCount: 1,
      tokens: null,
    },
    {
      agentType: 'cursor',
      externalId: 'tab-1',
      startedAt: iso(200 * MIN),
      endedAt: iso(200 * MIN),
      projectPath: '/home/dev/mono',
      models: ['claude-3.5-sonnet'],
      requestCount: 1,
      tokens: null,
    },
    {
      agentType: 'cursor',
      externalId: 'agent-cli-1',
      startedAt: iso(300 * MIN),
      endedAt: iso(330 * MIN),
      projectPath: '/home/dev/web site',
      models: ['gpt-5'],
      requestCount: 0,
      tokens: null,
    },
  ];
}
