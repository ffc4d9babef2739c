import type { AdapterEvent, SessionActivity } from '@rimuru/core';
import { createTempHome, testAdapterContext, type TempHome } from '@rimuru/test-utils/fs-home';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clineAdapter } from './index.js';

const STORAGE = join('.config', 'Code', 'User', 'globalStorage', 'saoudrizwan.claude-dev');
const TASK = '1751371200000';

async function read(home: TempHome, path: string): Promise<AdapterEvent[]> {
  const events: AdapterEvent[] = [];
  for await (const e of clineAdapter.read(
    { path, mode: 'snapshot' },
    { offset: 0, state: null },
    testAdapterContext({ homeDir: home.dir }),
  ))
    events.push(e);
  return events;
}

describe('reading one Cline task folder', () => {
  let home: TempHome;
  beforeEach(async () => {
    home = await createTempHome('rimuru-cline-task-');
  });
  afterEach(() => home.cleanup());

  const messages = JSON.stringify([
    { ts: 1751371200000, type: 'say', say: 'task', text: 'Add   a\nfeature' },
    {
      ts: 1751371201000,
      type: 'say',
      say: 'api_req_started',
      text: '{"tokensIn":5,"tokensOut":6,"cacheReads":0,"cacheWrites":0,"cost":0}',
    },
  ]);

  it('takes project and title from state/taskHistory.json and ends at the file’s size', async () => {
    const path = await home.write(join(STORAGE, 'tasks', TASK, 'ui_messages.json'), messages);
    await home.write(
      join(STORAGE, 'state', 'taskHistory.json'),
      JSON.stringify([
        {
          id: TASK,
          ts: 1,
          task: 'Add a feature',
          cwdOnTaskInitialization: '/srv/app',
          tokensIn: 5,
          tokensOut: 6,
          totalCost: 0,
        },
      ]),
    );
    const events = await read(home, path);
    expect(events.find((e): e is SessionActivity => e.type === 'activity')).toMatchObject({
      projectPath: '/srv/app',
      title: 'Add a feature',
      tokensKnown: true,
    });
    expect(events.at(-1)).toEqual({ type: 'checkpoint', offset: Buffer.byteLength(messages), state: null });
  });

  it('reports a corrupt side file, falls back to the first prompt for the title, and still reads the usage', async () => {
    const path = await home.write(join(STORAGE, 'tasks', TASK, 'ui_messages.json'), messages);
    await home.write(join(STORAGE, 'tasks', TASK, 'task_metadata.json'), '{"model_usage": [');
    const events = await read(home, path);
    expect(events.filter((e) => e.type === 'diagnostic').map((e) => (e.type === 'diagnostic' ? e.code : ''))).toEqual([
      'invalid-side-file',
    ]);
    expect(events.filter((e) => e.type === 'usage')).toHaveLength(1);
    expect(events.find((e): e is SessionActivity => e.type === 'activity')).toMatchObject({
      projectPath: null,
      title: 'Add a feature',
    });
  });

  it('reports a document that is not a message array', async () => {
    const path = await home.write(join(STORAGE, 'tasks', TASK, 'ui_messages.json'), '{"messages": []}');
    const events = await read(home, path);
    expect(events.map((e) => e.type)).toEqual(['diagnostic', 'checkpoint']);
  });
});
