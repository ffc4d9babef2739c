import type { AdapterEvent, UsageEvent } from '@rimuru/core';
import { createTempHome, testAdapterContext, type TempHome } from '@rimuru/test-utils/fs-home';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rooCodeAdapter } from './index.js';

const TASK = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe('Roo Code specifics', () => {
  let home: TempHome;
  beforeEach(async () => {
    home = await createTempHome('rimuru-roo-');
  });
  afterEach(() => home.cleanup());

  it('finds the extension storage and the CLI shim’s global storage; the override replaces both', async () => {
    await home.write(
      join('.config', 'Code', 'User', 'globalStorage', 'rooveterinaryinc.roo-cline', 'tasks', TASK, 'ui_messages.json'),
      '[]',
    );
    await home.write(join('.vscode-mock', 'global-storage', 'tasks', TASK, 'ui_messages.json'), '[]');
    await home.write(join('custom', 'tasks', TASK, 'ui_messages.json'), '[]');
    const ctx = testAdapterContext({ homeDir: home.dir });
    expect((await rooCodeAdapter.roots(ctx)).map((r) => r.slice(home.dir.length))).toEqual([
      join('/.config', 'Code', 'User', 'globalStorage', 'rooveterinaryinc.roo-cline', 'tasks'),
      join('/.vscode-mock', 'global-storage', 'tasks'),
    ]);
    const overridden = testAdapterContext({ homeDir: home.dir, env: { ROO_CODE_STORAGE_DIR: '~/custom' } });
    expect(await rooCodeAdapter.roots(overridden)).toEqual([join(home.dir, 'custom', 'tasks')]);
  });

  it('reads an Anthropic-protocol request as the remainder before 3.29.5 and as the whole prompt after', async () => {
    const before = Date.UTC(2025, 9, 20);
    const after = Date.UTC(2025, 10, 3);
    const body = (ts: number) => ({
      ts,
      type: 'say',
      say: 'api_req_started',
      text: JSON.stringify({
        apiProtocol: 'anthropic',
        tokensIn: 40_000,
        tokensOut: 10,
        cacheWrites: 1_000,
        cacheReads: 30_000,
        cost: 0.1,
      }),
    });
    const path = await home.write(
      join('.config', 'Code', 'User', 'globalStorage', 'rooveterinaryinc.roo-cline', 'tasks', TASK, 'ui_messages.json'),
      JSON.stringify([body(before), body(after)]),
    );
    const events: AdapterEvent[] = [];
    for await (const e of rooCodeAdapter.read(
      { path, mode: 'snapshot' },
      { offset: 0, state: null },
      testAdapterContext({ homeDir: home.dir }),
    ))
      events.push(e);
    expect(events.filter((e): e is UsageEvent => e.type === 'usage').map((u) => u.tokens.input)).toEqual([
      40_000, 9_000,
    ]);
  });
});
