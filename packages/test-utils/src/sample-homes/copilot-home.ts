import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  chatRequest,
  chatSession,
  copilotAssistantMessage,
  copilotEvent,
  copilotEventsPath,
  copilotSessionResume,
  copilotSessionStart,
  copilotShutdown,
  copilotUserMessage,
  jsonl,
  mutation,
  vscodeUserDir,
  workspaceJson,
} from '../copilot/index.js';
import { fileUri } from '../cursor/records.js';
import { tokensOf, type ExpectedSession } from './expected-session.js';

const ms = (iso: string): number => Date.parse(iso);

async function put(home: string, relative: string, content: string): Promise<void> {
  const path = join(home, relative);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, content);
}

/**
 * A Copilot home with the cases of agent-formats §4: a CLI session resumed twice (usage per
 * run summed, Gemini reasoning outside output, the open last run without usage yet), the
 * legacy flat CLI layout, a stable VS Code workspace chat (JSON) and an Insiders empty-window
 * chat as a mutation log with a truncating push, plus a chat opened but never used.
 */
export async function writeCopilotSampleHome(home: string): Promise<ExpectedSession[]> {
  const cli = 'b7e3c1a0-0c4e-4a57-9d1e-5f1f0b2c0001';
  await put(
    home,
    copilotEventsPath(cli),
    jsonl([
      copilotSessionStart({
        id: 'e1',
        timestamp: '2025-09-01T10:00:00.000Z',
        sessionId: cli,
        cwd: '/home/dev/app',
        model: 'claude-sonnet-4.5',
      }),
      copilotUserMessage({ id: 'e2', timestamp: '2025-09-01T10:00:05.000Z', content: 'fix the build' }),
      copilotAssistantMessage({ id: 'e3', timestamp: '2025-09-01T10:00:20.000Z', content: 'done', outputTokens: 800 }),
      copilotShutdown({
        id: 'e4',
        timestamp: '2025-09-01T10:05:00.000Z',
        modelMetrics: {
          'claude-sonnet-4.5': {
            inputTokens: 12_000,
            outputTokens: 800,
            cacheReadTokens: 9_000,
            cacheWriteTokens: 1_000,
            reasoningTokens: 100,
          },
        },
      }),
      copilotSessionResume({ id: 'e5', timestamp: '2025-09-01T11:00:00.000Z', cwd: '/home/dev/app' }),
      copilotUserMessage({ id: 'e6', timestamp: '2025-09-01T11:00:10.000Z', content: 'and the tests' }),
      copilotShutdown({
        id: 'e7',
        timestamp: '2025-09-01T11:10:00.000Z',
        modelMetrics: {
          'gpt-5': { inputTokens: 5_000, outputTokens: 600, cacheReadTokens: 1_000 },
          'gemini-2.5-pro': { inputTokens: 300, outputTokens: 50, reasoningTokens: 20 },
        },
      }),
      copilotSessionResume({ id: 'e8', timestamp: '2025-09-01T12:00:00.000Z', cwd: '/home/dev/app' }),
      copilotUserMessage({ id: 'e9', timestamp: '2025-09-01T12:00:30.000Z', content: 'still open' }),
    ]),
  );

  const legacy = 'c2d4e6f8-1111-4222-8333-944455556666';
  await put(
    home,
    `.copilot/history-session-state/${legacy}.jsonl`,
    jsonl([
      copilotSessionStart({ id: 'l1', timestamp: '2025-09-02T09:00:00.000Z', sessionId: legacy, cwd: '/home/dev/api' }),
      copilotEvent('tool.execution_start', { toolName: 'bash' }, { id: 'l2', timestamp: '2025-09-02T09:01:00.000Z' }),
      copilotShutdown({
        id: 'l3',
        timestamp: '2025-09-02T09:03:00.000Z',
        modelMetrics: { 'gpt-4.1': { inputTokens: 400, outputTokens: 40 } },
      }),
    ]),
  );

  const stable = vscodeUserDir('linux');
  await put(
    home,
    `${stable}/workspaceStorage/ws1/workspace.json`,
    workspaceJson({ folder: fileUri('/home/dev/my app') }),
  );
  await put(
    home,
    `${stable}/workspaceStorage/ws1/chatSessions/chat-a.json`,
    JSON.stringify(
      chatSession({
        sessionId: 'chat-a',
        creationDate: ms('2025-09-03T08:00:00.000Z'),
        lastMessageDate: ms('2025-09-03T08:20:00.000Z'),
        customTitle: 'Fix tests',
        requests: [
          chatRequest({ timestamp: ms('2025-09-03T08:01:00.000Z'), modelId: 'copilot/gpt-4.1' }),
          chatRequest({ timestamp: ms('2025-09-03T08:15:00.000Z'), modelId: 'copilot/claude-sonnet-4' }),
        ],
      }),
    ),
  );
  await put(
    home,
    `${stable}/workspaceStorage/ws1/chatSessions/unused.json`,
    JSON.stringify(chatSession({ sessionId: 'unused', creationDate: ms('2025-09-03T09:00:00.000Z'), requests: [] })),
  );

  const insiders = vscodeUserDir('linux', 'Code - Insiders');
  await put(
    home,
    `${insiders}/globalStorage/emptyWindowChatSessions/chat-b.jsonl`,
    jsonl([
      mutation.initial(
        chatSession({ sessionId: 'chat-b', creationDate: ms('2025-09-04T07:00:00.000Z'), requests: [] }),
      ),
      mutation.push(
        ['requests'],
        [chatRequest({ timestamp: ms('2025-09-04T07:05:00.000Z'), modelId: 'copilot/gpt-5' })],
      ),
      mutation.push(
        ['requests'],
        [chatRequest({ timestamp: ms('2025-09-04T07:10:00.000Z'), modelId: 'copilot/gpt-5' })],
      ),
      // Retrying the last request truncates the array to index 1 first: the 07:10 request is gone.
      mutation.push(
        ['requests'],
        [chatRequest({ timestamp: ms('2025-09-04T07:08:00.000Z'), modelId: 'copilot/gpt-5' })],
        1,
      ),
    ]),
  );

  return [
    {
      agentType: 'copilot',
      externalId: cli,
      startedAt: '2025-09-01T10:00:00.000Z',
      endedAt: '2025-09-01T12:00:30.000Z',
      projectPath: '/home/dev/app',
      models: ['claude-sonnet-4.5', 'gemini-2.5-pro', 'gpt-5'],
      requestCount: 3,
      // input = inputTokens − cache read − cache write; Gemini's reasoning joins its output.
      tokens: tokensOf(2_000 + 4_000 + 300, 800 + 600 + 70, 9_000 + 1_000, 1_000, 100 + 20),
    },
    {
      agentType: 'copilot',
      externalId: legacy,
      startedAt: '2025-09-02T09:00:00.000Z',
      endedAt: '2025-09-02T09:03:00.000Z',
      projectPath: '/home/dev/api',
      models: ['gpt-4.1'],
      requestCount: 1,
      tokens: tokensOf(400, 40),
    },
    {
      agentType: 'copilot',
      externalId: 'chat-a',
      startedAt: '2025-09-03T08:00:00.000Z',
      endedAt: '2025-09-03T08:20:00.000Z',
      projectPath: '/home/dev/my app',
      models: ['copilot/claude-sonnet-4', 'copilot/gpt-4.1'],
      requestCount: 2,
      tokens: null,
    },
    {
      agentType: 'copilot',
      externalId: 'chat-b',
      startedAt: '2025-09-04T07:00:00.000Z',
      endedAt: '2025-09-04T07:08:00.000Z',
      projectPath: null,
      models: ['copilot/gpt-5'],
      requestCount: 2,
      tokens: null,
    },
  ];
}
