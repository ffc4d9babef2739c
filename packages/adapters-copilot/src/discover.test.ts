import { symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { RimuruError } from '@rimuru/core';
import {
  chatRequest,
  chatSession,
  copilotEventsPath,
  copilotSessionStart,
  jsonl,
  vscodeUserDir,
} from '@rimuru/test-utils/copilot';
import { createTempHome, testAdapterContext, type TempHome } from '@rimuru/test-utils/fs-home';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copilotAdapter } from './adapter.js';
import { sourceKindOf } from './source-kind.js';

let home: TempHome;
beforeEach(async () => {
  home = await createTempHome('rimuru-copilot-disc-');
});
afterEach(async () => {
  await home.cleanup();
});

const events = jsonl([copilotSessionStart({ id: 'e1', timestamp: '2026-01-01T00:00:00.000Z', sessionId: 's' })]);
const chat = JSON.stringify(
  chatSession({ sessionId: 'c', creationDate: 1, requests: [chatRequest({ timestamp: 2 })] }),
);
const ctx = (env: Record<string, string> = {}, platform = 'linux') =>
  testAdapterContext({ homeDir: home.dir, env, platform });
const rel = (paths: { path: string; mode: string }[]) => paths.map((s) => [s.path.slice(home.dir.length + 1), s.mode]);

describe('detect / roots / discover', () => {
  it('finds nothing in an empty home', async () => {
    expect(await copilotAdapter.detect(ctx())).toBe(false);
    expect(await copilotAdapter.roots(ctx())).toEqual([]);
    expect(await copilotAdapter.discover(ctx())).toEqual([]);
  });

  it('lists CLI logs (both layouts, append) before VS Code chats (snapshot), sorted, deterministic', async () => {
    await home.write(copilotEventsPath('b-session'), events);
    await home.write(copilotEventsPath('a-session'), events);
    await home.write('.copilot/session-state/legacy.jsonl', events);
    await home.write('.copilot/session-state/a-session/plan.md', '# not a log');
    await home.write('.copilot/history-session-state/old.jsonl', events);
    const user = vscodeUserDir('linux');
    await home.write(`${user}/workspaceStorage/h1/chatSessions/z.json`, chat);
    await home.write(`${user}/workspaceStorage/h1/chatSessions/y.jsonl`, chat);
    await home.write(`${user}/workspaceStorage/h1/workspace.json`, '{}');
    await home.write(`${user}/workspaceStorage/h2/state.vscdb`, 'x');
    await home.write(`${user}/globalStorage/emptyWindowChatSessions/e.json`, chat);
    await home.write(`${vscodeUserDir('linux', 'Code - Insiders')}/workspaceStorage/h3/chatSessions/i.jsonl`, chat);

    expect(await copilotAdapter.detect(ctx())).toBe(true);
    const sources = await copilotAdapter.discover(ctx());
    expect(rel(sources)).toEqual([
      ['.copilot/session-state/a-session/events.jsonl', 'append'],
      ['.copilot/session-state/b-session/events.jsonl', 'append'],
      ['.copilot/session-state/legacy.jsonl', 'append'],
      ['.copilot/history-session-state/old.jsonl', 'append'],
      [`${user}/workspaceStorage/h1/chatSessions/y.jsonl`, 'snapshot'],
      [`${user}/workspaceStorage/h1/chatSessions/z.json`, 'snapshot'],
      [`${user}/globalStorage/emptyWindowChatSessions/e.json`, 'snapshot'],
      ['.config/Code - Insiders/User/workspaceStorage/h3/chatSessions/i.jsonl', 'snapshot'],
    ]);
    expect(await copilotAdapter.discover(ctx())).toEqual(sources);
    expect(sources.map((s) => sourceKindOf(s.path))).toEqual([
      ...Array<string>(4).fill('cli-events'),
      ...Array<string>(4).fill('vscode-chat'),
    ]);
    expect((await copilotAdapter.roots(ctx())).map((r) => r.slice(home.dir.length + 1))).toEqual([
      '.copilot/session-state',
      '.copilot/history-session-state',
      `${user}/workspaceStorage`,
      `${user}/globalStorage/emptyWindowChatSessions`,
      '.config/Code - Insiders/User/workspaceStorage',
    ]);
  });

  it('follows each platform: macOS Application Support, Windows APPDATA, XDG_CONFIG_HOME, VS Code Server', async () => {
    await home.write(`${vscodeUserDir('darwin')}/globalStorage/emptyWindowChatSessions/m.json`, chat);
    await home.write('roaming/Code/User/globalStorage/emptyWindowChatSessions/w.json', chat);
    await home.write('xdg/Code/User/globalStorage/emptyWindowChatSessions/x.json', chat);
    await home.write('.vscode-server/data/User/globalStorage/emptyWindowChatSessions/r.json', chat);
    const names = async (c: ReturnType<typeof ctx>) =>
      (await copilotAdapter.discover(c)).map((s) => s.path.split('/').at(-1));
    expect(await names(ctx({}, 'darwin'))).toEqual(['m.json', 'r.json']);
    expect(await names(ctx({ APPDATA: join(home.dir, 'roaming') }, 'win32'))).toEqual(['w.json', 'r.json']);
    expect(await names(ctx({ XDG_CONFIG_HOME: join(home.dir, 'xdg') }))).toEqual(['x.json', 'r.json']);
    expect(await names(ctx({ XDG_CONFIG_HOME: 'relative' }))).toEqual(['r.json']);
  });

  it('reads COPILOT_CONFIG_DIR instead of ~/.copilot, and refuses one that does not exist', async () => {
    await home.write(copilotEventsPath('default'), events);
    await home.write(copilotEventsPath('custom', 'alt'), events);
    expect(rel(await copilotAdapter.discover(ctx({ COPILOT_CONFIG_DIR: '~/alt' })))).toEqual([
      ['alt/session-state/custom/events.jsonl', 'append'],
    ]);
    expect(rel(await copilotAdapter.discover(ctx({ COPILOT_CONFIG_DIR: '  ' })))).toEqual([
      ['.copilot/session-state/default/events.jsonl', 'append'],
    ]);
    const wrong = ctx({ COPILOT_CONFIG_DIR: join(home.dir, 'nowhere') });
    await expect(copilotAdapter.discover(wrong)).rejects.toBeInstanceOf(RimuruError);
    await expect(copilotAdapter.roots(wrong)).rejects.toMatchObject({ code: 'SOURCE_ERROR' });
  });

  it('lists a file reachable twice through symlinks once', async () => {
    await home.write(copilotEventsPath('s1'), events);
    await symlink(join(home.dir, '.copilot/session-state/s1'), join(home.dir, '.copilot/session-state/s2'));
    expect(rel(await copilotAdapter.discover(ctx()))).toEqual([['.copilot/session-state/s1/events.jsonl', 'append']]);
  });
});
