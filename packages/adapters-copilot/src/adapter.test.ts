import { appendFile } from 'node:fs/promises';
import type { AdapterEvent, ReadPosition } from '@rimuru/core';
import {
  chatRequest,
  chatSession,
  collectEvents,
  copilotEventsPath,
  copilotSessionStart,
  copilotShutdown,
  copilotUserMessage,
  jsonl,
  mergeActivity,
  mutation,
  ofType,
  tokensBySession,
  vscodeUserDir,
  workspaceJson,
} from '@rimuru/test-utils/copilot';
import { createTempHome, testAdapterContext, type TempHome } from '@rimuru/test-utils/fs-home';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copilotAdapter } from './adapter.js';

let home: TempHome;
beforeEach(async () => {
  home = await createTempHome('rimuru-copilot-e2e-');
});
afterEach(async () => {
  await home.cleanup();
});

/** A minimal engine: keeps each source's last checkpoint; append sources resume, snapshots restart. */
async function syncOnce(
  positions: Map<string, ReadPosition>,
  ctx: ReturnType<typeof testAdapterContext>,
): Promise<AdapterEvent[]> {
  const events: AdapterEvent[] = [];
  for (const source of await copilotAdapter.discover(ctx)) {
    const from =
      source.mode === 'append'
        ? (positions.get(source.path) ?? { offset: 0, state: null })
        : { offset: 0, state: null };
    for (const event of await collectEvents(copilotAdapter.read(source, from, ctx))) {
      events.push(event);
      if (event.type === 'checkpoint') positions.set(source.path, { offset: event.offset, state: event.state });
    }
  }
  return events;
}

describe('copilotAdapter over a home with both products', () => {
  it('gives CLI sessions known tokens, VS Code sessions unknown tokens, and syncs incrementally', async () => {
    const ctx = testAdapterContext({ homeDir: home.dir });
    const cli = await home.write(
      copilotEventsPath('cli-1'),
      jsonl([
        copilotSessionStart({ id: 'a', timestamp: '2026-05-01T08:00:00.000Z', sessionId: 'cli-1', cwd: '/repo' }),
        copilotShutdown({
          id: 'sd1',
          timestamp: '2026-05-01T08:10:00.000Z',
          modelMetrics: { 'gpt-5.4': { inputTokens: 900, outputTokens: 90, cacheReadTokens: 800 } },
        }),
      ]),
    );
    const user = vscodeUserDir('linux');
    await home.write(`${user}/workspaceStorage/w1/workspace.json`, workspaceJson({ folder: 'file:///repo' }));
    await home.write(
      `${user}/workspaceStorage/w1/chatSessions/chat-1.jsonl`,
      jsonl([
        mutation.initial(
          chatSession({
            sessionId: 'chat-1',
            creationDate: Date.parse('2026-05-02T09:00:00Z'),
            requests: [chatRequest({ timestamp: Date.parse('2026-05-02T09:05:00Z') })],
          }),
        ),
      ]),
    );

    const positions = new Map<string, ReadPosition>();
    const first = await syncOnce(positions, ctx);
    expect(ofType(first, 'diagnostic')).toEqual([]);
    expect([...tokensBySession(first)]).toEqual([
      ['cli-1', { input: 100, output: 90, cacheRead: 800, cacheWrite5m: 0, cacheWrite1h: 0, reasoning: 0 }],
    ]);
    const sessions = mergeActivity(first);
    expect(sessions.get('cli-1')).toMatchObject({ projectPath: '/repo', tokensKnown: true });
    expect(sessions.get('chat-1')).toMatchObject({
      projectPath: '/repo',
      tokensKnown: false,
      lastAt: '2026-05-02T09:05:00.000Z',
    });

    // The CLI session is resumed and shut down again; only the new lines are read.
    await appendFile(
      cli,
      jsonl([
        copilotUserMessage({ id: 'c', timestamp: '2026-05-03T10:00:00.000Z', content: 'again' }),
        copilotShutdown({
          id: 'sd2',
          timestamp: '2026-05-03T10:05:00.000Z',
          modelMetrics: { 'gpt-5.4': { inputTokens: 50, outputTokens: 5 } },
        }),
      ]),
    );
    const second = await syncOnce(positions, ctx);
    const cliUsage = ofType(second, 'usage');
    expect(cliUsage.map((u) => [u.dedupeKey, u.line])).toEqual([['cli-1:sd2:gpt-5.4', 4]]);
    expect(tokensBySession([...first, ...second]).get('cli-1')).toMatchObject({
      input: 150,
      output: 95,
      cacheRead: 800,
    });
    expect(mergeActivity([...first, ...second]).get('cli-1')).toMatchObject({
      firstAt: '2026-05-01T08:00:00.000Z',
      lastAt: '2026-05-03T10:05:00.000Z',
    });
  });
});
