import type { AdapterEvent, SessionActivity, UsageEvent } from '@rimuru/core';
import { createTempHome, testAdapterContext, type TempHome } from '@rimuru/test-utils/fs-home';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kiloCodeAdapter } from './index.js';

const TASK = '6ba7b810-9dad-41d1-80b4-00c04fd430c8';
const STORAGE = join('Library', 'Application Support', 'Code', 'User', 'globalStorage', 'kilocode.kilo-code');

describe('Kilo Code specifics', () => {
  let home: TempHome;
  beforeEach(async () => {
    home = await createTempHome('rimuru-kilo-');
  });
  afterEach(() => home.cleanup());

  it('takes Roo’s change of tokensIn from 4.119.0 (2025-11-12) on, the model from the prompt and the workspace from history_item.json', async () => {
    const ts1 = Date.UTC(2025, 10, 5); // after Roo's release, before Kilo's
    const ts2 = Date.UTC(2025, 10, 20);
    const req = (ts: number) => ({
      ts,
      type: 'say',
      say: 'api_req_started',
      text: JSON.stringify({
        apiProtocol: 'anthropic',
        tokensIn: 40_000,
        tokensOut: 10,
        cacheWrites: 0,
        cacheReads: 30_000,
        cost: 0.1,
      }),
    });
    const path = await home.write(
      join(STORAGE, 'tasks', TASK, 'ui_messages.json'),
      JSON.stringify([{ ts: ts1 - 1, type: 'say', say: 'text', text: 'Refactor' }, req(ts1), req(ts2)]),
    );
    await home.write(
      join(STORAGE, 'tasks', TASK, 'history_item.json'),
      JSON.stringify({ id: TASK, ts: ts1, task: 'Refactor the parser', workspace: '/Users/dev/kilo-app' }),
    );
    await home.write(
      join(STORAGE, 'tasks', TASK, 'api_conversation_history.json'),
      JSON.stringify([
        {
          role: 'user',
          ts: ts1 + 5,
          content: [
            {
              type: 'text',
              text: '<environment_details><model>kilo/anthropic/claude-sonnet-4</model></environment_details>',
            },
          ],
        },
        {
          role: 'user',
          ts: ts2 + 5,
          content: [
            { type: 'text', text: '<environment_details><model>x-ai/grok-code-fast-1</model></environment_details>' },
          ],
        },
      ]),
    );
    const ctx = testAdapterContext({ homeDir: home.dir, platform: 'darwin' });
    expect(await kiloCodeAdapter.discover(ctx)).toEqual([{ path, mode: 'snapshot' }]);
    const events: AdapterEvent[] = [];
    for await (const e of kiloCodeAdapter.read({ path, mode: 'snapshot' }, { offset: 0, state: null }, ctx))
      events.push(e);
    const usage = events.filter((e): e is UsageEvent => e.type === 'usage');
    expect(usage.map((u) => [u.tokens.input, u.model])).toEqual([
      [40_000, 'kilo/anthropic/claude-sonnet-4'],
      [10_000, 'x-ai/grok-code-fast-1'],
    ]);
    const activity = events.find((e): e is SessionActivity => e.type === 'activity');
    expect(activity).toMatchObject({
      sessionExternalId: TASK,
      projectPath: '/Users/dev/kilo-app',
      title: 'Refactor the parser',
      firstAt: new Date(ts1 - 1).toISOString(),
    });
  });
});
